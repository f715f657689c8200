package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.Insight;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.InsightStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class MemoryInsightStore implements InsightStore {
    private final Object lock;
    private final Map<ProjectKey, List<Insight>> insights = new HashMap<>();

    MemoryInsightStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void replace(ProjectKey project, List<Insight> list, Instant computedAt) {
        requireNonNull(project, "project");
        requireNonNull(computedAt, "computedAt");
        List<Insight> sorted = new ArrayList<>(List.copyOf(list));
        sorted.sort(Comparator.comparingDouble(Insight::score).reversed().thenComparing(Insight::dedupKey));
        synchronized (lock) {
            insights.put(project, List.copyOf(sorted));
        }
    }

    @Override
    public List<Insight> list(ProjectKey project) {
        synchronized (lock) {
            return insights.getOrDefault(project, List.of());
        }
    }

    void drop(ProjectKey key) {
        insights.remove(key);
    }
}
