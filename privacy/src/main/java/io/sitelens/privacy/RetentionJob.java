package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.SubjectRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Purges records about people whose retention period is over. A dry run reports what would go and changes
 * nothing; a real run deletes the records, their attached files and the consent-ledger records of identities
 * no remaining record refers to (keeping withdrawn-consent facts under a pseudonym), and writes one audit entry.
 * Running it again purges nothing more.
 */
public final class RetentionJob {
    private final StorageAdapter storage;
    private final RetentionPolicies policies;
    private final AuditLog audit;
    private final SubjectPseudonyms pseudonyms;
    private final Clock clock;

    public RetentionJob(
            StorageAdapter storage,
            RetentionPolicies policies,
            AuditLog audit,
            SubjectPseudonyms pseudonyms,
            Clock clock) {
        this.storage = requireNonNull(storage, "storage");
        this.policies = requireNonNull(policies, "policies");
        this.audit = requireNonNull(audit, "audit");
        this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms");
        this.clock = requireNonNull(clock, "clock");
    }

    /** A job over the store's own keys and the system clock. */
    public static RetentionJob of(StorageAdapter storage, RetentionPolicies policies, Clock clock) {
        TenantKeys keys = TenantKeys.stored(storage.privacy());
        return new RetentionJob(
                storage, policies, new AuditLog(storage.privacy(), keys, clock), new SubjectPseudonyms(keys), clock);
    }

    public RetentionReport dryRun(TenantId tenant) {
        return run(tenant, true);
    }

    public RetentionReport purge(TenantId tenant) {
        return run(tenant, false);
    }

    private RetentionReport run(TenantId tenant, boolean dryRun) {
        requireNonNull(tenant, "tenant");
        Instant now = clock.instant();
        List<RetentionReport.Line> lines = new ArrayList<>();
        for (RetentionPolicy p : policies.all()) {
            Instant cutoff = p.cutoff(now);
            List<SubjectRecord> due =
                    switch (p.basis()) {
                        case RELATIONSHIP_END ->
                            storage.privacy().subjectRecordsEndedBefore(tenant, p.category(), cutoff);
                        case RECORD_CREATED ->
                            storage.privacy().subjectRecordsCreatedBefore(tenant, p.category(), cutoff);
                    };
            long consents = dryRun ? 0 : purge(tenant, due);
            long behaviourRows = !dryRun && p.category().equals(RetentionPolicies.BEHAVIOUR_EVENTS)
                    ? purgeBehaviour(tenant, cutoff)
                    : 0;
            lines.add(new RetentionReport.Line(
                    p.category(),
                    p.period(),
                    p.basis(),
                    cutoff,
                    due.stream().map(SubjectRecord::id).toList(),
                    consents,
                    behaviourRows));
        }
        RetentionReport report = new RetentionReport(tenant, now, dryRun, lines);
        if (!dryRun) {
            Map<String, Object> purged = new LinkedHashMap<>();
            for (RetentionReport.Line l : lines) {
                purged.put(
                        l.category(),
                        Map.of(
                                "records", l.recordIds().size(),
                                "consentRecords", l.consentRecords(),
                                "behaviourRows", l.behaviourRows(),
                                "cutoff", l.cutoff().toString(),
                                "period", l.period().toString()));
            }
            audit.append(tenant, "retention.purge", Map.of("categories", purged, "total", report.total()));
        }
        return report;
    }

    /** The collector's events and sessions before the cutoff; stores without behaviour data have none. */
    private long purgeBehaviour(TenantId tenant, Instant cutoff) {
        try {
            return storage.behaviour().purgeEventsBefore(tenant, cutoff);
        } catch (io.sitelens.SitelensException e) {
            if (e.errorCode().equals(io.sitelens.ErrorCode.UNSUPPORTED)) {
                return 0;
            }
            throw e;
        }
    }

    private long purge(TenantId tenant, List<SubjectRecord> due) {
        Set<SubjectIdentity> identities = new LinkedHashSet<>();
        for (SubjectRecord r : due) {
            for (String sha : r.blobs()) {
                storage.blobs().delete(tenant, sha);
            }
            storage.privacy().deleteSubjectRecord(tenant, r.id());
            identities.addAll(r.identities());
        }
        long consents = 0;
        for (SubjectIdentity id : identities) {
            if (storage.privacy().subjectRecords(tenant, List.of(id)).isEmpty()) {
                consents += ConsentErasure.erase(storage, pseudonyms, tenant, id);
            }
        }
        return consents;
    }
}
