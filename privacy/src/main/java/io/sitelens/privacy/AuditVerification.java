package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.TenantId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link AuditLog#verify}: whether the chain holds, its head (to anchor elsewhere), and the
 * problems found, first one first.
 *
 * @param firstBadSequence the sequence number at which the chain first breaks, or null when valid
 */
public record AuditVerification(
        TenantId tenant,
        boolean valid,
        long count,
        String headHash,
        @Nullable Long firstBadSequence,
        List<String> problems) {
    public AuditVerification {
        requireNonNull(tenant, "tenant");
        requireNonNull(headHash, "headHash");
        problems = List.copyOf(problems);
    }

    /** The head as {@code COUNT:HASH}, the form {@link AuditAnchor#parse} reads. */
    public AuditAnchor head() {
        return new AuditAnchor(count, headHash);
    }
}
