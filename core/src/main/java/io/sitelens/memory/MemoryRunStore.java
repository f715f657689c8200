package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.RunRecord;
import io.sitelens.spi.storage.RunStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class MemoryRunStore implements RunStore {
    private final Object lock;
    private final Map<ProjectKey, LinkedHashMap<String, RunRecord>> runs = new HashMap<>();

    MemoryRunStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void put(RunRecord run) {
        requireNonNull(run, "run");
        synchronized (lock) {
            runs.computeIfAbsent(run.project(), k -> new LinkedHashMap<>()).put(run.id(), run);
        }
    }

    @Override
    public Optional<RunRecord> find(ProjectKey project, String runId) {
        synchronized (lock) {
            return Optional.ofNullable(
                    runs.getOrDefault(project, new LinkedHashMap<>()).get(runId));
        }
    }

    @Override
    public List<RunRecord> list(ProjectKey project, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        synchronized (lock) {
            return runs.getOrDefault(project, new LinkedHashMap<>()).values().stream()
                    .sorted(Comparator.comparing(RunRecord::startedAt)
                            .reversed()
                            .thenComparing(RunRecord::id, Comparator.reverseOrder()))
                    .limit(limit)
                    .toList();
        }
    }

    void drop(ProjectKey key) {
        runs.remove(key);
    }
}
