package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a {@link MetricQuery}: typed columns (dimensions, then metrics with their {@link ValueType}),
 * rows, optional totals, and the data-quality notes the provider attached (sampling, thresholding, an
 * "(other)" row, truncation). Values are canonical: rates in [0,1], durations in seconds.
 */
public record MetricTable(
        List<DimensionName> dimensions,
        List<MetricName> metrics,
        List<MetricRow> rows,
        @Nullable MetricRow totals,
        List<DataQualityNote> notes) {

    public MetricTable {
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions"));
        metrics = List.copyOf(requireNonNull(metrics, "metrics"));
        rows = List.copyOf(requireNonNull(rows, "rows"));
        notes = List.copyOf(requireNonNull(notes, "notes"));
        for (int i = 0; i < rows.size(); i++) {
            MetricRow r = rows.get(i);
            if (r.dimensionValues().size() != dimensions.size() || r.valueCount() != metrics.size()) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + r.dimensionValues().size() + " dimension values and " + r.valueCount()
                                + " metric values; the table has " + dimensions.size() + " and " + metrics.size());
            }
        }
        if (totals != null && totals.valueCount() != metrics.size()) {
            throw new IllegalArgumentException(
                    "totals have " + totals.valueCount() + " values for " + metrics.size() + " metrics");
        }
    }

    public static Builder builder(List<DimensionName> dimensions, List<MetricName> metrics) {
        return new Builder(dimensions, metrics);
    }

    public int dimensionIndex(DimensionName dimension) {
        int i = dimensions.indexOf(dimension);
        if (i < 0) {
            throw new IllegalArgumentException("no dimension " + dimension + " in " + dimensions);
        }
        return i;
    }

    public int metricIndex(MetricName metric) {
        for (int i = 0; i < metrics.size(); i++) {
            if (metrics.get(i).name().equals(metric.name())) {
                return i;
            }
        }
        throw new IllegalArgumentException("no metric " + metric + " in " + metrics);
    }

    public ValueType type(int metricIndex) {
        return metrics.get(metricIndex).type();
    }

    /** A count value as a long (rounded), for COUNT columns. */
    public long count(MetricRow row, MetricName metric) {
        return Math.round(row.value(metricIndex(metric)));
    }

    /** A DURATION column's value as a {@link Duration} (millisecond precision). */
    public Duration duration(MetricRow row, MetricName metric) {
        return Duration.ofMillis(Math.round(row.value(metricIndex(metric)) * 1000.0));
    }

    public boolean hasNote(DataQualityNote.Kind kind) {
        return notes.stream().anyMatch(n -> n.kind() == kind);
    }

    public Optional<MetricRow> totalsRow() {
        return Optional.ofNullable(totals);
    }

    public static final class Builder {
        private final List<DimensionName> dimensions;
        private final List<MetricName> metrics;
        private final List<MetricRow> rows = new ArrayList<>();
        private final List<DataQualityNote> notes = new ArrayList<>();
        private @Nullable MetricRow totals;

        private Builder(List<DimensionName> dimensions, List<MetricName> metrics) {
            this.dimensions = List.copyOf(dimensions);
            this.metrics = List.copyOf(metrics);
        }

        public Builder row(List<String> dimensionValues, double... values) {
            rows.add(new MetricRow(dimensionValues, values));
            return this;
        }

        public Builder row(MetricRow row) {
            rows.add(requireNonNull(row, "row"));
            return this;
        }

        public Builder totals(double... values) {
            this.totals = new MetricRow(List.of(), values);
            return this;
        }

        public Builder note(DataQualityNote.Kind kind, String message) {
            DataQualityNote note = new DataQualityNote(kind, message);
            if (!notes.contains(note)) {
                notes.add(note);
            }
            return this;
        }

        public int rowCount() {
            return rows.size();
        }

        public MetricTable build() {
            return new MetricTable(dimensions, metrics, rows, totals, notes);
        }
    }
}
