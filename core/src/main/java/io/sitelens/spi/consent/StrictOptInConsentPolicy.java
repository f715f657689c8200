package io.sitelens.spi.consent;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ConsentRecord;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.ConsentStore;
import java.time.Instant;
import java.util.Optional;

/**
 * The default policy: nothing about an end user is processed for a purpose unless the ledger's newest record
 * for that subject and purpose, at or before the time asked about, is a grant. A withdrawal takes effect at
 * once; no record means no.
 */
public final class StrictOptInConsentPolicy implements ConsentPolicy {
    public static final String ID = "strict-opt-in";

    private final ConsentStore ledger;

    public StrictOptInConsentPolicy(ConsentStore ledger) {
        this.ledger = requireNonNull(ledger, "ledger");
    }

    @Override
    public ConsentDecision decide(TenantId tenant, SubjectIdentity subject, Purpose purpose, Instant at) {
        Optional<ConsentRecord> current = ledger.current(tenant, subject, purpose, at);
        if (current.isEmpty()) {
            return ConsentDecision.deny("no consent recorded for " + purpose);
        }
        ConsentRecord r = current.get();
        return r.granted()
                ? ConsentDecision.allow("granted " + r.at() + " (notice " + r.noticeVersion() + ", " + r.method() + ")")
                : ConsentDecision.deny("withdrawn " + r.at() + " (" + r.method() + ")");
    }

    /** The factory under id {@value #ID}. */
    public static ConsentPolicy.Factory factory() {
        return new ConsentPolicy.Factory() {
            @Override
            public String id() {
                return ID;
            }

            @Override
            public ConsentPolicy create(ConsentStore ledger) {
                return new StrictOptInConsentPolicy(ledger);
            }
        };
    }
}
