package io.sitelens.collector.internal;

import io.sitelens.spi.storage.VisitSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Open visits, in memory: a visitor's next batch continues their visit unless 30 minutes passed since its last
 * event. Keyed by site and visitor (or cookie) id, never by address. Ended visits are dropped from memory (they
 * are already stored).
 */
public final class Sessions {
    public static final Duration INACTIVITY = Duration.ofMinutes(30);
    private static final int PRUNE_ABOVE = 100_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, VisitSession> open = new ConcurrentHashMap<>();

    /**
     * Applies {@code update} to the visitor's open session (or to a new one made by {@code fresh} with a new
     * id when none is open at {@code at}) and returns the result.
     */
    public VisitSession advance(
            String key,
            Instant at,
            java.util.function.Function<String, VisitSession> fresh,
            UnaryOperator<VisitSession> update) {
        if (open.size() > PRUNE_ABOVE) {
            open.values().removeIf(s -> ended(s, at));
        }
        return open.compute(key, (k, current) -> {
            VisitSession base = current == null || ended(current, at) ? fresh.apply(newId()) : current;
            return update.apply(base);
        });
    }

    /** The open session of a key, if any (tests). */
    public @Nullable VisitSession current(String key) {
        return open.get(key);
    }

    private static boolean ended(VisitSession s, Instant at) {
        return Duration.between(s.lastSeen(), at).compareTo(INACTIVITY) > 0;
    }

    private String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
