package io.sitelens.spi.storage;

import io.sitelens.model.Insight;
import io.sitelens.model.ProjectKey;
import java.time.Instant;
import java.util.List;

public interface InsightStore {

    /** Replaces the project's insights with a new ranked set, atomically. */
    void replace(ProjectKey project, List<Insight> insights, Instant computedAt);

    /** The current insights, highest score first. */
    List<Insight> list(ProjectKey project);
}
