package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

/** A stored blob: its lowercase hex SHA-256 and size in bytes. */
public record BlobRef(String sha256, long size) {
    public BlobRef {
        requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: '" + sha256 + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
