package io.sitelens.connector.gtm.internal;

import java.time.Duration;

/**
 * Spaces calls at least {@code 1 / requestsPerSecond} apart (the Tag Manager API allows 0.25 requests per
 * second per user: one every 4 s). Thread-safe; callers wait in {@link #acquire()}.
 */
public final class RateLimiter {
    /** Reads a monotonic clock in nanoseconds and sleeps; replaced in tests. */
    public interface Ticker {
        long nanoTime();

        void sleep(Duration d) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            }
        };
    }

    private final long intervalNanos;
    private final Ticker ticker;
    private long next = Long.MIN_VALUE;

    public RateLimiter(double requestsPerSecond, Ticker ticker) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be positive, got " + requestsPerSecond);
        }
        this.intervalNanos = (long) (1_000_000_000L / requestsPerSecond);
        this.ticker = ticker;
    }

    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** Waits until the next call may go; returns how long it waited. */
    public Duration acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = ticker.nanoTime();
            long at = next == Long.MIN_VALUE ? now : Math.max(now, next);
            next = at + intervalNanos;
            wait = at - now;
        }
        if (wait > 0) {
            ticker.sleep(Duration.ofNanos(wait));
        }
        return Duration.ofNanos(Math.max(0, wait));
    }
}
