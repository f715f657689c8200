package io.sitelens.spi.privacy;

import io.sitelens.model.DataSubject;
import io.sitelens.model.TenantId;
import java.util.Map;

/**
 * Checks that the person making a data-subject request is the subject (GDPR Art. 12(6)). Supplied by the host,
 * which knows how its users prove who they are (a signed-in session, a confirmation e-mail, a document check).
 * Never throws for a failed check: it answers {@link IdentityVerification#rejected}.
 */
@FunctionalInterface
public interface IdentityVerifier {

    /**
     * @param evidence what the requester supplied (a session id, a confirmation token); never logged
     */
    IdentityVerification verify(TenantId tenant, DataSubject subject, Map<String, String> evidence);
}
