package io.sitelens.spi.consent;

import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.ConsentStore;
import java.time.Instant;

/**
 * Decides, per purpose, whether sitelens may process an end user's personal data. Supplied by the host (or
 * named in the CLI config); never discovered silently, and there is no allow-all default. Consent governs
 * end-user processing (behaviour events, visitor-level operations, geolocation, cookies, marketing), not
 * aggregate reports pulled from analytics providers.
 */
public interface ConsentPolicy {

    ConsentDecision decide(TenantId tenant, SubjectIdentity subject, Purpose purpose, Instant at);

    /** Makes a policy over a ledger; contributed by plugins and chosen by id. */
    interface Factory {
        String id();

        ConsentPolicy create(ConsentStore ledger);
    }
}
