package io.sitelens.insights.internal;

import java.util.Arrays;

/** Small robust statistics over arrays, ignoring NaN. */
public final class Stats {

    private Stats() {}

    public static double median(double[] a, int from, int to) {
        double[] c = present(a, from, to);
        return DoubleRing.medianOf(c, c.length);
    }

    /** 1.4826 × the median absolute deviation around the median (a robust standard deviation). */
    public static double robustSd(double[] a, int from, int to) {
        double[] c = present(a, from, to);
        if (c.length == 0) {
            return Double.NaN;
        }
        double m = DoubleRing.medianOf(c, c.length);
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.abs(c[i] - m);
        }
        return 1.4826 * DoubleRing.medianOf(c, c.length);
    }

    static double[] present(double[] a, int from, int to) {
        double[] c = new double[Math.max(0, to - from)];
        int k = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(a[i])) {
                c[k++] = a[i];
            }
        }
        return k == c.length ? c : Arrays.copyOf(c, k);
    }

    /** -log10 of the two-sided normal p-value of z. */
    public static double log10P(double z) {
        return SeasonalDetector.log10TwoSidedP(Math.abs(z));
    }

    /** Two-sided normal p-value of z. */
    public static double pValue(double z) {
        return Math.pow(10, log10P(z));
    }

    /**
     * The detector's mapping from a p-value to a score: 0.5 at {@code -log10 p = 4.5}, 1 at 9, linear in
     * {@code -log10 p} between 0 and 1.
     */
    public static double scoreOfZ(double z) {
        return Math.max(0, Math.min(1, -log10P(z) / (2 * DetectorSettings.FROZEN.alertLog10P())));
    }

    /** Theil–Sen slope of y against its index, over non-missing values. */
    public static double theilSen(double[] y) {
        int n = y.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                if (!Double.isNaN(y[j])) {
                    slopes[k++] = (y[j] - y[i]) / (j - i);
                }
            }
        }
        return DoubleRing.medianOf(slopes, k);
    }
}
