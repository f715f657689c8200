package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A page URL as the crawler met it: its HTTP outcome, depth from the start URLs, size, timing and the
 * few facts other flows join on (title, indexability, body hash).
 *
 * @param statusCode HTTP status, or 0 when no response was received
 * @param bodySha256 lowercase hex SHA-256 of the decoded body, or null when no body was read
 * @param redirectTarget the Location the page redirected to, or null
 */
public record Page(
        String url,
        int statusCode,
        @Nullable String contentType,
        int depth,
        long bytes,
        Duration responseTime,
        @Nullable String title,
        boolean indexable,
        @Nullable String bodySha256,
        @Nullable String redirectTarget,
        Instant fetchedAt) {
    public Page {
        requireNonNull(url, "url");
        requireNonNull(responseTime, "responseTime");
        requireNonNull(fetchedAt, "fetchedAt");
        if (statusCode < 0 || statusCode > 999) {
            throw new IllegalArgumentException("status code out of range: " + statusCode);
        }
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative: " + depth);
        }
    }

    public boolean isHtmlOk() {
        return statusCode >= 200 && statusCode < 300 && contentType != null && contentType.contains("html");
    }
}
