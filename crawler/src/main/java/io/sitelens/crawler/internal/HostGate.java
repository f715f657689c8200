package io.sitelens.crawler.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness for one host: at most {@code permits} requests in flight, and, when an interval is set (the
 * configured delay, robots.txt's Crawl-delay, or a server's Retry-After), request starts spaced by it.
 */
final class HostGate {
    private final Semaphore permits;
    private volatile long intervalNanos;
    private long nextStart;

    HostGate(int permits, Duration interval) {
        this.permits = new Semaphore(permits, true);
        this.intervalNanos = interval.toNanos();
        this.nextStart = System.nanoTime();
    }

    void interval(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /** Waits for a permit and this request's start slot. */
    void enter() throws InterruptedException {
        permits.acquire();
        long wait = 0;
        long interval = intervalNanos;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextStart);
            if (interval > 0 || slot > now) {
                nextStart = slot + interval;
                wait = slot - now;
            }
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    void exit() {
        permits.release();
    }

    /** Holds back every request to this host for {@code pause} (a 429/503 with Retry-After). */
    synchronized void pause(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        if (until > nextStart) {
            nextStart = until;
        }
    }
}
