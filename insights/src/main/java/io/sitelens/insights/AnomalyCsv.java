package io.sitelens.insights;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The detector over CSV: reads {@code timestamp,value} rows and writes {@code timestamp,value,anomaly_score},
 * one output row per input row in the same order, each score computed by an {@link AnomalyDetector} from that
 * row and the rows before it only. This is what {@code sitelens anomalies} runs.
 *
 * <p>Input: a header naming a {@code timestamp} and a {@code value} column (other columns are ignored),
 * then rows. Timestamps are NAB's {@code yyyy-MM-dd HH:mm:ss} (optionally with fractional seconds),
 * ISO-8601 date-times with or without an offset ({@code 2024-03-01T10:00:00Z},
 * {@code 2024-03-01T10:00+01:00}), or dates ({@code 2024-03-01}); times without an offset are read as UTC.
 * An empty value is a missing point (score 0). Timestamps and values are echoed exactly as written; scores
 * have six decimals. Bad input raises a {@link SitelensException} ({@code input.invalid}) naming the line.
 */
public final class AnomalyCsv {

    private static final DateTimeFormatter NAB =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS][.S]");

    private AnomalyCsv() {}

    /** Scores every row of {@code in} into {@code out}; returns the number of rows scored. */
    public static long score(Reader in, Writer out) {
        try {
            BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
            String header = r.readLine();
            if (header == null) {
                throw invalid(1, "the input is empty; expected a header 'timestamp,value'");
            }
            String[] names = split(stripBom(header));
            int tCol = column(names, "timestamp");
            int vCol = column(names, "value");
            out.write("timestamp,value,anomaly_score\n");
            AnomalyDetector detector = AnomalyDetector.create();
            long rows = 0;
            long line = 1;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = split(text);
                if (cells.length <= Math.max(tCol, vCol)) {
                    throw invalid(
                            line, "expected at least " + (Math.max(tCol, vCol) + 1) + " columns, got " + cells.length);
                }
                Instant t = parseTime(cells[tCol], line);
                double v = parseValue(cells[vCol], line);
                double score = detector.next(t, v);
                out.write(cells[tCol]);
                out.write(',');
                out.write(cells[vCol]);
                out.write(',');
                out.write(String.format(Locale.ROOT, "%.6f", score));
                out.write('\n');
                rows++;
            }
            out.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a timestamp in one of the accepted forms; local times are UTC. */
    public static Instant parseTime(String text, long line) {
        String t = unquote(text).trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (t.length() > 10 && t.charAt(10) == ' ') {
                return LocalDateTime.parse(t, NAB).toInstant(ZoneOffset.UTC);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                        .toInstant();
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid(
                    line,
                    "cannot read timestamp '" + abbreviate(t)
                            + "'; expected yyyy-MM-dd HH:mm:ss or ISO-8601 (2024-03-01T10:00:00Z)");
        }
    }

    private static double parseValue(String text, long line) {
        String v = unquote(text).trim();
        if (v.isEmpty() || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("null")) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isInfinite(d)) {
                throw invalid(line, "value '" + abbreviate(v) + "' is not finite");
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(line, "cannot read value '" + abbreviate(v) + "' as a number");
        }
    }

    private static int column(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (unquote(names[i]).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw invalid(1, "the header has no '" + name + "' column; expected 'timestamp,value'");
    }

    private static String[] split(String line) {
        return line.split(",", -1);
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static SitelensException invalid(long line, String message) {
        return new SitelensException(ErrorCode.INVALID_INPUT, "anomalies input, line " + line + ": " + message);
    }
}
