package io.sitelens;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A provider asked us to slow down or is out of quota; {@link #retryAfter()} says when to come back, if known. */
public final class RateLimitedException extends SitelensException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Duration retryAfter;

    public RateLimitedException(
            ErrorCode code,
            String providerId,
            String message,
            @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(code, providerId, message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long to wait before retrying, or null when the provider did not say (or the quota is gone for the day). */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
