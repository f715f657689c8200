package io.sitelens.connector.file.internal;

import io.sitelens.model.MetricName;
import io.sitelens.model.ValueType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One CSV export: its header (which column is the date, which the page, which the metrics) read at once,
 * its rows streamed on demand. Leading lines starting with {@code #} (GA4's export preamble) and blank lines
 * are skipped. Every problem is a {@link FileProblem} naming the file, the line and the column.
 */
public final class ExportFile {

    /** A metric column: its (1-based) position, header and metric. */
    public record MetricColumn(int column, String header, MetricName metric) {}

    /** Receives each data row; {@code values} follow {@link #metricColumns()}, NaN for empty cells. */
    public interface RowSink {
        void row(LocalDate day, @Nullable String page, double[] values, long line);
    }

    private final Path path;
    private final char delimiter;
    private final long headerLine;
    private final int width;
    private final int dateColumn;
    private final int pageColumn;
    private final List<MetricColumn> metricColumns;

    private ExportFile(
            Path path,
            char delimiter,
            long headerLine,
            int width,
            int dateColumn,
            int pageColumn,
            List<MetricColumn> metricColumns) {
        this.path = path;
        this.delimiter = delimiter;
        this.headerLine = headerLine;
        this.width = width;
        this.dateColumn = dateColumn;
        this.pageColumn = pageColumn;
        this.metricColumns = List.copyOf(metricColumns);
    }

    /**
     * Reads the header of {@code path}.
     *
     * @param dateHeader the date column's header, or null for the defaults ({@code date}, {@code day})
     * @param pageHeader the page column's header, or null for the defaults ({@code page}, {@code page path}, …)
     * @param ignored normalised headers to skip
     */
    public static ExportFile open(
            Path path, @Nullable String dateHeader, @Nullable String pageHeader, Set<String> ignored, long maxBytes) {
        checkSize(path, maxBytes);
        try (BufferedReader in = reader(path)) {
            long line = 0;
            String text;
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank() && !text.startsWith("#")) {
                    break;
                }
            }
            if (text == null) {
                throw new FileProblem(path, line, 0, "has no header line (expected date, page and metric columns)");
            }
            char delimiter = CsvReader.detectDelimiter(text);
            CsvReader.Record header;
            try {
                header = new CsvReader(new StringReader(text), delimiter, line).next();
            } catch (CsvReader.SyntaxError e) {
                throw new FileProblem(path, e.line(), e.column(), e.getMessage());
            }
            return fromHeader(
                    path,
                    delimiter,
                    line,
                    header == null ? List.of() : header.fields(),
                    dateHeader,
                    pageHeader,
                    ignored);
        } catch (CharacterCodingException e) {
            throw new FileProblem(path, 0, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new FileProblem(path, 0, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static ExportFile fromHeader(
            Path path,
            char delimiter,
            long line,
            List<String> headers,
            @Nullable String dateHeader,
            @Nullable String pageHeader,
            Set<String> ignored) {
        int date = -1;
        int page = -1;
        List<MetricColumn> metrics = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i).strip();
            String n = Vocabulary.normalise(h);
            int column = i + 1;
            if (n.isEmpty()) {
                throw new FileProblem(path, line, column, "has an empty column header");
            }
            if (!seen.add(n)) {
                throw new FileProblem(path, line, column, "names column '" + h + "' twice");
            }
            if (date < 0 && matches(n, dateHeader, Vocabulary.DATE_HEADERS)) {
                date = column;
            } else if (page < 0 && matches(n, pageHeader, Vocabulary.PAGE_HEADERS)) {
                page = column;
            } else if (ignored.contains(n) || Vocabulary.DESCRIPTIVE_HEADERS.contains(n)) {
                continue;
            } else {
                MetricName m = Vocabulary.metric(h)
                        .orElseGet(() -> MetricName.nativeName(FileNames.PROVIDER, n, ValueType.NUMBER));
                for (MetricColumn c : metrics) {
                    if (c.metric().name().equals(m.name())) {
                        throw new FileProblem(
                                path,
                                line,
                                column,
                                "column '" + h + "' is metric " + m + " again (already column " + c.column() + " '"
                                        + c.header() + "')");
                    }
                }
                metrics.add(new MetricColumn(column, h, m));
            }
        }
        if (date < 0) {
            throw new FileProblem(
                    path,
                    line,
                    0,
                    "has no date column (looked for "
                            + (dateHeader == null ? "'date' or 'day'" : "'" + dateHeader + "'") + " in " + headers
                            + ")");
        }
        if (pageHeader != null && page < 0) {
            throw new FileProblem(path, line, 0, "has no page column '" + pageHeader + "' in " + headers);
        }
        if (metrics.isEmpty()) {
            throw new FileProblem(
                    path,
                    line,
                    0,
                    "has no metric column; name columns by canonical metric ("
                            + String.join(", ", Vocabulary.canonicalNames()) + ") or by a common export header");
        }
        return new ExportFile(path, delimiter, line, headers.size(), date, page, metrics);
    }

    private static boolean matches(String normalised, @Nullable String configured, Set<String> defaults) {
        return configured == null ? defaults.contains(normalised) : normalised.equals(Vocabulary.normalise(configured));
    }

    private static void checkSize(Path path, long maxBytes) {
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new FileProblem(
                        path,
                        0,
                        0,
                        "is " + size + " bytes, more than maxBytes (" + maxBytes
                                + "); split the export or raise maxBytes");
            }
        } catch (IOException e) {
            throw new FileProblem(path, 0, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static BufferedReader reader(Path path) throws IOException {
        Reader r = new InputStreamReader(
                Files.newInputStream(path),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new BufferedReader(r, 64 * 1024);
    }

    public Path path() {
        return path;
    }

    public boolean hasPages() {
        return pageColumn > 0;
    }

    public List<MetricColumn> metricColumns() {
        return metricColumns;
    }

    /** Streams every data row to {@code sink}, validating each cell; fails at the first bad one. */
    public void scan(RowSink sink, long maxBytes) {
        checkSize(path, maxBytes);
        try (BufferedReader in = reader(path)) {
            for (long skipped = 0; skipped < headerLine; skipped++) {
                in.readLine();
            }
            CsvReader csv = new CsvReader(in, delimiter, headerLine + 1);
            double[] values = new double[metricColumns.size()];
            CsvReader.Record r;
            while ((r = csv.next()) != null) {
                List<String> f = r.fields();
                if (f.size() == 1 && f.get(0).isBlank()
                        || !f.isEmpty() && f.get(0).startsWith("#")) {
                    continue;
                }
                if (f.size() != width) {
                    throw new FileProblem(
                            path,
                            r.line(),
                            Math.min(f.size(), width) + 1,
                            "has " + f.size() + " fields; the header has " + width);
                }
                LocalDate day = Cells.day(path, r.line(), dateColumn, f.get(dateColumn - 1));
                String page = pageColumn > 0 ? Cells.page(path, r.line(), pageColumn, f.get(pageColumn - 1)) : null;
                for (int i = 0; i < values.length; i++) {
                    MetricColumn c = metricColumns.get(i);
                    values[i] = Cells.value(path, r.line(), c, f.get(c.column() - 1));
                }
                sink.row(day, page, values, r.line());
            }
        } catch (CsvReader.SyntaxError e) {
            throw new FileProblem(path, e.line(), e.column(), e.getMessage());
        } catch (CharacterCodingException e) {
            throw new FileProblem(path, 0, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new FileProblem(path, 0, 0, "cannot be read: " + e.getMessage());
        }
    }
}
