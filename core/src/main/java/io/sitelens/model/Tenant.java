package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A tenant: one customer of the host (an agency's client).
 *
 * @param relationshipEnded the day the commercial relationship ended, or null while it goes on; retention
 *     periods ("10 years after the end of the relationship") count from it
 * @param archivedAt when the tenant was archived (kept, but excluded from scheduling), or null
 */
public record Tenant(
        TenantId id,
        String name,
        Instant createdAt,
        @Nullable LocalDate relationshipEnded,
        @Nullable Instant archivedAt) {
    public Tenant {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(createdAt, "createdAt");
        if (name.isBlank()) {
            throw new IllegalArgumentException("tenant " + id + " needs a name");
        }
    }

    public boolean archived() {
        return archivedAt != null;
    }

    public Tenant withName(String newName) {
        return new Tenant(id, newName, createdAt, relationshipEnded, archivedAt);
    }

    public Tenant withRelationshipEnded(@Nullable LocalDate day) {
        return new Tenant(id, name, createdAt, day, archivedAt);
    }

    public Tenant withArchivedAt(@Nullable Instant at) {
        return new Tenant(id, name, createdAt, relationshipEnded, at);
    }
}
