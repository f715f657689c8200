package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One behaviour event collected from a consenting visitor. It carries no IP address, no user-agent string, no
 * element text and no form value: only where (page path, CSS selector, page-relative position, viewport size)
 * and what happened.
 *
 * @param at when it happened (server clock)
 * @param sessionId the visit it belongs to
 * @param visitorId the cookieless visitor id (a keyed hash that changes daily)
 * @param cookieId the first-party cookie id, only when the visitor consented to that cookie
 * @param kind what happened
 * @param page the page path (no query string, no fragment)
 * @param selector a stable CSS selector of the element (clicks), or null
 * @param formId the form's id or name (form start and submit), or null
 * @param x page-relative x in CSS pixels (clicks, mouse), else 0
 * @param y page-relative y in CSS pixels (clicks, mouse), else 0
 * @param viewportWidth the viewport width in CSS pixels
 * @param viewportHeight the viewport height in CSS pixels
 * @param value scroll depth as a fraction in [0,1] for {@link Kind#SCROLL}, engaged milliseconds for
 *     {@link Kind#ENGAGEMENT}, else 0
 */
public record BehaviourEvent(
        Instant at,
        String sessionId,
        String visitorId,
        @Nullable String cookieId,
        Kind kind,
        String page,
        @Nullable String selector,
        @Nullable String formId,
        int x,
        int y,
        int viewportWidth,
        int viewportHeight,
        double value) {

    /** The kinds of event, with the short code the tracker sends. */
    public enum Kind {
        PAGE_VIEW("pv"),
        CLICK("c"),
        MOUSE_MOVE("m"),
        SCROLL("s"),
        FORM_START("fs"),
        FORM_SUBMIT("ff"),
        RAGE_CLICK("rc"),
        DEAD_CLICK("dc"),
        ENGAGEMENT("en");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The tracker's short code ({@code pv}, {@code c}, …). */
        public String code() {
            return code;
        }
    }

    public BehaviourEvent {
        requireNonNull(at, "at");
        requireNonNull(sessionId, "sessionId");
        requireNonNull(visitorId, "visitorId");
        requireNonNull(kind, "kind");
        requireNonNull(page, "page");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("behaviour event value must be finite, got " + value);
        }
    }
}
