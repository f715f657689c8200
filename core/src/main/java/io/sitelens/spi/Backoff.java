package io.sitelens.spi;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Exponential backoff with full jitter for retrying external calls: attempt {@code n} (1-based) waits a random
 * time in {@code [0, min(max, base * 2^(n-1))]}, or what the server asked for in {@code Retry-After} when that
 * is longer (capped at {@code max}). Connectors share it so that every one backs off the same documented way.
 *
 * @param maxAttempts how many attempts in all (the first call included); the caller stops after this many
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    /** 500 ms doubling to at most 30 s, 5 attempts. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 5);

    public Backoff {
        if (base.isNegative() || max.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= max, got " + base + " and " + max);
        }
        if (maxAttempts < 1 || maxAttempts > 50) {
            throw new IllegalArgumentException("maxAttempts must be within 1..50, got " + maxAttempts);
        }
    }

    /** Whether another attempt may follow attempt {@code attempt} (1-based). */
    public boolean allowsAnotherAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** How long to wait after attempt {@code attempt} failed. */
    public Duration delay(int attempt, @Nullable Duration retryAfter) {
        long cap = max.toMillis();
        long exp = base.toMillis() << Math.min(30, Math.max(0, attempt - 1));
        long ceiling = Math.min(cap, exp < 0 ? cap : exp);
        long jittered = ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
        if (retryAfter != null && !retryAfter.isNegative()) {
            jittered = Math.max(jittered, Math.min(cap, retryAfter.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }
}
