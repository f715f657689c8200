package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.SyncState;
import io.sitelens.spi.storage.SyncStateStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemorySyncStateStore implements SyncStateStore {
    private final Object lock;
    private final Map<ProjectKey, TreeMap<String, SyncState>> states = new HashMap<>();

    MemorySyncStateStore(Object lock) {
        this.lock = lock;
    }

    private static String key(String source, String stream) {
        return source + "\u0000" + stream;
    }

    @Override
    public Optional<SyncState> find(ProjectKey project, String source, String stream) {
        synchronized (lock) {
            return Optional.ofNullable(
                    states.getOrDefault(project, new TreeMap<>()).get(key(source, stream)));
        }
    }

    @Override
    public void put(ProjectKey project, SyncState state) {
        requireNonNull(project, "project");
        requireNonNull(state, "state");
        synchronized (lock) {
            states.computeIfAbsent(project, k -> new TreeMap<>()).put(key(state.source(), state.stream()), state);
        }
    }

    @Override
    public List<SyncState> list(ProjectKey project) {
        synchronized (lock) {
            return List.copyOf(states.getOrDefault(project, new TreeMap<>()).values());
        }
    }

    void drop(ProjectKey key) {
        states.remove(key);
    }
}
