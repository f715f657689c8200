package io.sitelens.spi.crawl;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the browser measured while the page was open. Times in milliseconds; negative when not measured.
 */
public record RenderMetrics(
        double ttfbMs,
        double domContentLoadedMs,
        double loadMs,
        double largestContentfulPaintMs,
        double cumulativeLayoutShift,
        List<String> javascriptErrors,
        List<String> failedRequests,
        long transferredBytes) {
    public RenderMetrics {
        javascriptErrors = List.copyOf(requireNonNull(javascriptErrors, "javascriptErrors"));
        failedRequests = List.copyOf(requireNonNull(failedRequests, "failedRequests"));
    }
}
