package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An amount of one kind of usage, by one provider, for one project, at a time. */
public record UsageRecord(ProjectKey project, String providerId, UsageKind kind, long amount, Instant at) {
    public UsageRecord {
        requireNonNull(project, "project");
        requireNonNull(providerId, "providerId");
        requireNonNull(kind, "kind");
        requireNonNull(at, "at");
        if (amount < 0) {
            throw new IllegalArgumentException("usage amount must not be negative: " + amount);
        }
    }
}
