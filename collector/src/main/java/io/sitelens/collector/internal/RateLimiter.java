package io.sitelens.collector.internal;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-address token buckets, in memory only and keyed by a keyed hash of the address (the key is random per
 * process), so even the limiter's map holds no plain address. Idle buckets are dropped.
 */
public final class RateLimiter {
    private static final int MAX_BUCKETS = 200_000;

    private final Clock clock;
    private final double capacity;
    private final double perMilli;
    private final byte[] key = new byte[32];
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    /** {@code burst} batches at once, refilled at {@code perMinute} batches a minute. */
    public RateLimiter(Clock clock, int burst, int perMinute) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("rate limit needs burst >= 1 and perMinute >= 1");
        }
        this.clock = clock;
        this.capacity = burst;
        this.perMilli = perMinute / 60_000.0;
        new SecureRandom().nextBytes(key);
    }

    /** True when the address may send one more batch now. */
    public boolean tryAcquire(InetAddress address) {
        long now = clock.millis();
        if (buckets.size() > MAX_BUCKETS) {
            long idle = (long) (capacity / perMilli);
            buckets.values().removeIf(b -> now - (long) b[1] > idle);
        }
        double[] bucket = buckets.computeIfAbsent(
                VisitorIds.hash(key, address.getHostAddress()), k -> new double[] {capacity, now});
        synchronized (bucket) {
            bucket[0] = Math.min(capacity, bucket[0] + (now - bucket[1]) * perMilli);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return true;
            }
            return false;
        }
    }
}
