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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An {@link InsightContext} over data held in memory: metric points, the latest crawl's pages and findings,
 * and a tracking plan. For tests, benchmarks and hosts that already hold their data. Immutable once built.
 */
public final class InMemoryInsightContext implements InsightContext {

    private final Project project;
    private final DateRange period;
    private final Clock clock;
    private final Map<String, Map<MetricName, Map<String, List<MetricPoint>>>> series;
    private final List<Page> pages;
    private final List<Finding> findings;
    private final @Nullable TrackingPlan trackingPlan;

    private InMemoryInsightContext(Builder b) {
        this.project = b.project;
        this.period = b.period;
        this.clock = b.clock;
        this.pages = List.copyOf(b.pages);
        this.findings = List.copyOf(b.findings);
        this.trackingPlan = b.trackingPlan;
        Map<String, Map<MetricName, Map<String, List<MetricPoint>>>> s = new TreeMap<>();
        for (var bySource : b.points.entrySet()) {
            Map<MetricName, Map<String, List<MetricPoint>>> byMetric = new HashMap<>();
            for (var byName : bySource.getValue().entrySet()) {
                Map<String, List<MetricPoint>> byKey = new TreeMap<>();
                for (var e : byName.getValue().entrySet()) {
                    List<MetricPoint> list = new ArrayList<>(e.getValue().values());
                    list.removeIf(p -> !period.contains(p.day()));
                    if (!list.isEmpty()) {
                        byKey.put(e.getKey(), List.copyOf(list));
                    }
                }
                byMetric.put(byName.getKey(), byKey);
            }
            s.put(bySource.getKey(), byMetric);
        }
        this.series = s;
    }

    public static Builder builder(Project project, DateRange period) {
        return new Builder(project, period);
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
        return new LinkedHashSet<>(series.keySet());
    }

    @Override
    public Set<String> dimensionKeys(String source, MetricName metric) {
        Map<String, List<MetricPoint>> byKey =
                series.getOrDefault(source, Map.of()).getOrDefault(metric, Map.of());
        return new TreeSet<>(byKey.keySet());
    }

    @Override
    public List<MetricPoint> series(String source, MetricName metric, String dimensionKey) {
        return series.getOrDefault(source, Map.of())
                .getOrDefault(metric, Map.of())
                .getOrDefault(dimensionKey, List.of());
    }

    @Override
    public List<Page> pages() {
        return pages;
    }

    @Override
    public List<Finding> findings() {
        return findings;
    }

    @Override
    public Optional<TrackingPlan> trackingPlan() {
        return Optional.ofNullable(trackingPlan);
    }

    /** Collects the context's data; a later point for the same (source, metric, key, day) replaces the earlier. */
    public static final class Builder {
        private final Project project;
        private final DateRange period;
        private Clock clock = Clock.systemUTC();
        private final Map<String, Map<MetricName, Map<String, TreeMap<java.time.LocalDate, MetricPoint>>>> points =
                new TreeMap<>();
        private final List<Page> pages = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private @Nullable TrackingPlan trackingPlan;

        private Builder(Project project, DateRange period) {
            this.project = requireNonNull(project, "project");
            this.period = requireNonNull(period, "period");
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        public Builder point(MetricPoint p) {
            points.computeIfAbsent(p.source(), k -> new HashMap<>())
                    .computeIfAbsent(p.metric(), k -> new HashMap<>())
                    .computeIfAbsent(p.dimensionKey(), k -> new TreeMap<>())
                    .put(p.day(), p);
            return this;
        }

        public Builder points(Collection<MetricPoint> ps) {
            ps.forEach(this::point);
            return this;
        }

        /** A daily series starting on {@code first}; NaN values are left out (missing days). */
        public Builder series(
                String source, MetricName metric, String dimensionKey, java.time.LocalDate first, double... values) {
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    point(new MetricPoint(source, metric, dimensionKey, first.plusDays(i), values[i]));
                }
            }
            return this;
        }

        public Builder pages(Collection<Page> ps) {
            pages.addAll(ps);
            return this;
        }

        public Builder findings(Collection<Finding> fs) {
            findings.addAll(fs);
            return this;
        }

        public Builder trackingPlan(@Nullable TrackingPlan plan) {
            this.trackingPlan = plan;
            return this;
        }

        public InMemoryInsightContext build() {
            pages.sort(Comparator.comparing(Page::url));
            return new InMemoryInsightContext(this);
        }
    }
}
