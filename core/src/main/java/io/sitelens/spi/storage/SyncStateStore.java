package io.sitelens.spi.storage;

import io.sitelens.model.ProjectKey;
import java.util.List;
import java.util.Optional;

public interface SyncStateStore {

    Optional<SyncState> find(ProjectKey project, String source, String stream);

    /** Creates or replaces the state of (source, stream). */
    void put(ProjectKey project, SyncState state);

    List<SyncState> list(ProjectKey project);
}
