package io.sitelens;

import static java.util.Objects.requireNonNull;

/**
 * A stable, machine-readable error code. Codes are dotted lowercase strings ({@code config.invalid},
 * {@code external.rate-limited}); plugins may mint their own with {@link #of}.
 *
 * @param code the dotted identifier, stable across releases
 * @param category who must act
 * @param retryable whether the same call may succeed later without any change
 */
public record ErrorCode(String code, ErrorCategory category, boolean retryable) {

    public static final ErrorCode INVALID_INPUT = of("input.invalid", ErrorCategory.USER, false);
    public static final ErrorCode CONFIG_INVALID = of("config.invalid", ErrorCategory.USER, false);
    public static final ErrorCode NOT_FOUND = of("input.not-found", ErrorCategory.USER, false);
    public static final ErrorCode UNSUPPORTED = of("input.unsupported", ErrorCategory.USER, false);
    public static final ErrorCode CONSENT_MISSING = of("consent.missing", ErrorCategory.USER, false);
    public static final ErrorCode SECRET_UNRESOLVED = of("secret.unresolved", ErrorCategory.USER, false);
    public static final ErrorCode CAP_EXCEEDED = of("usage.cap-exceeded", ErrorCategory.USER, false);
    public static final ErrorCode CANCELLED = of("run.cancelled", ErrorCategory.USER, false);

    public static final ErrorCode AUTHENTICATION_FAILED = of("external.authentication", ErrorCategory.EXTERNAL, false);
    public static final ErrorCode PERMISSION_DENIED = of("external.permission-denied", ErrorCategory.EXTERNAL, false);
    public static final ErrorCode RATE_LIMITED = of("external.rate-limited", ErrorCategory.EXTERNAL, true);
    public static final ErrorCode QUOTA_EXHAUSTED = of("external.quota-exhausted", ErrorCategory.EXTERNAL, false);
    public static final ErrorCode EXTERNAL_UNAVAILABLE = of("external.unavailable", ErrorCategory.EXTERNAL, true);
    public static final ErrorCode EXTERNAL_TIMEOUT = of("external.timeout", ErrorCategory.EXTERNAL, true);
    public static final ErrorCode EXTERNAL_REJECTED = of("external.rejected", ErrorCategory.EXTERNAL, false);
    public static final ErrorCode EXTERNAL_MALFORMED = of("external.malformed-response", ErrorCategory.EXTERNAL, false);

    public static final ErrorCode STORAGE_FAILURE = of("storage.failure", ErrorCategory.EXTERNAL, true);
    public static final ErrorCode STORAGE_CONFLICT = of("storage.conflict", ErrorCategory.USER, false);
    public static final ErrorCode STORAGE_INCOMPATIBLE = of("storage.incompatible", ErrorCategory.USER, false);

    public static final ErrorCode PLUGIN_LOAD_FAILED = of("plugin.load-failed", ErrorCategory.INTERNAL, false);
    public static final ErrorCode PLUGIN_CONFLICT = of("plugin.conflict", ErrorCategory.USER, false);
    public static final ErrorCode SPI_VERSION_MISMATCH = of("plugin.spi-version", ErrorCategory.USER, false);
    public static final ErrorCode INTERNAL = of("internal", ErrorCategory.INTERNAL, false);

    public ErrorCode {
        requireNonNull(code, "code");
        requireNonNull(category, "category");
        if (!code.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
            throw new IllegalArgumentException("error code must be dotted lowercase words, got '" + code + "'");
        }
    }

    public static ErrorCode of(String code, ErrorCategory category, boolean retryable) {
        return new ErrorCode(code, category, retryable);
    }

    @Override
    public String toString() {
        return code;
    }
}
