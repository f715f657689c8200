package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** A claimed unit of work (a frontier URL, a sync slice), leased to a worker until {@code leaseUntil}. */
public record WorkItem(long id, String queue, String item, String worker, Instant leaseUntil, int attempts) {
    public WorkItem {
        requireNonNull(queue, "queue");
        requireNonNull(item, "item");
        requireNonNull(worker, "worker");
        requireNonNull(leaseUntil, "leaseUntil");
    }
}
