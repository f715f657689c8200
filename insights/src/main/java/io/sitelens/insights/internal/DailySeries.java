package io.sitelens.insights.internal;

import io.sitelens.model.DateRange;
import io.sitelens.model.MetricPoint;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/** A daily series aligned to a period: one slot per day, NaN where the day is missing. */
public record DailySeries(LocalDate start, double[] values) {

    public static DailySeries of(List<MetricPoint> points, DateRange period) {
        double[] v = new double[(int) period.days()];
        Arrays.fill(v, Double.NaN);
        for (MetricPoint p : points) {
            long i = ChronoUnit.DAYS.between(period.start(), p.day());
            if (i >= 0 && i < v.length) {
                v[(int) i] = p.value();
            }
        }
        return new DailySeries(period.start(), v);
    }

    public int length() {
        return values.length;
    }

    public LocalDate day(int i) {
        return start.plusDays(i);
    }

    public double get(int i) {
        return values[i];
    }

    /** Sum of the non-missing values in [from, to). */
    public double sum(int from, int to) {
        double s = 0;
        for (int i = Math.max(0, from); i < Math.min(to, values.length); i++) {
            if (!Double.isNaN(values[i])) {
                s += values[i];
            }
        }
        return s;
    }

    /** Number of non-missing values. */
    public int present() {
        int c = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                c++;
            }
        }
        return c;
    }

    /** Median of the non-missing values in [from, to), NaN when none. */
    public double median(int from, int to) {
        return Stats.median(values, Math.max(0, from), Math.min(to, values.length));
    }
}
