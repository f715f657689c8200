package io.sitelens.report;

import io.sitelens.ErrorCode;
import io.sitelens.Outcome;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.model.DateRange;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import io.sitelens.model.UsageSummary;
import io.sitelens.model.ValueType;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.RunRecord;
import io.sitelens.spi.storage.ScreenshotRecord;
import io.sitelens.spi.storage.StorageAdapter;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Reads what a report shows from the store, once, within the options' bounds. */
final class ReportCollector {
    static final int PERIOD_DAYS = 28;
    static final int CHART_DAYS = 365;
    static final List<MetricName> HEADLINE_METRICS = List.of(
            MetricName.SESSIONS,
            MetricName.PAGE_VIEWS,
            MetricName.USERS,
            MetricName.BOUNCE_RATE,
            MetricName.AVERAGE_ENGAGEMENT_TIME,
            MetricName.CONVERSIONS);
    static final List<MetricName> CHART_METRICS =
            List.of(MetricName.SESSIONS, MetricName.PAGE_VIEWS, MetricName.BOUNCE_RATE);

    private final Sitelens sitelens;
    private final Project project;
    private final ReportOptions options;
    private final StorageAdapter storage;
    private final ProjectKey key;
    private final List<String> notes = new ArrayList<>();

    ReportCollector(Sitelens sitelens, Project project, ReportOptions options) {
        this.sitelens = sitelens;
        this.project = project;
        this.options = options;
        this.storage = sitelens.storage();
        this.key = project.key();
    }

