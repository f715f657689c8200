package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One number behind an insight ("sessions last 7 days: 1,204"), with the day or metric it refers to where
 * that matters.
 */
public record Evidence(
        String label,
        double value,
        @Nullable MetricName metric,
        @Nullable String note) {
    public Evidence {
        requireNonNull(label, "label");
    }

    public static Evidence of(String label, double value) {
        return new Evidence(label, value, null, null);
    }
}
