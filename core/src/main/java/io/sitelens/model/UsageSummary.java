package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * Usage of a project over a period, totalled per provider and kind.
 *
 * @param totals provider id → kind → total amount
 */
public record UsageSummary(ProjectKey project, Instant from, Instant to, Map<String, Map<UsageKind, Long>> totals) {
    public UsageSummary {
        requireNonNull(project, "project");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        totals = Map.copyOf(requireNonNull(totals, "totals"));
    }

    public long total(UsageKind kind) {
        return totals.values().stream().mapToLong(m -> m.getOrDefault(kind, 0L)).sum();
    }

    public long total(String providerId, UsageKind kind) {
        return totals.getOrDefault(providerId, Map.of()).getOrDefault(kind, 0L);
    }
}
