package io.sitelens.connector.matomo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.SitelensException;
import io.sitelens.connector.matomo.internal.QueryPlan.Slot;
import io.sitelens.connector.matomo.internal.Vocabulary.Resolved;
import io.sitelens.connector.matomo.internal.Vocabulary.Source;
import io.sitelens.model.DataQualityNote;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.ValueType;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs one {@link QueryPlan} in the fewest round trips: every report of a site series in one bulk request over
 * the whole range; row reports in windows of days, paged with {@code filter_limit}/{@code filter_offset}, all
 * windows of a round in bulk requests. A memory-exhausted answer splits its range (or halves its page) and asks
 * again; any other failed sub-request becomes a {@code PARTIAL} note, unless every one failed.
 */
final class QueryExecution {
    /** Bounds the split-and-retry rounds (a year halves to single days in 9). */
    private static final int MAX_ROUNDS = 64;

    private static final int MIN_PAGE = 1;

    private final MatomoClient client;
    private final java.time.Clock clock;
    private final QueryPlan plan;
    private final MatomoSettings settings;
    private final MetricTable.Builder table;
    private final List<SitelensException> failures = new ArrayList<>();
    private final Map<String, Pattern> patterns = new java.util.HashMap<>();
    private int answered;

    QueryExecution(MatomoClient client, QueryPlan plan, java.time.Clock clock) {
        this.client = client;
        this.clock = clock;
        this.plan = plan;
        this.settings = client.settings();
        this.table = MetricTable.builder(plan.query().dimensions(), plan.metricNames());
    }

    MetricTable run() {
        LocalDate today = LocalDate.now(clock);
        if (!plan.query().range().end().isBefore(today.minusDays(1))) {
            table.note(
                    DataQualityNote.Kind.UNSETTLED,
                    "Matomo may still re-archive " + today.minusDays(1) + " and " + today + "; these days will change");
        }
        if (plan.report() == null) {
            site();
        } else {
            rows(plan.report());
        }
        if (answered == 0 && !failures.isEmpty()) {
            throw failures.get(0);
        }
        return table.build();
    }

    // ---- site series -------------------------------------------------------------------------------------

    private void site() {
        List<Source> sources =
                plan.metrics().stream().map(Resolved::source).distinct().toList();
        Map<Source, Map<String, JsonNode>> periods = new LinkedHashMap<>();
        Map<Source, SitelensException> failed = new LinkedHashMap<>();
        record Item(Source source, DateRange range) {}
        Deque<Item> pending = new ArrayDeque<>();
        sources.forEach(s -> pending.add(new Item(s, plan.query().range())));
        for (int round = 0; !pending.isEmpty(); round++) {
            List<Item> items = new ArrayList<>(pending);
            pending.clear();
            List<ApiRequest> requests =
                    items.stream().map(i -> siteRequest(i.source(), i.range())).toList();
            List<BulkAnswer> answers = client.bulk(requests);
            for (int k = 0; k < items.size(); k++) {
                Item item = items.get(k);
                BulkAnswer a = answers.get(k);
                if (a.failed()) {
                    SitelensException e = a.error();
                    if (splittable(e, item.range()) && round < MAX_ROUNDS) {
                        for (DateRange half : halves(item.range())) {
                            pending.add(new Item(item.source(), half));
                        }
                    } else {
                        failed.putIfAbsent(item.source(), explain(e, item.range()));
                    }
                    continue;
                }
                answered++;
                periods.computeIfAbsent(item.source(), s -> new TreeMap<>())
                        .putAll(Periods.split(a.body(), item.range(), plan.byDate(), settings.siteId()));
            }
        }
        failed.forEach((source, e) -> {
            failures.add(e);
            table.note(DataQualityNote.Kind.PARTIAL, metricsOf(source) + " missing: " + e.getMessage());
        });
        List<String> keys = plan.byDate()
                ? plan.query().range().stream().map(LocalDate::toString).toList()
                : List.of(Periods.WHOLE_RANGE);
        for (String key : keys) {
            if (table.rowCount() >= plan.query().rowLimit()) {
                table.note(
                        DataQualityNote.Kind.TRUNCATED,
                        "stopped at the row limit of " + plan.query().rowLimit() + " rows");
                break;
            }
            double[] values = new double[plan.metrics().size()];
            for (int m = 0; m < values.length; m++) {
                Resolved r = plan.metrics().get(m);
                if (failed.containsKey(r.source())) {
                    values[m] = Double.NaN;
                    continue;
                }
                JsonNode period = periods.getOrDefault(r.source(), Map.of()).get(key);
                values[m] = siteValue(r, period);
            }
            List<String> dims = plan.dimensions().stream().map(s -> key).toList();
            if (matches(dims)) {
                table.row(dims, values);
            }
        }
    }

