package io.sitelens.collector.internal;

import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.PrivacyStore;
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
import org.jspecify.annotations.Nullable;

/**
 * Cookieless visitor ids: HMAC-SHA256 under a random salt of the UTC day, over site, address and user agent,
 * truncated to 128 bits. Salts are deleted 48 hours after their day began, after which nobody (us included) can
 * link an id back to an address.
 *
 * <p>By default salts live only in this object's memory, so each collector process has its own. With a shared
 * {@link PrivacyStore}, a salt is the tenant key {@code collector-salt-YYYY-MM-DD} of the site's tenant, so every
 * process on the store gives a visitor the same id; the first process to see a new day deletes the salts of the
 * days that have expired (up to a week back, for days no process ran).
 */
public final class VisitorIds {
    static final Duration SALT_LIFETIME = Duration.ofHours(48);
    /** How far back a new day's first use deletes expired shared salts. */
    static final int PURGE_DAYS = 7;

    static final String SALT_KEY = "collector-salt-";

    private final Clock clock;
    private final @Nullable PrivacyStore shared;
    private final SecureRandom random = new SecureRandom();
    /** By day (and tenant, when shared). */
    private final Map<Salt, byte[]> salts = new ConcurrentHashMap<>();

    private record Salt(@Nullable TenantId tenant, LocalDate day) {}

    public VisitorIds(Clock clock) {
        this(clock, null);
    }

    /** Ids from salts kept in {@code shared} (null: in this process's memory). */
    public VisitorIds(Clock clock, @Nullable PrivacyStore shared) {
        this.clock = clock;
        this.shared = shared;
    }

    public String visitorId(TenantId tenant, String site, InetAddress address, String userAgent) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        salts.keySet().removeIf(k -> expired(k.day(), now));
        PrivacyStore store = shared;
        byte[] salt;
        if (store == null) {
            salt = salts.computeIfAbsent(new Salt(null, day), k -> {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                return fresh;
            });
        } else {
            Salt key = new Salt(tenant, day);
            salt = salts.get(key);
            if (salt == null) {
                for (int back = 2; back <= PURGE_DAYS; back++) { // day - 2 and older are past their 48 hours
                    store.deleteTenantKey(tenant, SALT_KEY + day.minusDays(back));
                }
                salt = store.tenantKey(tenant, SALT_KEY + day);
                salts.put(key, salt);
            }
        }
        return hash(salt, site + '\n' + address.getHostAddress() + '\n' + userAgent);
    }

    private static boolean expired(LocalDate day, Instant now) {
        return !day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(SALT_LIFETIME).isAfter(now);
    }

    /** How many daily salts this process holds (for tests of the 48-hour rule). */
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
