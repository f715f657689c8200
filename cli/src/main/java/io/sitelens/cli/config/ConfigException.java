package io.sitelens.cli.config;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.nio.file.Path;

/** A problem in a project config file, located by file, line and key. */
public final class ConfigException extends SitelensException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String key;

    ConfigException(Path file, int line, String key, String problem) {
        super(ErrorCode.CONFIG_INVALID, file + ":" + line + ": " + key + ": " + problem);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** The dotted key path, such as {@code bindings[0].secrets.token}. */
    public String key() {
        return key;
    }
}
