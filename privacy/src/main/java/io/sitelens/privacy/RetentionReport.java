package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.TenantId;
import java.time.Instant;
import java.time.Period;
import java.util.List;

/**
 * What a retention run found (dry run) or purged, per category.
 *
 * @param dryRun true when nothing was deleted
 */
public record RetentionReport(TenantId tenant, Instant at, boolean dryRun, List<Line> lines) {
    public RetentionReport {
        requireNonNull(tenant, "tenant");
        requireNonNull(at, "at");
        lines = List.copyOf(lines);
    }

    /**
     * One category: its policy, the cutoff, the records due (by record id), unless a dry run how many
     * consent-ledger records went with them, and for behaviour events how many event and session rows were purged.
     */
    public record Line(
            String category,
            Period period,
            RetentionPolicy.Basis basis,
            Instant cutoff,
            List<String> recordIds,
            long consentRecords,
            long behaviourRows) {
        public Line {
            recordIds = List.copyOf(recordIds);
        }
    }

    public long total() {
        return lines.stream().mapToLong(l -> l.recordIds().size()).sum();
    }
}
