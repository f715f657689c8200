package io.sitelens.connector.matomo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tolerant reading of Matomo cells: numbers as numbers or strings, {@code "27.61%"}, {@code false} and
 * {@code ""} for no value, formatted durations ({@code "5 min 13s"}, {@code "00:06:01"}). Anything unreadable
 * is {@code NaN} (missing), never an exception.
 */
final class Cells {
    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{1,2}):(\\d{1,2})");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(days?|d|hours?|h|min|m|s)\\b");

    private Cells() {}

    /** A plain number; a percentage string becomes a fraction. */
    static double number(JsonNode cell) {
        if (cell == null || cell.isNull() || cell.isMissingNode() || cell.isBoolean()) {
            return Double.NaN;
        }
        if (cell.isNumber()) {
            return cell.asDouble();
        }
        if (!cell.isTextual()) {
            return Double.NaN;
        }
        String s = cell.asText().trim().replace(",", "");
        if (s.isEmpty()) {
            return Double.NaN;
        }
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1).trim();
        }
        // money formatted by Matomo may carry a currency sign
        s = s.replaceAll("^[^0-9.+-]+|[^0-9.]+$", "");
        try {
            double v = Double.parseDouble(s);
            return percent ? v / 100.0 : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * A rate as a fraction in [0,1]. With {@code format_metrics=0} Matomo sends fractions (0.2761); formatted
     * answers send {@code "27.61%"}; a bare number above 1 can only be a percentage.
     */
    static double rate(JsonNode cell) {
        double v = number(cell);
        if (Double.isNaN(v)) {
            return v;
        }
        if (v > 1.0 && !(cell.isTextual() && cell.asText().contains("%"))) {
            v = v / 100.0;
        }
        return Math.max(0.0, Math.min(1.0, v));
    }

    /** A duration in seconds, from seconds or from Matomo's formatted forms. */
    static double seconds(JsonNode cell) {
        if (cell != null && cell.isTextual()) {
            String s = cell.asText().trim();
            Matcher clock = CLOCK.matcher(s);
            if (clock.matches()) {
                return Long.parseLong(clock.group(1)) * 3600.0
                        + Long.parseLong(clock.group(2)) * 60.0
                        + Long.parseLong(clock.group(3));
            }
            if (s.matches(".*[a-z].*")) {
                Matcher m = PART.matcher(s);
                double total = 0;
                boolean any = false;
                while (m.find()) {
                    any = true;
                    double n = Double.parseDouble(m.group(1));
                    String unit = m.group(2);
                    total += unit.startsWith("d")
                            ? n * 86400
                            : unit.startsWith("h") ? n * 3600 : unit.startsWith("m") ? n * 60 : n;
                }
                return any ? total : Double.NaN;
            }
        }
        return number(cell);
    }
}
