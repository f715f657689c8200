package io.sitelens.insights;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DateRange;
import io.sitelens.model.Finding;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.TrackingPlan;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.StorageAdapter;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An {@link InsightContext} that reads one project's data from a {@link StorageAdapter}: metric series on
 * demand and kept for the context's life (up to {@value #MAX_CACHED_SERIES} series, so the providers of one engine
 * run read each series from storage once; dimension keys are cached too), the pages and findings of the latest
 * completed crawl (read once), and a tracking plan supplied by the caller (storage does not hold one). Make a
 * new context for each run: it does not see writes made after it read. Thread-safe.
 */
public final class StoredInsightContext implements InsightContext {

    private final StorageAdapter storage;
    private final Project project;
    private final DateRange period;
    private final Clock clock;
    private final @Nullable TrackingPlan trackingPlan;
    /** Series kept in memory per context, at most. */
    public static final int MAX_CACHED_SERIES = 100_000;

    private final Map<String, Set<String>> keys = new ConcurrentHashMap<>();
    private final Map<String, List<MetricPoint>> cache = new ConcurrentHashMap<>();
    private volatile @Nullable List<Page> pages;
    private volatile @Nullable List<Finding> findings;

    private StoredInsightContext(
            StorageAdapter storage, Project project, DateRange period, Clock clock, @Nullable TrackingPlan plan) {
        this.storage = storage;
        this.project = project;
        this.period = period;
        this.clock = clock;
        this.trackingPlan = plan;
    }

    /** A context for {@code project} over {@code period}, using the system UTC clock and no tracking plan. */
    public static StoredInsightContext of(StorageAdapter storage, Project project, DateRange period) {
        return of(storage, project, period, Clock.systemUTC(), null);
    }

    public static StoredInsightContext of(
            StorageAdapter storage,
            Project project,
            DateRange period,
            Clock clock,
            @Nullable TrackingPlan trackingPlan) {
        return new StoredInsightContext(
                requireNonNull(storage, "storage"),
                requireNonNull(project, "project"),
                requireNonNull(period, "period"),
                requireNonNull(clock, "clock"),
                trackingPlan);
    }

    @Override
    public Project project() {
        return project;
    }

    @Override
    public DateRange period() {
        return period;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Set<String> sources() {
        return new LinkedHashSet<>(storage.metrics().sources(project.key()));
    }

    @Override
    public Set<String> dimensionKeys(String source, MetricName metric) {
        return keys.computeIfAbsent(
                source + "\u0000" + metric.name(),
                k -> new LinkedHashSet<>(storage.metrics().dimensionKeys(project.key(), source, metric, period)));
    }

    @Override
    public List<MetricPoint> series(String source, MetricName metric, String dimensionKey) {
        String k = source + "\u0000" + metric.name() + "\u0000" + dimensionKey;
        List<MetricPoint> cached = cache.get(k);
        if (cached != null) {
            return cached;
        }
        List<MetricPoint> read =
                List.copyOf(storage.metrics().series(project.key(), source, metric, dimensionKey, period));
        if (cache.size() < MAX_CACHED_SERIES) {
            cache.putIfAbsent(k, read);
        }
        return read;
    }

    @Override
    public List<Page> pages() {
        List<Page> p = pages;
        if (p == null) {
            p = latestRun()
                    .map(r -> storage.crawls().pages(project.key(), r.id()))
                    .orElse(List.of());
            pages = p;
        }
        return p;
    }

    @Override
    public List<Finding> findings() {
        List<Finding> f = findings;
        if (f == null) {
            f = latestRun()
                    .map(r -> storage.crawls().findings(project.key(), r.id()))
                    .orElse(List.of());
            findings = f;
        }
        return f;
    }

    private Optional<CrawlRun> latestRun() {
        return storage.crawls().latestCompletedRun(project.key());
    }

    @Override
    public Optional<TrackingPlan> trackingPlan() {
        return Optional.ofNullable(trackingPlan);
    }

    /**
     * The collector's behaviour aggregates over {@link #period()} (days in the project's zone), or empty when the
     * store keeps no behaviour data or has none for the period.
     */
    @Override
    public java.util.Optional<io.sitelens.spi.storage.BehaviourAggregates> behaviour() {
        io.sitelens.spi.storage.BehaviourStore store;
        try {
            store = storage.behaviour();
        } catch (io.sitelens.SitelensException e) {
            return java.util.Optional.empty(); // a store without behaviour data
        }
        var from = period.start().atStartOfDay(project.zone()).toInstant();
        var to = period.end().plusDays(1).atStartOfDay(project.zone()).toInstant();
        var a = store.aggregates(project.key(), from, to);
        return a.visits().visits() == 0
                        && a.selectors().isEmpty()
                        && a.engagement().isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(a);
    }
}
