package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.ProjectStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

final class MemoryProjectStore implements ProjectStore {
    private final Object lock;
    private final Consumer<ProjectKey> cascade;
    private final Map<ProjectKey, Project> projects = new HashMap<>();

    MemoryProjectStore(Object lock, Consumer<ProjectKey> cascade) {
        this.lock = lock;
        this.cascade = cascade;
    }

    @Override
    public void put(Project project) {
        requireNonNull(project, "project");
        synchronized (lock) {
            projects.put(project.key(), project);
        }
    }

    @Override
    public Optional<Project> find(ProjectKey key) {
        requireNonNull(key, "key");
        synchronized (lock) {
            return Optional.ofNullable(projects.get(key));
        }
    }

    @Override
    public List<Project> list(TenantId tenant) {
        requireNonNull(tenant, "tenant");
        synchronized (lock) {
            return projects.values().stream()
                    .filter(p -> p.key().tenant().equals(tenant))
                    .sorted((a, b) -> a.key()
                            .project()
                            .value()
                            .compareTo(b.key().project().value()))
                    .toList();
        }
    }

    @Override
    public boolean delete(ProjectKey key) {
        requireNonNull(key, "key");
        synchronized (lock) {
            cascade.accept(key);
            return projects.remove(key) != null;
        }
    }
}
