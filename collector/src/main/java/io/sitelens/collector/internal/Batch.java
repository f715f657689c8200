package io.sitelens.collector.internal;

import io.sitelens.spi.storage.BehaviourEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A validated batch from the tracker, as sent (client clock). */
public record Batch(
        String site,
        long clientTime,
        boolean behaviour,
        boolean geolocation,
        boolean cookie,
        String notice,
        @Nullable String cookieId,
        boolean returning,
        String page,
        @Nullable String referrer,
        int viewportWidth,
        int viewportHeight,
        int screenWidth,
        int screenHeight,
        @Nullable String timeZone,
        @Nullable String language,
        List<Event> events) {

    /** One event as sent. */
    public record Event(
            BehaviourEvent.Kind kind,
            long clientTime,
            int x,
            int y,
            @Nullable String selector,
            @Nullable String form,
            double value) {}
}
