package io.sitelens.spi.storage;

import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.TenantId;
import java.util.List;
import java.util.Optional;

/** Projects and their connector bindings (secret references only, never values). */
public interface ProjectStore {

    /** Creates or replaces the project. */
    void put(Project project);

    Optional<Project> find(ProjectKey key);

    /** The tenant's projects, ordered by project id. */
    List<Project> list(TenantId tenant);

    /** Deletes the project and every row it owns in every store. Returns whether it existed. */
    boolean delete(ProjectKey key);
}
