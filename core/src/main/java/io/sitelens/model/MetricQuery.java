package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What to ask a connector: metrics broken down by dimensions over a date range, optionally filtered and
 * limited. Built with {@link #builder(DateRange)}. A connector translates it into as few provider requests
 * as the provider allows.
 */
public record MetricQuery(
        List<MetricName> metrics,
        List<DimensionName> dimensions,
        DateRange range,
        List<DimensionFilter> filters,
        long rowLimit) {

    /** No row limit: the connector pages until the provider has given every row. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    public MetricQuery {
        metrics = List.copyOf(requireNonNull(metrics, "metrics"));
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions"));
        requireNonNull(range, "range");
        filters = List.copyOf(requireNonNull(filters, "filters"));
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a metric query needs at least one metric");
        }
        if (new LinkedHashSet<>(metrics).size() != metrics.size()) {
            throw new IllegalArgumentException("a metric is named twice in " + metrics);
        }
        if (new LinkedHashSet<>(dimensions).size() != dimensions.size()) {
            throw new IllegalArgumentException("a dimension is named twice in " + dimensions);
        }
        if (rowLimit < 1) {
            throw new IllegalArgumentException("rowLimit must be positive, got " + rowLimit);
        }
    }

    public static Builder builder(DateRange range) {
        return new Builder(range);
    }

    public Builder newBuilder() {
        Builder b = new Builder(range).rowLimit(rowLimit);
        metrics.forEach(b::metric);
        dimensions.forEach(b::dimension);
        filters.forEach(b::filter);
        return b;
    }

    public static final class Builder {
        private DateRange range;
        private final List<MetricName> metrics = new ArrayList<>();
        private final List<DimensionName> dimensions = new ArrayList<>();
        private final List<DimensionFilter> filters = new ArrayList<>();
        private long rowLimit = UNLIMITED;

        private Builder(DateRange range) {
            this.range = requireNonNull(range, "range");
        }

        public Builder range(DateRange range) {
            this.range = requireNonNull(range, "range");
            return this;
        }

        public Builder metric(MetricName metric) {
            metrics.add(requireNonNull(metric, "metric"));
            return this;
        }

        public Builder metrics(List<MetricName> all) {
            all.forEach(this::metric);
            return this;
        }

        public Builder dimension(DimensionName dimension) {
            dimensions.add(requireNonNull(dimension, "dimension"));
            return this;
        }

        public Builder dimensions(List<DimensionName> all) {
            all.forEach(this::dimension);
            return this;
        }

        public Builder filter(DimensionFilter filter) {
            filters.add(requireNonNull(filter, "filter"));
            return this;
        }

        public Builder rowLimit(long rowLimit) {
            this.rowLimit = rowLimit;
            return this;
        }

        public MetricQuery build() {
            return new MetricQuery(metrics, dimensions, range, filters, rowLimit);
        }
    }
}
