package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A crawl of a project from a root URL. */
public record CrawlRun(
        long id,
        String root,
        Status status,
        Instant startedAt,
        @Nullable Instant finishedAt) {
    public enum Status {
        RUNNING,
        COMPLETED,
        /** Stopped by a limit, cancellation or error; may be resumed. */
        INTERRUPTED,
        FAILED
    }

    public CrawlRun {
        requireNonNull(root, "root");
        requireNonNull(status, "status");
        requireNonNull(startedAt, "startedAt");
    }
}
