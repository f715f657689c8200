package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where a sync of one stream (a source and a report, such as {@code matomo/pages}) stands: the last day
 * fetched and settled, and an opaque cursor inside an unfinished slice, so an interrupted sync resumes.
 */
public record SyncState(
        String source,
        String stream,
        @Nullable LocalDate settledThrough,
        @Nullable String cursor,
        Instant updatedAt) {
    public SyncState {
        requireNonNull(source, "source");
        requireNonNull(stream, "stream");
        requireNonNull(updatedAt, "updatedAt");
    }
}
