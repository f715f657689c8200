package io.sitelens.spi.storage;

import io.sitelens.model.ProjectKey;
import java.util.Collection;
import java.util.List;

/** Screenshot metadata (the PNGs are in the tenant's {@link BlobStore}). */
public interface ScreenshotStore {

    /** Creates or replaces the records of (crawl run, URL, viewport). */
    void save(ProjectKey project, Collection<ScreenshotRecord> records);

    /** The screenshots of a crawl run, ordered by URL then viewport. */
    List<ScreenshotRecord> list(ProjectKey project, long crawlRunId);
}
