package io.sitelens.connector.matomo.internal;

import static io.sitelens.connector.matomo.internal.Column.Unit.COUNT;
import static io.sitelens.connector.matomo.internal.Column.Unit.MONEY;
import static io.sitelens.connector.matomo.internal.Column.Unit.RATE;
import static io.sitelens.connector.matomo.internal.Column.Unit.SECONDS;
import static io.sitelens.connector.matomo.internal.Column.field;
import static io.sitelens.connector.matomo.internal.Column.ratio;

import io.sitelens.model.MetricName;
import io.sitelens.model.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical vocabulary in Matomo terms: for the site as a whole and for each row report, which Matomo
 * method and field (or formula) gives each canonical metric. Documented in {@code docs/matomo.md}.
 */
final class Vocabulary {
    static final String VISITS_SUMMARY = "VisitsSummary.get";
    static final String ACTIONS = "Actions.get";
    static final String GOALS = "Goals.get";
    static final String VISIT_FREQUENCY = "VisitFrequency.get";
    static final String EVENT_CATEGORIES = "Events.getCategory";

    /** Where a metric comes from: a method and how its answer is shaped. */
    record Source(String method, Shape shape) {
        enum Shape {
            /** One object of metrics per period (VisitsSummary.get). */
            OBJECT,
            /** Rows whose values are summed per period (event totals from Events.getCategory). */
            SUM_OF_ROWS,
            /** Rows, one per dimension value. */
            ROWS
        }
    }

    /** A metric resolved to its source and column, with the name and unit the result table uses. */
    record Resolved(MetricName name, String nativeName, Source source, Column column) {}

    private record Mapping(String nativeName, Column column) {}

    private static final Map<String, Map<String, Mapping>> SITE = new LinkedHashMap<>();
    private static final Map<RowReport, Map<String, Mapping>> ROWS = new LinkedHashMap<>();

    static {
        Column bounce = ratio("bounce_count", "nb_visits")
                .orElse(field("bounce_rate", RATE))
                .clampedRate();
        site(VISITS_SUMMARY, MetricName.SESSIONS, "nb_visits", field("nb_visits", COUNT));
        site(VISITS_SUMMARY, MetricName.USERS, "nb_uniq_visitors", field("nb_uniq_visitors", COUNT));
        site(VISITS_SUMMARY, MetricName.BOUNCE_RATE, "bounce_rate", bounce);
        site(VISITS_SUMMARY, MetricName.ENGAGEMENT_RATE, "1 - bounce_rate", bounce.complement());
        site(
                VISITS_SUMMARY,
                MetricName.AVERAGE_SESSION_DURATION,
                "avg_time_on_site",
                field("avg_time_on_site", SECONDS).orElse(ratio("sum_visit_length", "nb_visits")));
        site(VISITS_SUMMARY, MetricName.ENGAGEMENT_DURATION, "sum_visit_length", field("sum_visit_length", SECONDS));
        site(VISITS_SUMMARY, MetricName.ENTRANCES, "nb_visits", field("nb_visits", COUNT));
        site(VISITS_SUMMARY, MetricName.EXITS, "nb_visits", field("nb_visits", COUNT));
        site(ACTIONS, MetricName.PAGE_VIEWS, "nb_pageviews", field("nb_pageviews", COUNT));
        site(VISIT_FREQUENCY, MetricName.NEW_USERS, "nb_uniq_visitors_new", field("nb_uniq_visitors_new", COUNT));
        site(GOALS, MetricName.CONVERSIONS, "nb_conversions", field("nb_conversions", COUNT));
        site(GOALS, MetricName.REVENUE, "revenue", field("revenue", MONEY));
        site(EVENT_CATEGORIES, MetricName.EVENT_COUNT, "nb_events", field("nb_events", COUNT));

        for (RowReport r : new RowReport[] {RowReport.PAGE_URLS, RowReport.PAGE_TITLES}) {
            Column pageBounce = ratio("entry_bounce_count", "entry_nb_visits")
                    .orElse(field("bounce_rate", RATE))
                    .clampedRate();
            row(r, MetricName.PAGE_VIEWS, "nb_hits", field("nb_hits", COUNT));
            row(r, MetricName.SESSIONS, "nb_visits", field("nb_visits", COUNT));
            row(r, MetricName.USERS, "nb_uniq_visitors", field("nb_uniq_visitors", COUNT));
            row(r, MetricName.ENTRANCES, "entry_nb_visits", field("entry_nb_visits", COUNT, true));
            row(r, MetricName.EXITS, "exit_nb_visits", field("exit_nb_visits", COUNT, true));
            row(r, MetricName.BOUNCE_RATE, "bounce_rate", pageBounce);
            row(r, MetricName.ENGAGEMENT_RATE, "1 - bounce_rate", pageBounce.complement());
            row(r, MetricName.ENGAGEMENT_DURATION, "sum_time_spent", field("sum_time_spent", SECONDS));
            row(
                    r,
                    MetricName.AVERAGE_ENGAGEMENT_TIME,
                    "avg_time_on_page",
                    field("avg_time_on_page", SECONDS).orElse(ratio("sum_time_spent", "nb_visits")));
        }
        Column entryBounce = ratio("entry_bounce_count", "entry_nb_visits")
                .orElse(field("bounce_rate", RATE))
                .clampedRate();
        RowReport e = RowReport.ENTRY_PAGE_URLS;
        row(e, MetricName.SESSIONS, "entry_nb_visits", field("entry_nb_visits", COUNT, true));
        row(e, MetricName.ENTRANCES, "entry_nb_visits", field("entry_nb_visits", COUNT, true));
        row(e, MetricName.USERS, "entry_nb_uniq_visitors", field("entry_nb_uniq_visitors", COUNT));
        row(e, MetricName.BOUNCE_RATE, "bounce_rate", entryBounce);
        row(e, MetricName.ENGAGEMENT_RATE, "1 - bounce_rate", entryBounce.complement());
        row(e, MetricName.PAGE_VIEWS, "nb_hits", field("nb_hits", COUNT));
        row(e, MetricName.EXITS, "exit_nb_visits", field("exit_nb_visits", COUNT, true));
        row(e, MetricName.ENGAGEMENT_DURATION, "entry_sum_visit_length", field("entry_sum_visit_length", SECONDS));
        row(
                e,
                MetricName.AVERAGE_SESSION_DURATION,
                "entry_sum_visit_length / entry_nb_visits",
                ratio("entry_sum_visit_length", "entry_nb_visits"));
        for (RowReport r :
                new RowReport[] {RowReport.EVENT_CATEGORIES, RowReport.EVENT_ACTIONS, RowReport.EVENT_NAMES}) {
            row(r, MetricName.EVENT_COUNT, "nb_events", field("nb_events", COUNT));
            row(r, MetricName.SESSIONS, "nb_visits", field("nb_visits", COUNT));
            row(r, MetricName.USERS, "nb_uniq_visitors", field("nb_uniq_visitors", COUNT));
        }
    }

