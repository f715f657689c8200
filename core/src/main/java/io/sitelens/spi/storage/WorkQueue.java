package io.sitelens.spi.storage;

import io.sitelens.model.ProjectKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Work shared by several workers, possibly in several processes: crawl-frontier URLs and sync slices. An
 * item is enqueued once per (project, queue, item) however often it is offered; a claim leases items to one
 * worker (on SQL stores with {@code SELECT … FOR UPDATE SKIP LOCKED}), so no two workers hold the same item;
 * an expired lease makes the item claimable again, so work is never lost when a worker dies.
 */
public interface WorkQueue {

    /** Adds items not already in the queue (done or not). Returns how many were new. */
    int enqueue(ProjectKey project, String queue, Collection<String> items);

    /** Leases up to {@code max} pending or expired items to {@code worker} until {@code now + lease}. */
    List<WorkItem> claim(ProjectKey project, String queue, String worker, int max, Duration lease, Instant now);

    /** Marks items done; only the worker holding the lease may complete them. Returns how many were. */
    int complete(ProjectKey project, String queue, String worker, Collection<Long> ids);

    /**
     * Gives leased items back before their lease ends (a worker that stopped on a quota or a cancellation), so
     * another worker can claim them at once. Only the worker holding the lease may release. Stores that cannot
     * release return 0 and the lease simply expires.
     */
    default int release(ProjectKey project, String queue, String worker, Collection<Long> ids) {
        return 0;
    }

    /** Items not done (pending or leased). */
    long remaining(ProjectKey project, String queue);

    /** Removes the whole queue (a crawl started over). */
    void clear(ProjectKey project, String queue);
}
