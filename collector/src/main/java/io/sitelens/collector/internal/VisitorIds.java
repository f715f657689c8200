package io.sitelens.collector.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cookieless visitor ids: HMAC-SHA256 under a random salt of the UTC day, over site, address and user agent,
 * truncated to 128 bits. Salts live only in this object's memory and are deleted 48 hours after their day
 * began, after which nobody (us included) can link an id back to an address.
 */
public final class VisitorIds {
    static final Duration SALT_LIFETIME = Duration.ofHours(48);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<LocalDate, byte[]> salts = new ConcurrentHashMap<>();

    public VisitorIds(Clock clock) {
        this.clock = clock;
    }

    public String visitorId(String site, InetAddress address, String userAgent) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        salts.keySet().removeIf(d -> !d.atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plus(SALT_LIFETIME)
                .isAfter(now));
        byte[] salt = salts.computeIfAbsent(day, d -> {
            byte[] s = new byte[32];
            random.nextBytes(s);
            return s;
        });
        return hash(salt, site + '\n' + address.getHostAddress() + '\n' + userAgent);
    }

    /** How many daily salts are held (for tests of the 48-hour rule). */
    public int saltsHeld() {
        return salts.size();
    }

    /** A keyed hash under a process-random key, for in-memory maps that must not hold plain addresses. */
    static String hash(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(out, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
