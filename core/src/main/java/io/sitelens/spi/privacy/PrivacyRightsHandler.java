package io.sitelens.spi.privacy;

import io.sitelens.model.DataSubject;
import io.sitelens.model.IdentityType;
import io.sitelens.model.Purpose;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, exports, rectifies, erases, restricts a data subject in one system (our storage, Matomo, GA4,
 * Mailchimp, a plugin's). Every method is idempotent for the same request; a right the handler does not
 * implement answers {@link HandlerResult.Status#UNSUPPORTED}; a subject the system does not know answers
 * {@link HandlerResult.Status#NOT_FOUND}; failures answer {@link HandlerResult.Status#FAILED} with a message
 * (or throw {@link io.sitelens.SitelensException}), never exposing the subject's data in the message.
 */
public interface PrivacyRightsHandler {

    String id();

    Set<PrivacyRight> supportedRights();

    /** The identity types this system can look a subject up by. */
    Set<IdentityType> identityTypes();

    default HandlerResult access(PrivacyRequestContext request, DataSubject subject) {
        return HandlerResult.unsupported(id(), PrivacyRight.ACCESS);
    }

    /** The machine-readable subset the subject provided or generated. Default: access, filtered. */
    default HandlerResult portability(PrivacyRequestContext request, DataSubject subject) {
        if (!supportedRights().contains(PrivacyRight.PORTABILITY)) {
            return HandlerResult.unsupported(id(), PrivacyRight.PORTABILITY);
        }
        HandlerResult all = access(request, subject);
        List<ExportedItem> provided =
                all.items().stream().filter(ExportedItem::providedBySubject).toList();
        return new HandlerResult(id(), all.status(), provided.size(), provided, all.message());
    }

    /** Changes every stored copy of the named fields. */
    default HandlerResult rectify(PrivacyRequestContext request, DataSubject subject, Map<String, String> corrections) {
        return HandlerResult.unsupported(id(), PrivacyRight.RECTIFICATION);
    }

    default HandlerResult erase(PrivacyRequestContext request, DataSubject subject) {
        return HandlerResult.unsupported(id(), PrivacyRight.ERASURE);
    }

    /** Marks the subject restricted (or lifts it); data is kept but excluded from processing of individuals. */
    default HandlerResult restrict(PrivacyRequestContext request, DataSubject subject, boolean restricted) {
        return HandlerResult.unsupported(id(), PrivacyRight.RESTRICTION);
    }

    /** Stops processing for {@code purpose} (objection to legitimate interest; always honoured for marketing). */
    default HandlerResult object(PrivacyRequestContext request, DataSubject subject, Purpose purpose) {
        return HandlerResult.unsupported(id(), PrivacyRight.OBJECTION);
    }
}
