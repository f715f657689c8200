package io.sitelens.connector.file.internal;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.nio.file.Path;

/**
 * Bad input in an export file ({@code input.invalid}): the message names the file, and the line and column
 * when known; so do {@link #file()}, {@link #line()} and {@link #column()} for a host that points at the cell.
 */
public final class FileProblem extends SitelensException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;

    public FileProblem(Path path, long line, int column, String problem) {
        super(ErrorCode.INVALID_INPUT, FileNames.PROVIDER, where(path, line, column) + ": " + problem, null);
        this.file = path.toString();
        this.line = line;
        this.column = column;
    }

    private static String where(Path path, long line, int column) {
        String s = path.toString();
        if (line > 0) {
            s += ", line " + line;
        }
        if (column > 0) {
            s += ", column " + column;
        }
        return s;
    }

    /** The file at fault. */
    public String file() {
        return file;
    }

    /** The 1-based line, 0 when the problem is the whole file. */
    public long line() {
        return line;
    }

    /** The 1-based column, 0 when the problem is not one cell. */
    public int column() {
        return column;
    }
}
