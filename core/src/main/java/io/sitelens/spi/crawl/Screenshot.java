package io.sitelens.spi.crawl;

import static java.util.Objects.requireNonNull;

/** A PNG capture of a page, its pixel size, and the metrics measured while rendering it. */
public record Screenshot(String url, Viewport viewport, int width, int height, byte[] png, RenderMetrics metrics) {
    public Screenshot {
        requireNonNull(url, "url");
        requireNonNull(viewport, "viewport");
        requireNonNull(png, "png");
        requireNonNull(metrics, "metrics");
    }
}
