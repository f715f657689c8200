package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One visit: consecutive events of a visitor with no gap longer than 30 minutes, with the visitor's broad traits
 * derived in memory at ingestion (browser, OS, device, country and city); never an IP address or a raw
 * user-agent string.
 *
 * @param referrer the referring site and path (no query string) of the entry page view, or null
 * @param country ISO country code, only when geolocation was allowed, else null
 * @param city city name, only when geolocation was allowed, else null
 * @param screen screen resolution as {@code WIDTHxHEIGHT}, or null
 * @param returning true when a first-party cookie (used only with consent) showed an earlier visit
 */
public record VisitSession(
        String sessionId,
        String visitorId,
        @Nullable String cookieId,
        Instant start,
        Instant lastSeen,
        int pageViews,
        long engagedMillis,
        String entryPage,
        @Nullable String referrer,
        @Nullable String browser,
        @Nullable String os,
        @Nullable String deviceBrand,
        @Nullable String deviceClass,
        @Nullable String country,
        @Nullable String city,
        @Nullable String timeZone,
        @Nullable String language,
        @Nullable String screen,
        boolean returning) {
    public VisitSession {
        requireNonNull(sessionId, "sessionId");
        requireNonNull(visitorId, "visitorId");
        requireNonNull(start, "start");
        requireNonNull(lastSeen, "lastSeen");
        requireNonNull(entryPage, "entryPage");
        if (lastSeen.isBefore(start)) {
            throw new IllegalArgumentException("session " + sessionId + " ends before it starts");
        }
    }

    /** From the first to the last event. */
    public Duration duration() {
        return Duration.between(start, lastSeen);
    }
}
