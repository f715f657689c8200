package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * One row of a {@link MetricTable}: dimension values (as the provider wrote them, normalised where the
 * dimension is canonical — {@code date} is {@code YYYY-MM-DD}) and metric values in canonical units.
 * A missing metric value is {@code NaN}.
 */
public final class MetricRow {
    private final List<String> dimensionValues;
    private final double[] values;

    public MetricRow(List<String> dimensionValues, double[] values) {
        this.dimensionValues = List.copyOf(requireNonNull(dimensionValues, "dimensionValues"));
        this.values = requireNonNull(values, "values").clone();
    }

    public static MetricRow of(List<String> dimensionValues, double... values) {
        return new MetricRow(dimensionValues, values);
    }

    public List<String> dimensionValues() {
        return dimensionValues;
    }

    public String dimension(int index) {
        return dimensionValues.get(index);
    }

    public int valueCount() {
        return values.length;
    }

    public double value(int index) {
        return values[index];
    }

    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricRow r && dimensionValues.equals(r.dimensionValues) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * dimensionValues.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return dimensionValues + "=" + Arrays.toString(values);
    }
}
