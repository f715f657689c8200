package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A resource a page uses (image, stylesheet, script, font, media, frame), fetched once and stored by content
 * hash in the {@code BlobStore}; external resources are only checked for status.
 *
 * @param sha256 lowercase hex SHA-256 of the body, or null when the body was not stored
 */
public record Resource(
        String url,
        ResourceType type,
        int statusCode,
        @Nullable String contentType,
        long bytes,
        @Nullable String sha256,
        boolean external) {
    public Resource {
        requireNonNull(url, "url");
        requireNonNull(type, "type");
    }
}