    ReportData collect() {
        Instant now = sitelens.clock().instant();
        LocalDate asOf = options.asOf() != null
                ? options.asOf()
                : LocalDate.ofInstant(now, project.zone()).minusDays(1);
        DateRange current = DateRange.lastDays(asOf, PERIOD_DAYS);
        DateRange previous = current.previous();
        DateRange year = DateRange.lastDays(asOf, CHART_DAYS);
        String source = source(current);

        List<ReportData.Headline> headlines = new ArrayList<>();
        List<ReportData.Series> series = new ArrayList<>();
        if (source != null) {
            for (MetricName m : HEADLINE_METRICS) {
                List<MetricPoint> cur = storage.metrics().series(key, source, m, MetricPoint.SITE, current);
                List<MetricPoint> prev = storage.metrics().series(key, source, m, MetricPoint.SITE, previous);
                if (!cur.isEmpty()) {
                    headlines.add(new ReportData.Headline(m, combine(m, cur), combine(m, prev)));
                }
            }
            for (MetricName m : CHART_METRICS) {
                List<MetricPoint> pts = storage.metrics().series(key, source, m, MetricPoint.SITE, year);
                if (!pts.isEmpty()) {
                    series.add(new ReportData.Series(m, pts));
                }
            }
            gapNote(source, current);
        } else {
            notes.add("No analytics data is stored for this project: bind a connector (ga4, matomo or file) and"
                    + " sync to see traffic, trends and traffic-weighted insights.");
        }

        Optional<CrawlRun> crawl = storage.crawls().latestCompletedRun(key);
        List<ReportData.PageRow> rows = new ArrayList<>();
        List<ReportData.CheckCount> checks = new ArrayList<>();
        ReportData.ResourceSummary resources = ReportData.ResourceSummary.none();
        ReportData.Coverage coverage = new ReportData.Coverage(0, List.of());
        List<ReportData.Shot> shots = new ArrayList<>();
        int totalPages = 0;
        if (crawl.isPresent()) {
            long runId = crawl.get().id();
            List<Page> pages = storage.crawls().pages(key, runId);
            List<Finding> findings = storage.crawls().findings(key, runId);
            totalPages = pages.size();
            Map<String, List<Finding>> byUrl = new HashMap<>();
            for (Finding f : findings) {
                byUrl.computeIfAbsent(f.url(), u -> new ArrayList<>()).add(f);
            }
            Map<String, Double> views = source == null ? Map.of() : pageViews(source, current);
            for (Page p : pages) {
                double v = views.getOrDefault(path(p.url()), Double.NaN);
                rows.add(new ReportData.PageRow(
                        p.url(),
                        p.statusCode(),
                        p.title(),
                        p.bytes(),
                        p.responseTime().toMillis(),
                        v,
                        byUrl.getOrDefault(p.url(), List.of())));
            }
            rows.sort(Comparator.comparingDouble(
                            (ReportData.PageRow r) -> Double.isNaN(r.pageViews()) ? -1 : r.pageViews())
                    .reversed()
                    .thenComparing(r -> -r.findings().size())
                    .thenComparing(ReportData.PageRow::url));
            checks = checkCounts(findings);
            resources = resources(storage.crawls().resources(key, runId));
            int html = (int) pages.stream().filter(Page::isHtmlOk).count();
            List<String> missing = findings.stream()
                    .filter(f -> f.checkId().equals("analytics-tag-missing"))
                    .map(Finding::url)
                    .distinct()
                    .sorted()
                    .toList();
            coverage = new ReportData.Coverage(html, missing);
            shots = screenshots(runId, rows);
            if (crawl.get().status() != CrawlRun.Status.COMPLETED) {
                notes.add(
                        "The latest crawl ended " + crawl.get().status().name().toLowerCase() + ".");
            }
        } else {
            notes.add("No completed crawl is stored for this project: pages, findings and screenshots are empty.");
        }
        if (rows.size() > options.maxPages()) {
            notes.add("The pages table lists the first " + options.maxPages() + " of " + rows.size()
                    + " pages (by page views, then findings).");
            rows = new ArrayList<>(rows.subList(0, options.maxPages()));
        }

        List<Insight> insights = storage.insights().list(key).stream()
                .sorted(Comparator.comparingDouble(Insight::score).reversed().thenComparing(Insight::dedupKey))
                .limit(options.maxInsights())
                .toList();
        List<RunRecord> runs = runs();
        for (RunRecord r : runs.stream().limit(10).toList()) {
            for (Outcome o : r.outcomes()) {
                if (o instanceof Outcome.Failed f) {
                    notes.add(r.kind().name().toLowerCase() + " run " + r.id() + ": " + f.providerId() + " failed: "
                            + f.message());
                } else if (o instanceof Outcome.Succeeded ok && ok.summary().contains("; data quality: ")) {
                    notes.add(r.kind().name().toLowerCase() + " run " + r.id() + ": " + ok.providerId() + ": "
                            + ok.summary().substring(ok.summary().indexOf("; data quality: ") + 2));
                } else if (o instanceof Outcome.Skipped s) {
                    notes.add(r.kind().name().toLowerCase() + " run " + r.id() + ": " + s.providerId() + " skipped: "
                            + s.reason());
                }
            }
        }
        UsageSummary usage = sitelens.usage(key, now.minus(java.time.Duration.ofDays(30)), now.plusSeconds(1));
        notes.addAll(options.notes());
        return new ReportData(
                project.name(),
                key.toString(),
                project.mainUrl().toString(),
                now,
                current,
                previous,
                source,
                headlines,
                series,
                rows,
                totalPages,
                checks,
                resources,
                insights,
                shots,
                coverage,
                options.trackingPlan(),
                notes,
                usage,
                runs);
    }

    private String source(DateRange current) {
        if (options.source() != null) {
            return options.source();
        }
        List<String> sources = storage.metrics().sources(key);
        for (MetricName m : List.of(MetricName.SESSIONS, MetricName.PAGE_VIEWS)) {
            for (String s : sources) {
                if (!storage.metrics()
                        .series(key, s, m, MetricPoint.SITE, current)
                        .isEmpty()) {
                    return s;
                }
            }
        }
        return sources.isEmpty() ? null : sources.get(0);
    }