    private double siteValue(Resolved r, @Nullable JsonNode period) {
        if (period == null || Periods.isEmpty(period)) {
            return zeroOrMissing(r);
        }
        if (r.source().shape() == Source.Shape.SUM_OF_ROWS) {
            double sum = 0;
            for (JsonNode row : period.isArray() ? period : List.of(period)) {
                double v = r.column().read(row);
                if (!Double.isNaN(v)) {
                    sum += v;
                }
            }
            return sum;
        }
        if (period.isArray()) {
            // a report that answers rows where an object was expected: read its first row
            return r.column().read(period.get(0));
        }
        return r.column().read(period);
    }

    /** A period with no data has zero visits: counts and money are 0, rates and averages are undefined. */
    private static double zeroOrMissing(Resolved r) {
        ValueType t = r.name().type();
        return t == ValueType.COUNT || t == ValueType.CURRENCY ? 0.0 : Double.NaN;
    }

    private ApiRequest siteRequest(Source source, DateRange range) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("idSite", settings.siteId());
        Periods.put(p, range, plan.byDate());
        if (source.shape() == Source.Shape.SUM_OF_ROWS) {
            p.put("filter_limit", "-1");
        }
        return ApiRequest.of(source.method(), p);
    }

    // ---- row reports ----------------------------------------------------------------------------------------

    /** A window of days being paged through. */
    private static final class Window {
        final DateRange range;
        long offset;
        int limit;
        int pages;

        Window(DateRange range, long offset, int limit) {
            this.range = range;
            this.offset = offset;
            this.limit = limit;
        }
    }

    private final TreeMap<String, List<MetricRow>> byPeriod = new TreeMap<>();
    /** URL -> path, so that a page seen on 365 days is parsed once. */
    private final Map<String, String> paths = new java.util.HashMap<>();

    private long collected;
    private int others;
    private @Nullable String firstOthers;
    private boolean truncated;

    private void rows(RowReport report) {
        DateRange range = plan.query().range();
        long rowLimit = plan.query().rowLimit();
        int pageSize = (int) Math.min(settings.pageSize(), rowLimit);
        Deque<Window> pending = new ArrayDeque<>();
        for (DateRange w : plan.byDate() ? range.split(settings.windowDays()) : List.of(range)) {
            pending.add(new Window(w, 0, pageSize));
        }
        int round = 0;
        while (!pending.isEmpty()) {
            if (collected >= rowLimit) {
                truncated = true;
                break;
            }
            if (round++ >= settings.maxPages() + MAX_ROUNDS) {
                truncated = true;
                break;
            }
            List<Window> windows = new ArrayList<>(pending);
            pending.clear();
            int[] next = {0};
            client.bulk(
                    windows.stream().map(w -> rowRequest(report, w)).toList(),
                    answer -> onRows(windows.get(next[0]++), answer, pending));
        }
        long emitted = 0;
        outer:
        for (List<MetricRow> rows : byPeriod.values()) {
            for (MetricRow r : rows) {
                if (emitted >= rowLimit) {
                    truncated = true;
                    break outer;
                }
                table.row(r);
                emitted++;
            }
        }
        if (others > 0) {
            table.note(
                    DataQualityNote.Kind.OTHER_ROW,
                    "Matomo folded rows of " + report.method + " into an \"Others\" row (shown as "
                            + RowDimension.OTHER + ") in " + others + " table(s), first "
                            + (firstOthers == null || firstOthers.isEmpty()
                                    ? plan.query().range().toString()
                                    : firstOthers)
                            + "; the report was truncated when Matomo archived it (see datatable_archiving_maximum_rows_*"
                            + " in Matomo's config)");
        }
        if (truncated) {
            table.note(
                    DataQualityNote.Kind.TRUNCATED,
                    "stopped at the row limit of " + rowLimit + " rows or " + settings.maxPages()
                            + " pages per window; more rows exist");
        }
    }

    /** Takes one page of one window: its rows, and whether the window needs another page. */
    private void onRows(Window w, BulkAnswer a, Deque<Window> pending) {
        if (a.failed()) {
            SitelensException e = a.error();
            if (e.errorCode().equals(MatomoErrors.MEMORY_EXHAUSTED) && w.range.days() > 1) {
                for (DateRange half : halves(w.range)) {
                    pending.add(new Window(half, w.offset, w.limit));
                }
            } else if (e.errorCode().equals(MatomoErrors.MEMORY_EXHAUSTED) && w.limit > MIN_PAGE) {
                w.limit = Math.max(MIN_PAGE, w.limit / 2);
                pending.add(w);
            } else {
                SitelensException explained = explain(e, w.range);
                failures.add(explained);
                table.note(DataQualityNote.Kind.PARTIAL, "rows missing: " + explained.getMessage());
            }
            return;
        }
        answered++;
        w.pages++;
        boolean more = false;
        for (Map.Entry<String, JsonNode> period : Periods.split(a.body(), w.range, plan.byDate(), settings.siteId())
                .entrySet()) {
            JsonNode rows = period.getValue();
            if (Periods.isEmpty(rows) || !rows.isArray() || outside(period.getKey(), w.range)) {
                continue;
            }
            if (rows.size() >= w.limit) {
                more = true;
            }
            List<MetricRow> out = byPeriod.computeIfAbsent(period.getKey(), x -> new ArrayList<>());
            for (JsonNode row : rows) {
                if (RowDimension.isOthersRow(row)) {
                    others++;
                    if (firstOthers == null) {
                        firstOthers = period.getKey();
                    }
                }
                List<String> dims = new ArrayList<>(plan.dimensions().size());
                for (Slot s : plan.dimensions()) {
                    dims.add(s.row() == null ? period.getKey() : s.row().read(row, paths));
                }
                if (!matches(dims)) {
                    continue;
                }
                double[] values = new double[plan.metrics().size()];
                for (int m = 0; m < values.length; m++) {
                    values[m] = plan.metrics().get(m).column().read(row);
                }
                out.add(new MetricRow(dims, values));
                collected++;
            }
        }
        if (more) {
            if (w.pages >= settings.maxPages()) {
                truncated = true;
            } else {
                // a window that filled its page is a big one: ask for twice as much next time (up to 8 x pageSize)
                w.offset += w.limit;
                w.limit = (int) Math.min((long) w.limit * 2, Math.min(8L * settings.pageSize(), 1_000_000L));
                pending.add(w);
            }
        }
    }

    private ApiRequest rowRequest(RowReport report, Window w) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("idSite", settings.siteId());
        Periods.put(p, w.range, plan.byDate());
        if (report.flat) {
            p.put("flat", "1");
        }
        p.put("filter_limit", Integer.toString(w.limit));
        p.put("filter_offset", Long.toString(w.offset));
        return ApiRequest.of(report.method, p);
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    private boolean splittable(SitelensException e, DateRange range) {
        return e.errorCode().equals(MatomoErrors.MEMORY_EXHAUSTED) && plan.byDate() && range.days() > 1;
    }

    /** A period Matomo answered that is not a day of the range asked (kept out of the table). */
    private boolean outside(String periodKey, DateRange range) {
        if (!plan.byDate()) {
            return false;
        }
        try {
            return !range.contains(LocalDate.parse(periodKey));
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    private static List<DateRange> halves(DateRange r) {
        LocalDate mid = r.start().plusDays(r.days() / 2 - 1);
        return List.of(DateRange.of(r.start(), mid), DateRange.of(mid.plusDays(1), r.end()));
    }

    private SitelensException explain(SitelensException e, DateRange range) {
        if (e.errorCode().equals(MatomoErrors.MEMORY_EXHAUSTED) && !plan.byDate()) {
            return new SitelensException(
                    MatomoErrors.MEMORY_EXHAUSTED,
                    MatomoErrors.PROVIDER,
                    strip(e) + " (for " + range + " as one period; ask by date to let sitelens split the range)",
                    null);
        }
        return new SitelensException(e.errorCode(), MatomoErrors.PROVIDER, strip(e) + " (for " + range + ")", null);
    }

    private static String strip(SitelensException e) {
        String m = e.getMessage();
        return m.startsWith(MatomoErrors.PROVIDER + ": ") ? m.substring(MatomoErrors.PROVIDER.length() + 2) : m;
    }

    private String metricsOf(Source source) {
        return plan.metrics().stream()
                .filter(r -> r.source().equals(source))
                .map(r -> r.name().name())
                .toList()
                .toString();
    }

    private boolean matches(List<String> dims) {
        for (DimensionFilter f : plan.query().filters()) {
            String v = dims.get(plan.query().dimensions().indexOf(f.dimension()));
            String first = f.values().get(0);
            boolean ok =
                    switch (f.match()) {
                        case EXACT -> v.equals(first);
                        case BEGINS_WITH -> v.startsWith(first);
                        case CONTAINS -> v.contains(first);
                        case REGEX ->
                            patterns.computeIfAbsent(first, Pattern::compile)
                                    .matcher(v)
                                    .matches();
                        case IN_LIST -> f.values().contains(v);
                    };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
