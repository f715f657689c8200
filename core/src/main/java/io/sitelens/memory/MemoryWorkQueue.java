package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.WorkItem;
import io.sitelens.spi.storage.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

final class MemoryWorkQueue implements WorkQueue {
    private static final class Entry {
        final long id;
        final String item;

        @Nullable
        String worker;

        @Nullable
        Instant leaseUntil;

        int attempts;
        boolean done;

        Entry(long id, String item) {
            this.id = id;
            this.item = item;
        }
    }

    private record QueueKey(ProjectKey project, String queue) {}

    private final Object lock;
    private final Map<QueueKey, LinkedHashMap<String, Entry>> queues = new HashMap<>();
    private long nextId = 1;

    MemoryWorkQueue(Object lock) {
        this.lock = lock;
    }

    @Override
    public int enqueue(ProjectKey project, String queue, Collection<String> items) {
        requireNonNull(project, "project");
        requireNonNull(queue, "queue");
        List<String> copy = List.copyOf(items);
        synchronized (lock) {
            LinkedHashMap<String, Entry> q =
                    queues.computeIfAbsent(new QueueKey(project, queue), k -> new LinkedHashMap<>());
            int added = 0;
            for (String item : copy) {
                if (!q.containsKey(item)) {
                    q.put(item, new Entry(nextId++, item));
                    added++;
                }
            }
            return added;
        }
    }

    @Override
    public List<WorkItem> claim(ProjectKey project, String queue, String worker, int max, Duration lease, Instant now) {
        requireNonNull(worker, "worker");
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, got " + max);
        }
        synchronized (lock) {
            List<WorkItem> out = new ArrayList<>();
            LinkedHashMap<String, Entry> q = queues.get(new QueueKey(project, queue));
            if (q == null) {
                return out;
            }
            Instant until = now.plus(lease);
            for (Entry e : q.values()) {
                if (out.size() >= max) {
                    break;
                }
                boolean free = e.leaseUntil == null || !e.leaseUntil.isAfter(now);
                if (!e.done && free) {
                    e.worker = worker;
                    e.leaseUntil = until;
                    e.attempts++;
                    out.add(new WorkItem(e.id, queue, e.item, worker, until, e.attempts));
                }
            }
            return out;
        }
    }

    @Override
    public int complete(ProjectKey project, String queue, String worker, Collection<Long> ids) {
        synchronized (lock) {
            LinkedHashMap<String, Entry> q = queues.get(new QueueKey(project, queue));
            if (q == null) {
                return 0;
            }
            int n = 0;
            for (Entry e : q.values()) {
                if (!e.done && worker.equals(e.worker) && ids.contains(e.id)) {
                    e.done = true;
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public int release(ProjectKey project, String queue, String worker, Collection<Long> ids) {
        synchronized (lock) {
            LinkedHashMap<String, Entry> q = queues.get(new QueueKey(project, queue));
            if (q == null) {
                return 0;
            }
            int n = 0;
            for (Entry e : q.values()) {
                if (!e.done && worker.equals(e.worker) && ids.contains(e.id)) {
                    e.worker = null;
                    e.leaseUntil = null;
                    n++;
                }
            }
            return n;
        }
    }

    @Override
    public long remaining(ProjectKey project, String queue) {
        synchronized (lock) {
            LinkedHashMap<String, Entry> q = queues.get(new QueueKey(project, queue));
            return q == null ? 0 : q.values().stream().filter(e -> !e.done).count();
        }
    }

    @Override
    public void clear(ProjectKey project, String queue) {
        synchronized (lock) {
            queues.remove(new QueueKey(project, queue));
        }
    }

    void drop(ProjectKey key) {
        queues.keySet().removeIf(k -> k.project().equals(key));
    }
}
