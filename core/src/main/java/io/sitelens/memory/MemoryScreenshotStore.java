package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.ScreenshotRecord;
import io.sitelens.spi.storage.ScreenshotStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

final class MemoryScreenshotStore implements ScreenshotStore {
    private final Object lock;
    private final Map<ProjectKey, TreeMap<String, ScreenshotRecord>> records = new HashMap<>();

    MemoryScreenshotStore(Object lock) {
        this.lock = lock;
    }

    private static String key(ScreenshotRecord r) {
        return String.format("%020d", r.crawlRunId()) + '\u0000' + r.url() + '\u0000' + r.viewport();
    }

    @Override
    public void save(ProjectKey project, Collection<ScreenshotRecord> batch) {
        requireNonNull(project, "project");
        List<ScreenshotRecord> copy = List.copyOf(batch);
        synchronized (lock) {
            TreeMap<String, ScreenshotRecord> m = records.computeIfAbsent(project, k -> new TreeMap<>());
            copy.forEach(r -> m.put(key(r), r));
        }
    }

    @Override
    public List<ScreenshotRecord> list(ProjectKey project, long crawlRunId) {
        synchronized (lock) {
            return records.getOrDefault(project, new TreeMap<>()).values().stream()
                    .filter(r -> r.crawlRunId() == crawlRunId)
                    .toList();
        }
    }

    void drop(ProjectKey key) {
        records.remove(key);
    }
}
