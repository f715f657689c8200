package io.sitelens.connector.file.internal;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.model.ValueType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Answers one {@link MetricQuery} by streaming the export files once, keeping only one accumulator per
 * output row. Rows finer than the query are combined: counts and money are summed; rates, durations and other
 * numbers are averaged weighted by the row's sessions (or page views when there is no sessions column, or
 * equally when there is neither). Site-wide queries use the files without a page column when there are any,
 * otherwise they combine the page rows.
 */
public final class ExportQuery {
    /** The most output rows one query may build (the accumulator map's bound). */
    public static final int MAX_GROUPS = 5_000_000;

    private final List<ExportFile> files;
    private final long maxBytes;

    public ExportQuery(List<ExportFile> files, long maxBytes) {
        this.files = List.copyOf(files);
        this.maxBytes = maxBytes;
    }

    private static final class Group {
        final LocalDate day;
        final @Nullable String page;
        final double[] sums;
        final double[] weights;
        /** The first value of each metric, returned as is when it is the only one (no rounding noise). */
        final double[] single;

        final int[] counts;
        final String firstSeen;

        Group(LocalDate day, @Nullable String page, int metrics, String firstSeen) {
            this.day = day;
            this.page = page;
            this.sums = new double[metrics];
            this.weights = new double[metrics];
            this.single = new double[metrics];
            this.counts = new int[metrics];
            this.firstSeen = firstSeen;
        }
    }

    public MetricTable run(MetricQuery query, List<MetricName> typed) {
        boolean byDate = query.dimensions().contains(DimensionName.DATE);
        boolean byPage = query.dimensions().contains(DimensionName.PAGE);
        List<PageFilter> filters = new ArrayList<>();
        for (DimensionFilter f : query.filters()) {
            filters.add(PageFilter.of(f));
        }
        boolean siteFiles = files.stream().anyMatch(f -> !f.hasPages());
        boolean useSiteFiles = !byPage && siteFiles && filters.isEmpty();
        boolean fullGrain = byDate && (byPage || useSiteFiles);
        Map<String, Group> groups = new HashMap<>();
        for (ExportFile file : files) {
            if (file.hasPages() == useSiteFiles) {
                continue;
            }
            int[] index = new int[typed.size()];
            for (int i = 0; i < typed.size(); i++) {
                index[i] = -1;
                List<ExportFile.MetricColumn> cols = file.metricColumns();
                for (int c = 0; c < cols.size(); c++) {
                    if (cols.get(c).metric().name().equals(typed.get(i).name())) {
                        index[i] = c;
                    }
                }
            }
            int weightIndex = weightColumn(file);
            file.scan(
                    (day, page, values, line) -> {
                        if (!query.range().contains(day)) {
                            return;
                        }
                        for (PageFilter f : filters) {
                            if (!f.test(day, page)) {
                                return;
                            }
                        }
                        LocalDate gd = byDate ? day : query.range().start();
                        String gp = byPage ? page : null;
                        String key = gd + "\u0000" + (gp == null ? "" : gp);
                        Group g = groups.get(key);
                        if (g == null) {
                            if (groups.size() >= MAX_GROUPS) {
                                throw new SitelensException(
                                        ErrorCode.INVALID_INPUT,
                                        FileNames.PROVIDER,
                                        "the query would build more than " + MAX_GROUPS + " rows; narrow the range",
                                        null);
                            }
                            g = new Group(gd, gp, typed.size(), file.path() + ", line " + line);
                            groups.put(key, g);
                        } else if (fullGrain) {
                            throw new FileProblem(
                                    file.path(),
                                    line,
                                    0,
                                    "repeats " + (gp == null ? "the day " + gd : "day " + gd + " and page " + gp)
                                            + " (first at " + g.firstSeen + "); exports must not overlap");
                        }
                        double w = weightIndex < 0 || Double.isNaN(values[weightIndex]) ? 1 : values[weightIndex];
                        for (int i = 0; i < index.length; i++) {
                            if (index[i] < 0 || Double.isNaN(values[index[i]])) {
                                continue;
                            }
                            double v = values[index[i]];
                            if (g.counts[i]++ == 0) {
                                g.single[i] = v;
                            }
                            if (additive(typed.get(i))) {
                                g.sums[i] += v;
                                g.weights[i] = 1;
                            } else {
                                g.sums[i] += v * w;
                                g.weights[i] += w;
                            }
                        }
                    },
                    maxBytes);
        }
        return table(query, typed, groups, byDate, byPage);
    }

