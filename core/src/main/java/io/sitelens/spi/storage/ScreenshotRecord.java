package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import io.sitelens.spi.crawl.RenderMetrics;
import java.time.Instant;

/**
 * A stored screenshot: the page, the viewport it was taken in ({@code desktop}, {@code mobile}, with
 * {@code -full} for full-page captures), its pixel size, the PNG's hash in the {@link BlobStore}, when, for which
 * crawl, and what the browser measured.
 */
public record ScreenshotRecord(
        String url,
        String viewport,
        int width,
        int height,
        String sha256,
        Instant takenAt,
        long crawlRunId,
        RenderMetrics metrics) {
    public ScreenshotRecord {
        requireNonNull(url, "url");
        requireNonNull(viewport, "viewport");
        requireNonNull(sha256, "sha256");
        requireNonNull(takenAt, "takenAt");
        requireNonNull(metrics, "metrics");
    }
}
