package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DataSubject;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.consent.ConsentDecision;
import io.sitelens.spi.consent.ConsentPolicy;
import io.sitelens.spi.storage.PrivacyStore;
import io.sitelens.spi.storage.SubjectRecord;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every flow that processes an individual asks first (behaviour collection and aggregation, visitor-level
 * connector operations, exports to sinks): a restricted subject (GDPR Art. 18) is excluded from everything, an
 * objection (Art. 21) stops processing for its purpose, and consent-based processing also needs the consent
 * policy's yes. Thread-safe.
 */
public final class ProcessingGate {
    private final PrivacyStore store;
    private final SubjectPseudonyms pseudonyms;
    private final ConsentPolicy consent;

    public ProcessingGate(PrivacyStore store, SubjectPseudonyms pseudonyms, ConsentPolicy consent) {
        this.store = requireNonNull(store, "store");
        this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms");
        this.consent = requireNonNull(consent, "consent");
    }

    /** A gate over a store's privacy data and tenant keys (the store must keep privacy data). */
    public static ProcessingGate over(io.sitelens.spi.storage.StorageAdapter storage, ConsentPolicy consent) {
        PrivacyStore store = storage.privacy();
        return new ProcessingGate(store, new SubjectPseudonyms(TenantKeys.stored(store)), consent);
    }

    /**
     * This gate as a {@link ConsentPolicy}, for flows that take one (the behaviour collector): restricted subjects
     * and objections are refused before the consent policy is asked.
     */
    public ConsentPolicy asConsentPolicy() {
        return this::decide;
    }

    /** For processing based on consent: restriction, objection, then the consent policy. */
    public ConsentDecision decide(TenantId tenant, SubjectIdentity subject, Purpose purpose, Instant at) {
        @Nullable ConsentDecision blocked = blocked(tenant, subject, purpose);
        return blocked != null ? blocked : consent.decide(tenant, subject, purpose, at);
    }

    /**
     * For processing based on legitimate interest or contract: restriction and objection only (an objection
     * to marketing is always honoured).
     */
    public ConsentDecision decideWithoutConsent(TenantId tenant, SubjectIdentity subject, Purpose purpose) {
        @Nullable ConsentDecision blocked = blocked(tenant, subject, purpose);
        return blocked != null ? blocked : ConsentDecision.allow("not restricted, no objection to " + purpose);
    }

    /** Whether any identity of the subject is restricted. */
    public boolean restricted(TenantId tenant, DataSubject subject) {
        return subject.identities().stream().anyMatch(i -> store.restricted(tenant, pseudonyms.of(tenant, i)));
    }

    /**
     * The records of a category that a flow may process for {@code purpose} on legitimate interest (such as an
     * export of customer contacts to a sink): restricted subjects and those who objected are left out.
     */
    public List<SubjectRecord> recordsToProcess(TenantId tenant, String category, Purpose purpose) {
        return store.subjectRecords(tenant, category).stream()
                .filter(r -> r.identities().stream().allMatch(i -> blocked(tenant, i, purpose) == null))
                .toList();
    }

    private @Nullable ConsentDecision blocked(TenantId tenant, SubjectIdentity subject, Purpose purpose) {
        String p = pseudonyms.of(tenant, subject);
        if (store.restricted(tenant, p)) {
            return ConsentDecision.deny("processing of this subject is restricted (GDPR Art. 18)");
        }
        if (store.objections(tenant, p).contains(purpose)) {
            return ConsentDecision.deny("the subject objected to " + purpose + " (GDPR Art. 21)");
        }
        return null;
    }
}