    private Vocabulary() {}

    private static void site(String method, MetricName name, String nativeName, Column column) {
        SITE.computeIfAbsent(method, k -> new LinkedHashMap<>()).put(name.name(), new Mapping(nativeName, column));
    }

    private static void row(RowReport report, MetricName name, String nativeName, Column column) {
        ROWS.computeIfAbsent(report, k -> new LinkedHashMap<>()).put(name.name(), new Mapping(nativeName, column));
    }

    /** A canonical metric for the site as a whole. */
    static Optional<Resolved> site(MetricName metric) {
        for (Map.Entry<String, Map<String, Mapping>> e : SITE.entrySet()) {
            Mapping m = e.getValue().get(metric.name());
            if (m != null) {
                Source.Shape shape =
                        e.getKey().equals(EVENT_CATEGORIES) ? Source.Shape.SUM_OF_ROWS : Source.Shape.OBJECT;
                return Optional.of(new Resolved(metric, m.nativeName(), new Source(e.getKey(), shape), m.column()));
            }
        }
        return Optional.empty();
    }

    /** A canonical metric broken down by the rows of {@code report}. */
    static Optional<Resolved> rows(RowReport report, MetricName metric) {
        Mapping m = ROWS.getOrDefault(report, Map.of()).get(metric.name());
        return m == null
                ? Optional.empty()
                : Optional.of(
                        new Resolved(metric, m.nativeName(), new Source(report.method, Source.Shape.ROWS), m.column()));
    }

    /** Every canonical metric this connector offers somewhere, with its main Matomo name. */
    static Map<MetricName, String> offeredCanonical() {
        Map<MetricName, String> out = new LinkedHashMap<>();
        for (MetricName m : MetricName.canonical()) {
            site(m).ifPresent(r -> out.put(m, r.nativeName()));
            if (!out.containsKey(m)) {
                for (RowReport r : RowReport.values()) {
                    Optional<Resolved> res = rows(r, m);
                    if (res.isPresent()) {
                        out.put(m, res.get().nativeName());
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The canonical names offered by a row report (for error messages). */
    static java.util.List<String> canonicalFor(RowReport report) {
        return java.util.List.copyOf(ROWS.getOrDefault(report, Map.of()).keySet());
    }

    static java.util.List<String> canonicalForSite() {
        return SITE.values().stream()
                .flatMap(m -> m.keySet().stream())
                .distinct()
                .toList();
    }

    /** The canonical unit of a Matomo metric type ({@code number}, {@code percent}, {@code duration_s}, {@code money}). */
    static ValueType valueType(String key, String matomoType) {
        return switch (unit(key, matomoType)) {
            case COUNT -> ValueType.COUNT;
            case RATE -> ValueType.RATE;
            case SECONDS, MILLIS -> ValueType.DURATION;
            case MONEY -> ValueType.CURRENCY;
            case NUMBER -> ValueType.NUMBER;
        };
    }

    static Column.Unit unit(String key, String matomoType) {
        switch (matomoType) {
            case "percent":
                return key.contains("evolution") ? Column.Unit.NUMBER : RATE;
            case "duration_s":
                return SECONDS;
            case "duration_ms":
                return Column.Unit.MILLIS;
            case "money":
                return MONEY;
            case "number":
                boolean countLike = (key.startsWith("nb_")
                                || key.contains("_nb_")
                                || key.endsWith("_count")
                                || key.equals("max_actions")
                                || key.equals("orders")
                                || key.equals("quantity"))
                        && !key.contains("per_")
                        && !key.startsWith("avg");
                return countLike ? COUNT : Column.Unit.NUMBER;
            default:
                return Column.Unit.NUMBER;
        }
    }
}
