package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** One identifier of a data subject, such as {@code email:ana@example.org}. */
public record SubjectIdentity(IdentityType type, String value) {
    public SubjectIdentity {
        requireNonNull(type, "type");
        requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException(type.prefix() + " identity has an empty value");
        }
        value = type == IdentityType.EMAIL ? value.trim().toLowerCase(Locale.ROOT) : value.trim();
    }

    /** Parses {@code TYPE:VALUE}. */
    public static SubjectIdentity parse(String text) {
        requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("subject must be written TYPE:VALUE (such as email:ana@example.org)");
        }
        return new SubjectIdentity(IdentityType.fromPrefix(text.substring(0, colon)), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return type.prefix() + ":" + value;
    }
}
