package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ConsentMethod;
import io.sitelens.model.ConsentRecord;
import io.sitelens.model.ConsentState;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.ConsentStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Records consents and withdrawals in the ledger ({@link ConsentStore}) and in the audit log (by pseudonym).
 * A withdrawal is recorded at the current instant and the ledger's newest record wins, so every
 * {@link io.sitelens.spi.consent.ConsentPolicy} reading the ledger denies from that instant on.
 */
public final class ConsentLedger {
    private final ConsentStore ledger;
    private final AuditLog audit;
    private final SubjectPseudonyms pseudonyms;
    private final Clock clock;

    public ConsentLedger(ConsentStore ledger, AuditLog audit, SubjectPseudonyms pseudonyms, Clock clock) {
        this.ledger = requireNonNull(ledger, "ledger");
        this.audit = requireNonNull(audit, "audit");
        this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms");
        this.clock = requireNonNull(clock, "clock");
    }

    public ConsentRecord grant(
            TenantId tenant,
            SubjectIdentity subject,
            Purpose purpose,
            String noticeVersion,
            ConsentMethod method,
            String source) {
        return record(tenant, subject, purpose, ConsentState.GRANTED, noticeVersion, method, source);
    }

    public ConsentRecord withdraw(
            TenantId tenant,
            SubjectIdentity subject,
            Purpose purpose,
            String noticeVersion,
            ConsentMethod method,
            String source) {
        return record(tenant, subject, purpose, ConsentState.WITHDRAWN, noticeVersion, method, source);
    }

    public List<ConsentRecord> history(TenantId tenant, SubjectIdentity subject) {
        return ledger.history(tenant, subject);
    }

    private ConsentRecord record(
            TenantId tenant,
            SubjectIdentity subject,
            Purpose purpose,
            ConsentState state,
            String noticeVersion,
            ConsentMethod method,
            String source) {
        ConsentRecord r =
                new ConsentRecord(tenant, subject, purpose, state, clock.instant(), noticeVersion, method, source);
        ledger.append(r);
        audit.append(
                tenant,
                state == ConsentState.GRANTED ? "consent.granted" : "consent.withdrawn",
                Map.of(
                        "subject", pseudonyms.of(tenant, subject),
                        "purpose", purpose.name(),
                        "noticeVersion", noticeVersion,
                        "method", method.name()));
        return r;
    }
}
