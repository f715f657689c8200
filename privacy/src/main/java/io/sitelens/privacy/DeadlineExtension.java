package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An extension of a request's deadline (GDPR Art. 12(3)): by how many months, why, when it was decided. */
public record DeadlineExtension(int months, String reason, Instant at) {
    public DeadlineExtension {
        requireNonNull(reason, "reason");
        requireNonNull(at, "at");
    }
}
