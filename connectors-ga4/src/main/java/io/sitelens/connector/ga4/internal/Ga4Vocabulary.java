package io.sitelens.connector.ga4.internal;

import com.google.analytics.data.v1beta.MetricType;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The GA4 names behind the canonical vocabulary, and how GA4's metric types become canonical units.
 * A canonical metric is one GA4 metric, or (average engagement time) the ratio of two.
 */
public final class Ga4Vocabulary {
    public static final String PROVIDER = "ga4";

    /** Where a canonical metric's value comes from: {@code numerator}, divided by {@code denominator} if set. */
    public record Source(String numerator, @Nullable String denominator) {
        public List<String> natives() {
            return denominator == null ? List.of(numerator) : List.of(numerator, denominator);
        }
    }

    private static final Map<String, Source> METRICS = new LinkedHashMap<>();
    private static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();
    private static final Map<String, String> REALTIME_DIMENSIONS = new LinkedHashMap<>();

    static {
        METRICS.put("page_views", new Source("screenPageViews", null));
        METRICS.put("sessions", new Source("sessions", null));
        METRICS.put("users", new Source("activeUsers", null));
        METRICS.put("new_users", new Source("newUsers", null));
        METRICS.put("bounce_rate", new Source("bounceRate", null));
        METRICS.put("engagement_rate", new Source("engagementRate", null));
        METRICS.put("average_engagement_time", new Source("userEngagementDuration", "activeUsers"));
        METRICS.put("average_session_duration", new Source("averageSessionDuration", null));
        METRICS.put("engagement_duration", new Source("userEngagementDuration", null));
        METRICS.put("event_count", new Source("eventCount", null));
        METRICS.put("conversions", new Source("keyEvents", null));
        METRICS.put("entrances", new Source("entrances", null));
        METRICS.put("exits", new Source("exits", null));
        METRICS.put("revenue", new Source("totalRevenue", null));

        DIMENSIONS.put("date", "date");
        DIMENSIONS.put("page", "pagePath");
        DIMENSIONS.put("page_url", "fullPageUrl");
        DIMENSIONS.put("page_title", "pageTitle");
        DIMENSIONS.put("host", "hostName");
        DIMENSIONS.put("landing_page", "landingPage");
        DIMENSIONS.put("event_name", "eventName");
        DIMENSIONS.put("channel", "sessionDefaultChannelGroup");
        DIMENSIONS.put("source", "sessionSource");
        DIMENSIONS.put("device", "deviceCategory");
        DIMENSIONS.put("country", "country");

        REALTIME_DIMENSIONS.put("page_title", "unifiedScreenName");
        REALTIME_DIMENSIONS.put("event_name", "eventName");
        REALTIME_DIMENSIONS.put("device", "deviceCategory");
        REALTIME_DIMENSIONS.put("country", "country");
    }

    private Ga4Vocabulary() {}

    public static Optional<Source> source(MetricName canonical) {
        return Optional.ofNullable(METRICS.get(canonical.name()));
    }

    public static Optional<String> nativeDimension(DimensionName canonical) {
        return Optional.ofNullable(DIMENSIONS.get(canonical.name()));
    }

    public static Optional<String> nativeRealtimeDimension(DimensionName canonical) {
        return Optional.ofNullable(REALTIME_DIMENSIONS.get(canonical.name()));
    }

    /** The canonical metrics with their sources, in the canonical order. */
    public static Map<String, Source> metricSources() {
        return Map.copyOf(METRICS);
    }

    /** The canonical unit of a GA4 metric of type {@code type}. Rates are GA4 floats named {@code …Rate}. */
    public static ValueType valueType(String apiName, MetricType type) {
        return switch (type) {
            case TYPE_SECONDS, TYPE_MILLISECONDS, TYPE_MINUTES, TYPE_HOURS -> ValueType.DURATION;
            case TYPE_INTEGER -> ValueType.COUNT;
            case TYPE_CURRENCY, TYPE_STANDARD -> ValueType.CURRENCY;
            case TYPE_FLOAT -> apiName.endsWith("Rate") ? ValueType.RATE : ValueType.NUMBER;
            case TYPE_FEET, TYPE_MILES, TYPE_METERS, TYPE_KILOMETERS, METRIC_TYPE_UNSPECIFIED, UNRECOGNIZED ->
                ValueType.NUMBER;
        };
    }

    /** The factor turning a GA4 value of {@code type} into canonical units (durations in seconds). */
    public static double scale(MetricType type) {
        return switch (type) {
            case TYPE_MILLISECONDS -> 0.001;
            case TYPE_MINUTES -> 60.0;
            case TYPE_HOURS -> 3600.0;
            case TYPE_SECONDS,
                    TYPE_INTEGER,
                    TYPE_FLOAT,
                    TYPE_CURRENCY,
                    TYPE_STANDARD,
                    TYPE_FEET,
                    TYPE_MILES,
                    TYPE_METERS,
                    TYPE_KILOMETERS,
                    METRIC_TYPE_UNSPECIFIED,
                    UNRECOGNIZED -> 1.0;
        };
    }

    /** GA4 writes dates as {@code YYYYMMDD}; the canonical {@code date} dimension is ISO {@code YYYY-MM-DD}. */
    public static String isoDate(String ga4Date) {
        if (ga4Date.length() == 8 && ga4Date.chars().allMatch(Character::isDigit)) {
            return ga4Date.substring(0, 4) + "-" + ga4Date.substring(4, 6) + "-" + ga4Date.substring(6);
        }
        return ga4Date;
    }

    /** The inverse of {@link #isoDate}, for filters on the canonical date dimension. */
    public static String ga4Date(String isoDate) {
        return isoDate.matches("\\d{4}-\\d{2}-\\d{2}") ? isoDate.replace("-", "") : isoDate;
    }
}
