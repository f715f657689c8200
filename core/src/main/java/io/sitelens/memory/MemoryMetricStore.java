package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DateRange;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.MetricStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

final class MemoryMetricStore implements MetricStore {
    private record SeriesKey(String source, String metric, String dimensionKey) {}

    private record Series(MetricName metric, TreeMap<LocalDate, Double> values) {}

    private final Object lock;
    private final Map<ProjectKey, Map<SeriesKey, Series>> data = new HashMap<>();

    MemoryMetricStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public int upsert(ProjectKey project, Collection<MetricPoint> points) {
        requireNonNull(project, "project");
        List<MetricPoint> copy = List.copyOf(points); // validates (no nulls) before anything is written
        for (MetricPoint pt : copy) {
            if (!Double.isFinite(pt.value())) {
                throw new IllegalArgumentException("metric value must be finite: " + pt.metric() + " "
                        + pt.dimensionKey() + " on " + pt.day() + " is " + pt.value() + "; nothing was written");
            }
        }
        synchronized (lock) {
            Map<SeriesKey, Series> p = data.computeIfAbsent(project, k -> new HashMap<>());
            for (MetricPoint pt : copy) {
                p.computeIfAbsent(
                                new SeriesKey(pt.source(), pt.metric().name(), pt.dimensionKey()),
                                k -> new Series(pt.metric(), new TreeMap<>()))
                        .values()
                        .put(pt.day(), pt.value());
            }
            return copy.size();
        }
    }

    @Override
    public List<MetricPoint> series(
            ProjectKey project, String source, MetricName metric, String dimensionKey, DateRange range) {
        requireNonNull(range, "range");
        synchronized (lock) {
            Series s = data.getOrDefault(project, Map.of()).get(new SeriesKey(source, metric.name(), dimensionKey));
            if (s == null) {
                return List.of();
            }
            List<MetricPoint> out = new ArrayList<>();
            s.values()
                    .subMap(range.start(), true, range.end(), true)
                    .forEach((day, v) -> out.add(new MetricPoint(source, s.metric(), dimensionKey, day, v)));
            return out;
        }
    }

    @Override
    public List<String> dimensionKeys(ProjectKey project, String source, MetricName metric, DateRange range) {
        synchronized (lock) {
            TreeSet<String> keys = new TreeSet<>();
            data.getOrDefault(project, Map.of()).forEach((k, s) -> {
                if (k.source().equals(source)
                        && k.metric().equals(metric.name())
                        && !s.values()
                                .subMap(range.start(), true, range.end(), true)
                                .isEmpty()) {
                    keys.add(k.dimensionKey());
                }
            });
            return List.copyOf(keys);
        }
    }

    @Override
    public List<String> sources(ProjectKey project) {
        synchronized (lock) {
            TreeSet<String> sources = new TreeSet<>();
            data.getOrDefault(project, Map.of()).keySet().forEach(k -> sources.add(k.source()));
            return List.copyOf(sources);
        }
    }

    @Override
    public long count(ProjectKey project) {
        synchronized (lock) {
            return data.getOrDefault(project, Map.of()).values().stream()
                    .mapToLong(s -> s.values().size())
                    .sum();
        }
    }

    void drop(ProjectKey key) {
        data.remove(key);
    }
}
