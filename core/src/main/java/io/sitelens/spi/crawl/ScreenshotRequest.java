package io.sitelens.spi.crawl;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Render {@code url} in {@code viewport}; {@code fullPage} captures the whole page up to {@code maxHeight}. */
public record ScreenshotRequest(String url, Viewport viewport, boolean fullPage, int maxHeight, Duration timeout) {
    public ScreenshotRequest {
        requireNonNull(url, "url");
        requireNonNull(viewport, "viewport");
        requireNonNull(timeout, "timeout");
        if (maxHeight < viewport.height()) {
            throw new IllegalArgumentException("maxHeight " + maxHeight + " is below the viewport height");
        }
    }

    public static ScreenshotRequest viewport(String url, Viewport viewport) {
        return new ScreenshotRequest(url, viewport, false, viewport.height(), Duration.ofSeconds(30));
    }
}
