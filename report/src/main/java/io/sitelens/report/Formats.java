package io.sitelens.report;

import io.sitelens.model.ValueType;
import java.util.Locale;

/** How numbers are written in the report. */
final class Formats {
    private Formats() {}

    static String value(ValueType type, double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return switch (type) {
            case COUNT -> count(v);
            case RATE -> String.format(Locale.ROOT, "%.1f%%", v * 100);
            case DURATION -> duration(v);
            case CURRENCY -> String.format(Locale.ROOT, "%,.2f", v);
            case NUMBER -> Math.abs(v) >= 100 ? count(v) : String.format(Locale.ROOT, "%.3g", v);
        };
    }

    static String count(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + "s";
    }

    static String change(double change) {
        if (Double.isNaN(change)) {
            return "no previous data";
        }
        return String.format(Locale.ROOT, "%s%.1f%%", change >= 0 ? "+" : "−", Math.abs(change) * 100);
    }

    static String bytes(long b) {
        if (b >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", b / 1048576.0);
        }
        if (b >= 1024) {
            return String.format(Locale.ROOT, "%.0f kB", b / 1024.0);
        }
        return b + " B";
    }

    /** A metric name as people read it: {@code bounce_rate} → "Bounce rate". */
    static String label(String metric) {
        String s = metric.contains(":") ? metric.substring(metric.indexOf(':') + 1) : metric;
        s = s.replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
