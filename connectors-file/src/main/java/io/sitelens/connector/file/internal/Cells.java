package io.sitelens.connector.file.internal;

import io.sitelens.connector.file.internal.ExportFile.MetricColumn;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and validates one cell into canonical units. */
final class Cells {
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2}(?:\\.\\d+)?)");

    private Cells() {}

    static LocalDate day(Path path, long line, int column, String cell) {
        String s = cell.strip();
        Matcher m = ISO_DAY.matcher(s);
        if (!m.matches()) {
            m = COMPACT_DAY.matcher(s);
        }
        if (m.matches()) {
            try {
                return LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw new FileProblem(path, line, column, "'" + shorten(s) + "' is not a calendar day");
            }
        }
        throw new FileProblem(path, line, column, "date must be YYYY-MM-DD or YYYYMMDD, got '" + shorten(s) + "'");
    }

    /** A path ({@code /x?y}), or the path and query of an absolute http(s) URL. */
    static String page(Path path, long line, int column, String cell) {
        String s = cell.strip();
        if (s.startsWith("/")) {
            return s;
        }
        if (s.startsWith("http://") || s.startsWith("https://")) {
            try {
                URI u = new URI(s);
                String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
                return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
            } catch (URISyntaxException e) {
                throw new FileProblem(path, line, column, "page '" + shorten(s) + "' is not a valid URL");
            }
        }
        throw new FileProblem(
                path, line, column, "page must be a path starting with / or an http(s) URL, got '" + shorten(s) + "'");
    }

    static double value(Path path, long line, MetricColumn c, String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        return switch (c.metric().type()) {
            case COUNT -> {
                double v = number(path, line, c, s);
                if (v < 0 || v != Math.rint(v)) {
                    throw bad(path, line, c, s, "a whole number of zero or more");
                }
                yield v;
            }
            case RATE -> {
                double v;
                if (s.endsWith("%")) {
                    v = number(path, line, c, s.substring(0, s.length() - 1).strip()) / 100.0;
                } else {
                    v = number(path, line, c, s);
                    if (v > 1) {
                        throw bad(path, line, c, s, "a fraction in [0,1] or a percentage written with % (27.5%)");
                    }
                }
                if (v < 0 || v > 1) {
                    throw bad(path, line, c, s, "a rate between 0% and 100%");
                }
                yield v;
            }
            case DURATION -> {
                Matcher m = CLOCK.matcher(s);
                double v;
                if (m.matches()) {
                    double h = m.group(1) == null ? 0 : Double.parseDouble(m.group(1));
                    v = h * 3600 + Double.parseDouble(m.group(2)) * 60 + Double.parseDouble(m.group(3));
                } else {
                    v = number(
                            path,
                            line,
                            c,
                            s.endsWith("s") ? s.substring(0, s.length() - 1).strip() : s);
                }
                if (v < 0) {
                    throw bad(path, line, c, s, "a duration in seconds (12.5) or as H:MM:SS");
                }
                yield v;
            }
            case CURRENCY, NUMBER -> number(path, line, c, s);
        };
    }

    private static double number(Path path, long line, MetricColumn c, String s) {
        String t = GROUPED.matcher(s).matches() ? s.replace(",", "") : s;
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && !t.matches(".*[a-zA-Z].*")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(path, line, c, s, "a number");
    }

    private static FileProblem bad(Path path, long line, MetricColumn c, String s, String expected) {
        return new FileProblem(
                path,
                line,
                c.column(),
                "'" + c.header() + "' (" + c.metric() + ") must be " + expected + ", got '" + shorten(s) + "'");
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