    /** Counts and money are summed; rates and durations averaged over the days that have a value. */
    static double combine(MetricName m, List<MetricPoint> points) {
        double sum = 0;
        int n = 0;
        for (MetricPoint p : points) {
            if (!Double.isNaN(p.value())) {
                sum += p.value();
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        boolean additive = m.type() == ValueType.COUNT || m.type() == ValueType.CURRENCY;
        return additive ? sum : sum / n;
    }

    private void gapNote(String source, DateRange current) {
        Set<LocalDate> days = new HashSet<>();
        for (MetricPoint p : storage.metrics().series(key, source, MetricName.SESSIONS, MetricPoint.SITE, current)) {
            days.add(p.day());
        }
        if (days.isEmpty()) {
            for (MetricPoint p :
                    storage.metrics().series(key, source, MetricName.PAGE_VIEWS, MetricPoint.SITE, current)) {
                days.add(p.day());
            }
        }
        long missing = current.stream().filter(d -> !days.contains(d)).count();
        if (missing > 0) {
            notes.add("Analytics source '" + source + "' has no data for " + missing + " of the last " + PERIOD_DAYS
                    + " days; totals for this period are incomplete.");
        }
    }

    private Map<String, Double> pageViews(String source, DateRange current) {
        Map<String, Double> views = new HashMap<>();
        List<String> keys = storage.metrics().dimensionKeys(key, source, MetricName.PAGE_VIEWS, current);
        for (String k : keys) {
            if (!k.startsWith("page=")) {
                continue;
            }
            double v = combine(
                    MetricName.PAGE_VIEWS, storage.metrics().series(key, source, MetricName.PAGE_VIEWS, k, current));
            views.put(k.substring("page=".length()), v);
        }
        return views;
    }

    /** The path and query of a URL, as analytics reports pages. */
    static String path(String url) {
        try {
            URI u = URI.create(url);
            String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static List<ReportData.CheckCount> checkCounts(List<Finding> findings) {
        Map<String, ReportData.CheckCount> counts = new LinkedHashMap<>();
        for (Finding f : findings) {
            ReportData.CheckCount c = counts.get(f.checkId());
            counts.put(
                    f.checkId(),
                    c == null
                            ? new ReportData.CheckCount(f.checkId(), f.severity(), 1, f.url())
                            : new ReportData.CheckCount(f.checkId(), c.severity(), c.count() + 1, c.example()));
        }
        return counts.values().stream()
                .sorted(Comparator.comparing(ReportData.CheckCount::severity)
                        .thenComparing(Comparator.comparingInt(ReportData.CheckCount::count)
                                .reversed())
                        .thenComparing(ReportData.CheckCount::checkId))
                .toList();
    }

    private static ReportData.ResourceSummary resources(List<Resource> resources) {
        long bytes = 0;
        int external = 0;
        int broken = 0;
        Map<String, Integer> byType = new TreeMap<>();
        for (Resource r : resources) {
            bytes += r.bytes();
            external += r.external() ? 1 : 0;
            broken += r.statusCode() >= 400 ? 1 : 0;
            byType.merge(r.type().name().toLowerCase(), 1, Integer::sum);
        }
        return new ReportData.ResourceSummary(resources.size(), bytes, external, broken, byType);
    }

    private List<ReportData.Shot> screenshots(long runId, List<ReportData.PageRow> ranked) {
        if (options.screenshots() == 0) {
            return List.of();
        }
        List<ScreenshotRecord> records;
        try {
            records = storage.screenshots().list(key, runId);
        } catch (SitelensException e) {
            if (e.errorCode().equals(ErrorCode.UNSUPPORTED)) {
                return List.of();
            }
            throw e;
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rank.putIfAbsent(ranked.get(i).url(), i);
        }
        List<ScreenshotRecord> ordered = records.stream()
                .sorted(Comparator.comparingInt((ScreenshotRecord r) -> rank.getOrDefault(r.url(), Integer.MAX_VALUE))
                        .thenComparing(ScreenshotRecord::url)
                        .thenComparing(ScreenshotRecord::viewport))
                .toList();
        List<ReportData.Shot> shots = new ArrayList<>();
        for (ScreenshotRecord r : ordered) {
            if (shots.size() >= options.screenshots()) {
                notes.add("The gallery shows " + options.screenshots() + " of " + records.size() + " screenshots.");
                break;
            }
            Optional<byte[]> png = storage.blobs().get(key.tenant(), r.sha256());
            if (png.isEmpty()) {
                notes.add("The screenshot of " + r.url() + " is recorded but its image is missing from the store.");
                continue;
            }
            shots.add(new ReportData.Shot(r.url(), r.viewport(), r.width(), r.height(), png.get(), r.metrics()));
        }
        return shots;
    }

    private List<RunRecord> runs() {
        try {
            return storage.runs().list(key, 20);
        } catch (SitelensException e) {
            if (e.errorCode().equals(ErrorCode.UNSUPPORTED)) {
                return List.of();
            }
            throw e;
        }
    }
}
