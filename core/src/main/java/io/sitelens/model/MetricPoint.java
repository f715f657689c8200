package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One stored daily value: for a binding (source), a metric and a dimension key (such as the page path,
 * empty for the site-wide series), the value on a day. Upserting the same (source, metric, key, day)
 * replaces the value; it never duplicates.
 *
 * @param source the binding id the value came from
 * @param dimensionKey the breakdown, canonical form {@code page=/pricing} ({@code ""} for the whole site)
 */
public record MetricPoint(String source, MetricName metric, String dimensionKey, LocalDate day, double value) {
    public MetricPoint {
        requireNonNull(source, "source");
        requireNonNull(metric, "metric");
        requireNonNull(dimensionKey, "dimensionKey");
        requireNonNull(day, "day");
        if (dimensionKey.length() > 2048) {
            throw new IllegalArgumentException(
                    "dimension key is longer than 2048 characters: " + dimensionKey.substring(0, 80) + "…");
        }
    }

    /** The key of the site-wide series. */
    public static final String SITE = "";

    /** The dimension key for one page path. */
    public static String pageKey(String path) {
        return "page=" + path;
    }
}
