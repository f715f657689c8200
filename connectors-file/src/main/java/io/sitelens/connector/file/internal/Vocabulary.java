package io.sitelens.connector.file.internal;

import io.sitelens.model.MetricName;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header names the file connector understands: canonical metric names, and the column headers of common
 * exports (GA4's "Views", "Sessions", "Bounce rate", "Average engagement time"; Matomo's {@code nb_hits},
 * {@code nb_visits}, {@code bounce_rate}, {@code avg_time_on_page}). Headers are compared after
 * {@link #normalise}: lower case, runs of other characters as one underscore.
 */
public final class Vocabulary {
    private static final Map<String, MetricName> METRICS = new HashMap<>();

    static {
        alias(MetricName.PAGE_VIEWS, "page_views", "pageviews", "views", "screenpageviews", "nb_hits", "nb_pageviews");
        alias(MetricName.SESSIONS, "sessions", "visits", "nb_visits");
        alias(
                MetricName.USERS,
                "users",
                "total_users",
                "totalusers",
                "active_users",
                "activeusers",
                "unique_visitors",
                "nb_uniq_visitors");
        alias(MetricName.NEW_USERS, "new_users", "newusers");
        alias(MetricName.BOUNCE_RATE, "bounce_rate", "bouncerate");
        alias(MetricName.ENGAGEMENT_RATE, "engagement_rate", "engagementrate");
        alias(
                MetricName.AVERAGE_ENGAGEMENT_TIME,
                "average_engagement_time",
                "averageengagementtime",
                "avg_engagement_time",
                "average_time_on_page",
                "avg_time_on_page");
        alias(
                MetricName.AVERAGE_SESSION_DURATION,
                "average_session_duration",
                "averagesessionduration",
                "avg_session_duration",
                "avg_time_on_site");
        alias(MetricName.ENGAGEMENT_DURATION, "engagement_duration", "userengagementduration");
        alias(MetricName.EVENT_COUNT, "event_count", "eventcount", "nb_events");
        alias(MetricName.CONVERSIONS, "conversions", "key_events", "keyevents", "nb_conversions");
        alias(MetricName.ENTRANCES, "entrances", "entry_nb_visits");
        alias(MetricName.EXITS, "exits", "exit_nb_visits");
        alias(MetricName.REVENUE, "revenue", "total_revenue", "totalrevenue");
    }

    /** Headers of the default date column. */
    public static final Set<String> DATE_HEADERS = Set.of("date", "day");

    /** Headers of the default page column. */
    public static final Set<String> PAGE_HEADERS = Set.of(
            "page",
            "page_path",
            "pagepath",
            "page_path_and_screen_class",
            "page_path_query_string_and_screen_class",
            "pagepathplusquerystring",
            "page_url",
            "url");

    /** Descriptive columns of common exports that are not metrics; skipped without a word. */
    public static final Set<String> DESCRIPTIVE_HEADERS = Set.of(
            "page_title",
            "title",
            "page_title_and_screen_class",
            "page_title_and_screen_name",
            "hostname",
            "host_name",
            "country",
            "device_category",
            "channel",
            "source",
            "medium",
            "event_name",
            "landing_page",
            "segment");

    private Vocabulary() {}

    private static void alias(MetricName metric, String... names) {
        for (String n : names) {
            METRICS.put(n, metric);
        }
    }

    /** Lower case; every run of characters other than letters and digits becomes one underscore. */
    public static String normalise(String header) {
        String s = header.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return s.replaceAll("^_+|_+$", "");
    }

    /** The canonical metric a header names, if any. */
    public static Optional<MetricName> metric(String header) {
        return Optional.ofNullable(METRICS.get(normalise(header)));
    }

    /** The canonical headers (with their aliases), for documentation and error messages. */
    public static List<String> canonicalNames() {
        return MetricName.canonical().stream().map(MetricName::name).toList();
    }
}
