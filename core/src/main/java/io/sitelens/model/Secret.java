package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret value (a token, a password, a key file's content). {@link #toString()} is masked, the value is
 * read only through {@link #reveal()}, and equality compares in constant time. Never log what
 * {@code reveal()} returns.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        requireNonNull(value, "value");
        return new Secret(value.toCharArray());
    }

    /** The secret's value, for the one call that must send it. */
    public String reveal() {
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Secret other)) {
            return false;
        }
        return MessageDigest.isEqual(
                new String(value).getBytes(StandardCharsets.UTF_8),
                new String(other.value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value) * 31;
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
