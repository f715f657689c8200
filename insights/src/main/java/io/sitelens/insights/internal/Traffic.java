package io.sitelens.insights.internal;

import io.sitelens.model.DateRange;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.spi.insight.InsightContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The traffic a provider measures pages by: the first source with {@code sessions} (else {@code page_views}),
 * its site series (key {@code ""}) and its page series (keys {@code page=<path>}).
 */
public final class Traffic {

    /** Days in the "recent" window that movers, opportunities and crawl × traffic look at. */
    public static final int RECENT_DAYS = 28;

    private final InsightContext context;
    private final String source;
    private final MetricName metric;

    private Traffic(InsightContext context, String source, MetricName metric) {
        this.context = context;
        this.source = source;
        this.metric = metric;
    }

    /** The traffic of a context, if any source has sessions or page views. */
    public static Optional<Traffic> of(InsightContext context) {
        for (MetricName m : List.of(MetricName.SESSIONS, MetricName.PAGE_VIEWS)) {
            for (String source : context.sources()) {
                if (!context.dimensionKeys(source, m).isEmpty()) {
                    return Optional.of(new Traffic(context, source, m));
                }
            }
        }
        return Optional.empty();
    }

    public String source() {
        return source;
    }

    public MetricName metric() {
        return metric;
    }

    /** "sessions" / "page views", for explanations. */
    public String noun() {
        return metric.name().replace('_', ' ');
    }

    public DateRange period() {
        return context.period();
    }

    /** The recent window: the last {@link #RECENT_DAYS} days of the period (or the whole period if shorter). */
    public DateRange recent() {
        return DateRange.lastDays(context.period().end(), (int)
                Math.min(RECENT_DAYS, context.period().days()));
    }

    public List<String> pageKeys() {
        List<String> keys = new ArrayList<>();
        for (String k : context.dimensionKeys(source, metric)) {
            if (k.startsWith("page=")) {
                keys.add(k);
            }
        }
        return keys;
    }

    public DailySeries series(String key) {
        return DailySeries.of(context.series(source, metric, key), context.period());
    }

    public DailySeries series(MetricName other, String key) {
        return DailySeries.of(context.series(source, other, key), context.period());
    }

    /** Sum of a series over a range of days within the period. */
    public static double sum(List<MetricPoint> points, DateRange range) {
        double s = 0;
        for (MetricPoint p : points) {
            if (range.contains(p.day()) && !Double.isNaN(p.value())) {
                s += p.value();
            }
        }
        return s;
    }

    /**
     * The sessions-weighted mean of a rate over a window, joining the two day-ordered series on their days:
     * {@code {rate, sessions}}, or null when no day has both.
     */
    public static double @org.jspecify.annotations.Nullable [] weightedRate(
            List<MetricPoint> rates, List<MetricPoint> sessions, DateRange window) {
        int i = 0;
        int j = 0;
        double total = 0;
        double weighted = 0;
        while (i < rates.size() && j < sessions.size()) {
            MetricPoint r = rates.get(i);
            MetricPoint n = sessions.get(j);
            int c = r.day().compareTo(n.day());
            if (c < 0) {
                i++;
            } else if (c > 0) {
                j++;
            } else {
                if (window.contains(r.day()) && !Double.isNaN(r.value()) && !Double.isNaN(n.value())) {
                    total += n.value();
                    weighted += n.value() * r.value();
                }
                i++;
                j++;
            }
        }
        return total > 0 ? new double[] {weighted / total, total} : null;
    }

    /** Total traffic per page key over a range. */
    public Map<String, Double> totals(DateRange range) {
        Map<String, Double> out = new HashMap<>();
        for (String k : pageKeys()) {
            out.put(k, sum(context.series(source, metric, k), range));
        }
        return out;
    }

    /** The site total over a range: the site series when stored, else the sum of the pages. */
    public double siteTotal(DateRange range, Map<String, Double> pageTotals) {
        List<MetricPoint> site = context.series(source, metric, MetricPoint.SITE);
        if (!site.isEmpty()) {
            return sum(site, range);
        }
        return pageTotals.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The page keys with the most traffic over the period, at most {@code max}, busiest first. */
    public List<String> busiest(int max, double minDailyMedian) {
        List<Map.Entry<String, Double>> e =
                new ArrayList<>(totals(context.period()).entrySet());
        e.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>();
        double minTotal = minDailyMedian * context.period().days() * 0.5;
        for (var entry : e) {
            if (out.size() >= max || entry.getValue() < minTotal) {
                break;
            }
            out.add(entry.getKey());
        }
        return out;
    }

    /** The page path of a key ({@code page=/x} → {@code /x}). */
    public static String path(String key) {
        return key.startsWith("page=") ? key.substring(5) : key;
    }

    /** The path of a URL as analytics reports it: no scheme, host, query or fragment; "/" when empty. */
    public static String pathOf(String url) {
        try {
            String p = URI.create(url.trim()).getRawPath();
            return p == null || p.isEmpty() ? "/" : p;
        } catch (IllegalArgumentException e) {
            int q = url.indexOf('?');
            return q >= 0 ? url.substring(0, q) : url;
        }
    }

    /** A path and its trailing-slash twin, for matching crawl URLs to analytics paths. */
    public static List<String> pathVariants(String path) {
        if (path.equals("/")) {
            return List.of("/");
        }
        return path.endsWith("/") ? List.of(path, path.substring(0, path.length() - 1)) : List.of(path, path + "/");
    }
}
