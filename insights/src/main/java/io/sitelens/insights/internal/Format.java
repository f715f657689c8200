package io.sitelens.insights.internal;

import java.util.Locale;

/** Numbers as explanations show them. */
public final class Format {

    private Format() {}

    /** 1,204 (rounded to an integer, thousands separated). */
    public static String count(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    /** 27.6% from 0.276. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** +12.5% / -40.0%. */
    public static String change(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * fraction);
    }

    public static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
