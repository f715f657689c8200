package io.sitelens.connector.ga4.internal;

import io.sitelens.SitelensException;
import io.sitelens.model.DataSubject;
import io.sitelens.model.IdentityType;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.UsageMeter;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.util.List;
import java.util.Set;

/**
 * Erases a data subject's GA4 data: one Admin API user deletion per GA client id and per GA user id the subject
 * is known by. GA4 deletes asynchronously (within about 72 hours, then from backups within 63 days); a repeated
 * request does no harm. Only erasure is supported: GA4 has no way to export or change one user's data.
 */
public final class Ga4UserDeletionHandler implements PrivacyRightsHandler {
    private final Ga4Settings settings;
    private final UserDeletionClient client;
    private final UsageMeter usage;

    public Ga4UserDeletionHandler(Ga4Settings settings, UserDeletionClient client, UsageMeter usage) {
        this.settings = settings;
        this.client = client;
        this.usage = usage;
    }

    @Override
    public String id() {
        return Ga4Vocabulary.PROVIDER;
    }

    @Override
    public Set<PrivacyRight> supportedRights() {
        return Set.of(PrivacyRight.ERASURE);
    }

    @Override
    public Set<IdentityType> identityTypes() {
        return Set.of(IdentityType.GA_CLIENT, IdentityType.GA_USER);
    }

    @Override
    public HandlerResult erase(PrivacyRequestContext request, DataSubject subject) {
        List<SubjectIdentity> clients = subject.identities(IdentityType.GA_CLIENT);
        List<SubjectIdentity> users = subject.identities(IdentityType.GA_USER);
        if (clients.isEmpty() && users.isEmpty()) {
            return new HandlerResult(
                    id(),
                    HandlerResult.Status.NOT_FOUND,
                    0,
                    List.of(),
                    "no GA client id (ga-client:) or user id (ga-user:) is known for this subject, so GA4 cannot"
                            + " look it up");
        }
        int sent = 0;
        try {
            for (SubjectIdentity c : clients) {
                client.submit(UserDeletionClient.IdKind.CLIENT_ID, c.value(), usage);
                sent++;
            }
            for (SubjectIdentity u : users) {
                client.submit(UserDeletionClient.IdKind.USER_ID, u.value(), usage);
                sent++;
            }
        } catch (SitelensException e) {
            return HandlerResult.failed(
                    id(), e.getMessage() + " (" + sent + " of " + (clients.size() + users.size()) + " sent before)");
        }
        return HandlerResult.done(
                id(),
                sent,
                "GA4 property " + settings.propertyId() + " accepted " + sent + " user deletion request(s); Google"
                        + " removes the data within about 72 hours");
    }

    @Override
    public String toString() {
        return "Ga4UserDeletionHandler[property=" + settings.propertyId() + "]";
    }
}
