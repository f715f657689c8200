package io.sitelens;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The one unchecked exception sitelens throws for anything that is not a programmer error. It carries an
 * {@link ErrorCode} (category and retryability) and, where a provider is involved, that provider's id.
 * Messages name the provider and the config key at fault, never a secret's value.
 */
public class SitelensException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final @Nullable String providerId;

    public SitelensException(ErrorCode errorCode, String message) {
        this(errorCode, null, message, null);
    }

    public SitelensException(ErrorCode errorCode, String message, @Nullable Throwable cause) {
        this(errorCode, null, message, cause);
    }

    public SitelensException(
            ErrorCode errorCode, @Nullable String providerId, String message, @Nullable Throwable cause) {
        super(providerId == null ? message : providerId + ": " + message, cause);
        this.errorCode = requireNonNull(errorCode, "errorCode");
        this.providerId = providerId;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public ErrorCategory category() {
        return errorCode.category();
    }

    public boolean retryable() {
        return errorCode.retryable();
    }

    /** The provider id (such as {@code matomo}) this error concerns, or null. */
    public @Nullable String providerId() {
        return providerId;
    }
}
