package io.sitelens.memory;

import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageKind;
import io.sitelens.model.UsageRecord;
import io.sitelens.model.UsageSummary;
import io.sitelens.spi.storage.UsageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

final class MemoryUsageStore implements UsageStore {
    private final Object lock;
    private final List<UsageRecord> records = new ArrayList<>();

    MemoryUsageStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void record(Collection<UsageRecord> batch) {
        List<UsageRecord> copy = List.copyOf(batch);
        synchronized (lock) {
            records.addAll(copy);
        }
    }

    @Override
    public UsageSummary summarize(ProjectKey project, Instant from, Instant to) {
        Map<String, Map<UsageKind, Long>> totals = new TreeMap<>();
        synchronized (lock) {
            for (UsageRecord r : records) {
                if (r.project().equals(project) && !r.at().isBefore(from) && r.at().isBefore(to)) {
                    totals.computeIfAbsent(r.providerId(), k -> new EnumMap<>(UsageKind.class))
                            .merge(r.kind(), r.amount(), Long::sum);
                }
            }
        }
        Map<String, Map<UsageKind, Long>> frozen = new TreeMap<>();
        totals.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        return new UsageSummary(project, from, to, frozen);
    }

    void drop(ProjectKey key) {
        records.removeIf(r -> r.project().equals(key));
    }
}
