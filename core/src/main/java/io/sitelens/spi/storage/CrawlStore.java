package io.sitelens.spi.storage;

import io.sitelens.model.Finding;
import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Crawl runs and what they found. Writes within a run are upserts keyed by URL (pages, resources), by
 * (from, to) for links and by (check, URL, message) for findings, so a resumed crawl never duplicates rows.
 */
public interface CrawlStore {

    CrawlRun startRun(ProjectKey project, String root, Instant startedAt);

    void finishRun(ProjectKey project, long runId, CrawlRun.Status status, Instant finishedAt);

    Optional<CrawlRun> run(ProjectKey project, long runId);

    /** The newest run of the project (optionally for one root), whatever its status. */
    Optional<CrawlRun> latestRun(ProjectKey project, String root);

    /** The newest completed run. */
    Optional<CrawlRun> latestCompletedRun(ProjectKey project);

    void savePages(ProjectKey project, long runId, Collection<Page> pages);

    void saveLinks(ProjectKey project, long runId, Collection<Link> links);

    void saveResources(ProjectKey project, long runId, Collection<Resource> resources);

    void saveFindings(ProjectKey project, long runId, Collection<Finding> findings);

    /** Pages of a run, ordered by URL. */
    List<Page> pages(ProjectKey project, long runId);

    List<Link> links(ProjectKey project, long runId);

    List<Resource> resources(ProjectKey project, long runId);

    /** Findings of a run, ordered by check id then URL. */
    List<Finding> findings(ProjectKey project, long runId);
}
