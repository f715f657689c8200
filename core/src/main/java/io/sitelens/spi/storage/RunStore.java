package io.sitelens.spi.storage;

import io.sitelens.model.ProjectKey;
import java.util.List;
import java.util.Optional;

/** Runs, so a host can list what ran, when, and how it ended. */
public interface RunStore {

    /** Creates or replaces the run with this id. */
    void put(RunRecord run);

    Optional<RunRecord> find(ProjectKey project, String runId);

    /** The project's runs, newest first, at most {@code limit}. */
    List<RunRecord> list(ProjectKey project, int limit);
}