    private static int weightColumn(ExportFile file) {
        List<ExportFile.MetricColumn> cols = file.metricColumns();
        for (MetricName m : List.of(MetricName.SESSIONS, MetricName.PAGE_VIEWS)) {
            for (int c = 0; c < cols.size(); c++) {
                if (cols.get(c).metric().name().equals(m.name())) {
                    return c;
                }
            }
        }
        return -1;
    }

    private static boolean additive(MetricName m) {
        return m.type() == ValueType.COUNT || m.type() == ValueType.CURRENCY;
    }

    private static MetricTable table(
            MetricQuery query, List<MetricName> typed, Map<String, Group> groups, boolean byDate, boolean byPage) {
        List<Group> sorted = new ArrayList<>(groups.values());
        Comparator<Group> order = Comparator.comparing(g -> g.day);
        order = order.thenComparing(g -> -(Double.isNaN(first(g)) ? -1 : first(g)))
                .thenComparing(g -> g.page == null ? "" : g.page);
        sorted.sort(order);
        MetricTable.Builder t = MetricTable.builder(query.dimensions(), typed);
        for (Group g : sorted) {
            if (t.rowCount() >= query.rowLimit()) {
                t.note(
                        io.sitelens.model.DataQualityNote.Kind.TRUNCATED,
                        "file: " + groups.size() + " rows, cut at the row limit of " + query.rowLimit());
                break;
            }
            double[] values = new double[typed.size()];
            boolean any = false;
            for (int i = 0; i < values.length; i++) {
                values[i] = g.counts[i] == 0
                        ? Double.NaN
                        : g.counts[i] == 1 ? g.single[i] : g.sums[i] / (additive(typed.get(i)) ? 1 : g.weights[i]);
                any |= !Double.isNaN(values[i]);
            }
            if (!any) {
                continue;
            }
            List<String> dims = new ArrayList<>();
            for (DimensionName d : query.dimensions()) {
                dims.add(d.equals(DimensionName.DATE) ? g.day.toString() : g.page == null ? "" : g.page);
            }
            t.row(dims, values);
        }
        return t.build();
    }

    private static double first(Group g) {
        return g.weights[0] == 0 ? Double.NaN : g.sums[0] / g.weights[0];
    }

    /** A filter on the page or the date. */
    private record PageFilter(
            DimensionFilter filter, @Nullable Pattern regex) {
        static PageFilter of(DimensionFilter f) {
            if (!f.dimension().equals(DimensionName.PAGE) && !f.dimension().equals(DimensionName.DATE)) {
                throw new SitelensException(
                        ErrorCode.INVALID_INPUT,
                        FileNames.PROVIDER,
                        "cannot filter on dimension '" + f.dimension() + "'; the file connector has date and page",
                        null);
            }
            Pattern p = null;
            if (f.match() == DimensionFilter.Match.REGEX) {
                try {
                    p = Pattern.compile(f.values().get(0));
                } catch (PatternSyntaxException e) {
                    throw new SitelensException(
                            ErrorCode.INVALID_INPUT,
                            FileNames.PROVIDER,
                            "filter on " + f.dimension() + ": bad regular expression: " + e.getDescription(),
                            null);
                }
            }
            return new PageFilter(f, p);
        }

        boolean test(LocalDate day, @Nullable String page) {
            String v = filter.dimension().equals(DimensionName.DATE) ? day.toString() : page;
            if (v == null) {
                return false;
            }
            String first = filter.values().get(0);
            return switch (filter.match()) {
                case EXACT -> v.equals(first);
                case BEGINS_WITH -> v.startsWith(first);
                case CONTAINS -> v.contains(first);
                case REGEX -> regex != null && regex.matcher(v).matches();
                case IN_LIST -> filter.values().contains(v);
            };
        }
    }
}
