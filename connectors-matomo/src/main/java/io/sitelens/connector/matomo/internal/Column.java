package io.sitelens.connector.matomo.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** How one metric's canonical value is read from a Matomo row (or a period's object). */
@FunctionalInterface
interface Column {
    double read(JsonNode row);

    /** The unit a Matomo field is written in. */
    enum Unit {
        COUNT,
        RATE,
        SECONDS,
        MILLIS,
        MONEY,
        NUMBER
    }

    /**
     * A field in {@code unit}. Matomo leaves out the entry/exit counters of rows where they are zero; for those
     * {@code absentIsZero} makes a missing cell 0 instead of missing.
     */
    static Column field(String name, Unit unit, boolean absentIsZero) {
        return row -> {
            JsonNode cell = row.get(name);
            if (cell == null || cell.isNull()) {
                return absentIsZero ? 0.0 : Double.NaN;
            }
            return switch (unit) {
                case COUNT, MONEY, NUMBER -> Cells.number(cell);
                case RATE -> Cells.rate(cell);
                case SECONDS -> Cells.seconds(cell);
                case MILLIS -> Cells.number(cell) / 1000.0;
            };
        };
    }

    static Column field(String name, Unit unit) {
        return field(name, unit, false);
    }

    /** {@code numerator / denominator}, missing when the denominator is missing or zero. */
    static Column ratio(String numerator, String denominator) {
        return row -> {
            double d = Cells.number(row.get(denominator));
            if (Double.isNaN(d) || d <= 0) {
                return Double.NaN;
            }
            double n = Cells.number(row.get(numerator));
            return Double.isNaN(n) ? 0.0 : n / d;
        };
    }

    /** This column, or {@code fallback} where this one is missing. */
    default Column orElse(Column fallback) {
        return row -> {
            double v = read(row);
            return Double.isNaN(v) ? fallback.read(row) : v;
        };
    }

    /** A rate clamped to [0,1]. */
    default Column clampedRate() {
        return row -> {
            double v = read(row);
            return Double.isNaN(v) ? v : Math.max(0.0, Math.min(1.0, v));
        };
    }

    /** {@code 1 - this}, for rates. */
    default Column complement() {
        return row -> {
            double v = read(row);
            return Double.isNaN(v) ? v : 1.0 - v;
        };
    }
}
