package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import io.sitelens.Outcome;
import io.sitelens.model.ProjectKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A recorded run (a sync, crawl, insight refresh, retention purge, audit): who asked, what, when, how it ended,
 * per-provider outcomes and the usage it spent.
 *
 * @param id a unique id (a UUID string)
 * @param requestedBy who started it ({@code cli}, {@code scheduler}, a host user id)
 * @param usage provider id → usage kind name → amount spent by this run
 */
public record RunRecord(
        String id,
        ProjectKey project,
        Kind kind,
        String requestedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        Status status,
        List<Outcome> outcomes,
        Map<String, Map<String, Long>> usage) {

    /** What a run does. */
    public enum Kind {
        SYNC,
        CRAWL,
        INSIGHTS,
        RETENTION,
        AUDIT
    }

    public enum Status {
        RUNNING,
        /** Every provider succeeded (or was skipped for a reason that is not a failure). */
        SUCCEEDED,
        /** Some providers failed, others succeeded: what succeeded is stored. */
        PARTIAL,
        FAILED,
        CANCELLED
    }

    public RunRecord {
        requireNonNull(id, "id");
        requireNonNull(project, "project");
        requireNonNull(kind, "kind");
        requireNonNull(requestedBy, "requestedBy");
        requireNonNull(startedAt, "startedAt");
        requireNonNull(status, "status");
        outcomes = List.copyOf(requireNonNull(outcomes, "outcomes"));
        usage = Map.copyOf(requireNonNull(usage, "usage"));
    }

    public RunRecord finish(
            Status endStatus, Instant at, List<Outcome> endOutcomes, Map<String, Map<String, Long>> spent) {
        return new RunRecord(id, project, kind, requestedBy, startedAt, at, endStatus, endOutcomes, spent);
    }
}
