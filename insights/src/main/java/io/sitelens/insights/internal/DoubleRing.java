package io.sitelens.insights.internal;

import java.util.Arrays;

/** A fixed-capacity ring of doubles with order statistics over its content. Not thread-safe. */
public final class DoubleRing {

    private final double[] data;
    private final double[] scratch;
    private int size;
    private int head;
    private double sum;

    public DoubleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.data = new double[capacity];
        this.scratch = new double[capacity];
    }

    public void add(double v) {
        if (size == data.length) {
            sum -= data[head];
        }
        sum += v;
        data[head] = v;
        head = (head + 1) % data.length;
        if (size < data.length) {
            size++;
        }
    }

    /** The k-th largest of the last {@code last} values (k = 1 is the maximum). */
    public double largest(int k, int last) {
        int m = fill(last);
        Arrays.sort(scratch, 0, m);
        return scratch[Math.max(0, m - k)];
    }

    /** The mean of all values held. */
    public double mean() {
        return size == 0 ? Double.NaN : sum / size;
    }

    public int size() {
        return size;
    }

    /** The i-th most recent value (0 = the last added). */
    public double recent(int i) {
        int idx = head - 1 - i;
        while (idx < 0) {
            idx += data.length;
        }
        return data[idx];
    }

    /** The median of the last {@code k} values (all if fewer). */
    public double median(int k) {
        int m = fill(k);
        return medianOf(scratch, m);
    }

    /** The median absolute deviation around {@code center} of the last {@code k} values. */
    public double mad(int k, double center) {
        int m = fill(k);
        for (int i = 0; i < m; i++) {
            scratch[i] = Math.abs(scratch[i] - center);
        }
        return medianOf(scratch, m);
    }

    /** The q-quantile (0..1, lower) of |v - center| over the last {@code k} values. */
    public double absQuantile(int k, double center, double q) {
        int m = fill(k);
        for (int i = 0; i < m; i++) {
            scratch[i] = Math.abs(scratch[i] - center);
        }
        Arrays.sort(scratch, 0, m);
        return scratch[Math.min(m - 1, (int) Math.floor(q * (m - 1)))];
    }

    private int fill(int k) {
        int m = Math.min(k, size);
        for (int i = 0; i < m; i++) {
            scratch[i] = recent(i);
        }
        return m;
    }

    static double medianOf(double[] a, int m) {
        if (m == 0) {
            return Double.NaN;
        }
        Arrays.sort(a, 0, m);
        return (m & 1) == 1 ? a[m / 2] : 0.5 * (a[m / 2 - 1] + a[m / 2]);
    }
}
