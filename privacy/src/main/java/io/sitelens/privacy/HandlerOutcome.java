package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.spi.privacy.HandlerResult;
import java.time.Instant;

/**
 * What one handler did for a request, after its latest attempt.
 *
 * @param attempts how many times the handler was called for this request
 */
public record HandlerOutcome(
        String handlerId, HandlerResult.Status status, long affected, String message, int attempts, Instant at) {
    public HandlerOutcome {
        requireNonNull(handlerId, "handlerId");
        requireNonNull(status, "status");
        requireNonNull(message, "message");
        requireNonNull(at, "at");
    }

    /** Done, nothing to do, or not implemented: nothing left to retry. */
    public boolean settled() {
        return status != HandlerResult.Status.FAILED;
    }
}
