package io.sitelens.connector.matomo.internal;

import static io.sitelens.connector.matomo.internal.Column.Unit.COUNT;
import static io.sitelens.connector.matomo.internal.Column.Unit.SECONDS;

import io.sitelens.connector.matomo.internal.Column.Unit;
import java.util.Map;

/**
 * The Matomo reports that break metrics down by rows, with the raw columns their flat rows carry beyond what
 * {@code API.getReportMetadata} lists.
 */
enum RowReport {
    PAGE_URLS("Actions.getPageUrls", true, Raw.ACTIONS),
    ENTRY_PAGE_URLS("Actions.getEntryPageUrls", true, Raw.ACTIONS),
    PAGE_TITLES("Actions.getPageTitles", true, Raw.ACTIONS),
    EVENT_CATEGORIES("Events.getCategory", false, Raw.EVENTS),
    EVENT_ACTIONS("Events.getAction", false, Raw.EVENTS),
    EVENT_NAMES("Events.getName", false, Raw.EVENTS);

    final String method;
    /** Whether the report is hierarchical and asked for with {@code flat=1}. */
    final boolean flat;

    final Map<String, Unit> rawColumns;

    RowReport(String method, boolean flat, Map<String, Unit> rawColumns) {
        this.method = method;
        this.flat = flat;
        this.rawColumns = rawColumns;
    }

    /** The report's {@code uniqueId} in {@code API.getReportMetadata} ({@code Actions_getPageUrls}). */
    String uniqueId() {
        return method.replace('.', '_');
    }

    private static final class Raw {
        static final Map<String, Unit> ACTIONS = Map.ofEntries(
                Map.entry("nb_hits", COUNT),
                Map.entry("nb_visits", COUNT),
                Map.entry("nb_uniq_visitors", COUNT),
                Map.entry("sum_time_spent", SECONDS),
                Map.entry("entry_nb_visits", COUNT),
                Map.entry("entry_nb_uniq_visitors", COUNT),
                Map.entry("entry_nb_actions", COUNT),
                Map.entry("entry_sum_visit_length", SECONDS),
                Map.entry("entry_bounce_count", COUNT),
                Map.entry("exit_nb_visits", COUNT),
                Map.entry("exit_nb_uniq_visitors", COUNT),
                Map.entry("avg_time_on_page", SECONDS),
                Map.entry("bounce_rate", Unit.RATE),
                Map.entry("exit_rate", Unit.RATE));
        static final Map<String, Unit> EVENTS = Map.of(
                "nb_events", COUNT,
                "nb_visits", COUNT,
                "nb_uniq_visitors", COUNT,
                "nb_events_with_value", COUNT,
                "sum_event_value", Unit.NUMBER,
                "avg_event_value", Unit.NUMBER);

        private Raw() {}
    }
}
