package io.sitelens.model;

import static java.util.Objects.requireNonNull;

/**
 * A reference to a secret, never its value: {@code env:NAME}, {@code file:PATH}, or a host-defined scheme
 * ({@code vault:kv/clients/acme#matomo}) that a host's {@code SecretResolver} understands.
 */
public record SecretRef(String scheme, String location) {
    public SecretRef {
        requireNonNull(scheme, "scheme");
        requireNonNull(location, "location");
        if (!scheme.matches("[a-z][a-z0-9+-]*")) {
            throw new IllegalArgumentException(
                    "secret reference scheme must be lowercase letters, got '" + scheme + "'");
        }
        if (location.isBlank()) {
            throw new IllegalArgumentException("secret reference '" + scheme + ":' names nothing");
        }
    }

    /** Parses {@code scheme:location}; anything else is rejected (it may be a secret pasted as a value). */
    public static SecretRef parse(String text) {
        requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon <= 0 || !text.substring(0, colon).matches("[a-z][a-z0-9+-]*")) {
            throw new IllegalArgumentException(
                    "not a secret reference (expected env:NAME or file:PATH); the value is not shown");
        }
        return new SecretRef(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return scheme + ":" + location;
    }
}
