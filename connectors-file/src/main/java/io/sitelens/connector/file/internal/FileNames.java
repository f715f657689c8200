package io.sitelens.connector.file.internal;

/** Names shared by the connector and its internals. */
public final class FileNames {
    /** The provider id. */
    public static final String PROVIDER = "file";

    private FileNames() {}
}
