package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A metric, either from the canonical vocabulary ({@code page_views}, {@code bounce_rate}, …) that every
 * connector maps its own names to, or a provider-native name passed through as
 * {@code provider:name} ({@code ga4:screenPageViews}, {@code matomo:nb_hits}).
 *
 * @param name the canonical name or {@code provider:nativeName}
 * @param type the canonical unit; for native names, the unit the provider declared (or NUMBER if unknown)
 */
public record MetricName(String name, ValueType type) {
    public static final MetricName PAGE_VIEWS = new MetricName("page_views", ValueType.COUNT);
    public static final MetricName SESSIONS = new MetricName("sessions", ValueType.COUNT);
    public static final MetricName USERS = new MetricName("users", ValueType.COUNT);
    public static final MetricName NEW_USERS = new MetricName("new_users", ValueType.COUNT);
    public static final MetricName BOUNCE_RATE = new MetricName("bounce_rate", ValueType.RATE);
    public static final MetricName ENGAGEMENT_RATE = new MetricName("engagement_rate", ValueType.RATE);
    public static final MetricName AVERAGE_ENGAGEMENT_TIME =
            new MetricName("average_engagement_time", ValueType.DURATION);
    public static final MetricName AVERAGE_SESSION_DURATION =
            new MetricName("average_session_duration", ValueType.DURATION);
    public static final MetricName ENGAGEMENT_DURATION = new MetricName("engagement_duration", ValueType.DURATION);
    public static final MetricName EVENT_COUNT = new MetricName("event_count", ValueType.COUNT);
    public static final MetricName CONVERSIONS = new MetricName("conversions", ValueType.COUNT);
    public static final MetricName ENTRANCES = new MetricName("entrances", ValueType.COUNT);
    public static final MetricName EXITS = new MetricName("exits", ValueType.COUNT);
    public static final MetricName REVENUE = new MetricName("revenue", ValueType.CURRENCY);

    private static final List<MetricName> CANONICAL = List.of(
            PAGE_VIEWS,
            SESSIONS,
            USERS,
            NEW_USERS,
            BOUNCE_RATE,
            ENGAGEMENT_RATE,
            AVERAGE_ENGAGEMENT_TIME,
            AVERAGE_SESSION_DURATION,
            ENGAGEMENT_DURATION,
            EVENT_COUNT,
            CONVERSIONS,
            ENTRANCES,
            EXITS,
            REVENUE);

    public MetricName {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        if (!name.matches("([a-z0-9]+:)?[A-Za-z0-9_.:/-]+")) {
            throw new IllegalArgumentException(
                    "metric name must be a canonical name or provider:name, got '" + name + "'");
        }
    }

    /** The canonical vocabulary, in a stable order. */
    public static List<MetricName> canonical() {
        return CANONICAL;
    }

    public static Optional<MetricName> canonical(String name) {
        return CANONICAL.stream().filter(m -> m.name.equals(name)).findFirst();
    }

    /** A provider-native metric, such as {@code native("ga4", "screenPageViews", COUNT)}. */
    public static MetricName nativeName(String providerId, String nativeName, ValueType type) {
        return new MetricName(Ids.check("provider id", providerId) + ":" + nativeName, type);
    }

    /**
     * Parses a user-written name: a canonical name, or {@code provider:name}. Unknown canonical names are
     * refused with the list of known ones.
     */
    public static MetricName parse(String text) {
        requireNonNull(text, "text");
        String t = text.trim();
        if (t.contains(":")) {
            return new MetricName(t, ValueType.NUMBER);
        }
        return canonical(t)
                .orElseThrow(() -> new IllegalArgumentException("unknown metric '" + t + "'; canonical metrics are "
                        + CANONICAL.stream().map(MetricName::name).toList() + ", or write provider:name"));
    }

    public boolean isCanonical() {
        return !name.contains(":");
    }

    /** The provider id of a native name, empty for canonical names. */
    public Optional<String> provider() {
        int i = name.indexOf(':');
        return i < 0 ? Optional.empty() : Optional.of(name.substring(0, i));
    }

    /** The provider's own name for a native metric, or the canonical name. */
    public String localName() {
        int i = name.indexOf(':');
        return i < 0 ? name : name.substring(i + 1);
    }

    @Override
    public String toString() {
        return name;
    }
}
