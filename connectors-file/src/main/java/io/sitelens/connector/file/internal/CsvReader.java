package io.sitelens.connector.file.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 reader: quoted fields (with {@code ""} escapes and line breaks inside quotes), one
 * record at a time, with the line each record starts on. Field and record sizes are capped so that a
 * malformed file cannot exhaust memory.
 */
public final class CsvReader {
    /** The longest field accepted, in characters. */
    public static final int MAX_FIELD = 64 * 1024;
    /** The most fields a record may have. */
    public static final int MAX_FIELDS = 1024;

    /** One record: its fields and the (1-based) line it starts on. */
    public record Record(List<String> fields, long line) {}

    /** A syntax problem at a line and (1-based) column number. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long line;
        private final int column;

        SyntaxError(long line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        public long line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    private final Reader in;
    private final char delimiter;
    private long line;
    private int pushedBack = -2;

    /** A reader whose first character is on line {@code firstLine}. */
    public CsvReader(Reader in, char delimiter, long firstLine) {
        this.in = in;
        this.delimiter = delimiter;
        this.line = firstLine;
    }

    /** Picks the delimiter of a header line: tab, semicolon or comma, whichever occurs most outside quotes. */
    public static char detectDelimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> {}
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    /** The next record, or null at the end of input. Blank lines are returned as a record with one empty field. */
    public @Nullable Record next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        pushedBack = c;
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            c = read();
            if (c == -1) {
                if (quoted) {
                    throw new SyntaxError(
                            start, fields.size() + 1, "a quoted field is not closed before the end of the file");
                }
                fields.add(field.toString());
                return new Record(fields, start);
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int n = read();
                    if (n == '"') {
                        append(field, '"', start, fields.size());
                    } else {
                        quoted = false;
                        pushedBack = n;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    append(field, ch, start, fields.size());
                }
                continue;
            }
            if (ch == delimiter) {
                addField(fields, field, start);
                field.setLength(0);
                wasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int n = read();
                    if (n != '\n') {
                        pushedBack = n;
                    }
                }
                line++;
                fields.add(field.toString());
                return new Record(fields, start);
            } else if (ch == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new SyntaxError(
                            start, fields.size() + 1, "a quote inside an unquoted field (quote the whole field)");
                }
                quoted = true;
                wasQuoted = true;
            } else {
                if (wasQuoted) {
                    throw new SyntaxError(start, fields.size() + 1, "text after the closing quote of a field");
                }
                append(field, ch, start, fields.size());
            }
        }
    }

    private static void addField(List<String> fields, StringBuilder field, long start) {
        fields.add(field.toString());
        if (fields.size() > MAX_FIELDS) {
            throw new SyntaxError(start, fields.size(), "more than " + MAX_FIELDS + " fields in one record");
        }
    }

    private static void append(StringBuilder field, char ch, long start, int index) {
        if (field.length() >= MAX_FIELD) {
            throw new SyntaxError(start, index + 1, "a field longer than " + MAX_FIELD + " characters");
        }
        field.append(ch);
    }
}
