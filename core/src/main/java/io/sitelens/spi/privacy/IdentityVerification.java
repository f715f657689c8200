package io.sitelens.spi.privacy;

import static java.util.Objects.requireNonNull;

/**
 * The answer of an {@link IdentityVerifier}.
 *
 * @param verified whether the requester proved to be the subject
 * @param method how (such as {@code signed-in-session}, {@code email-confirmation}); kept in the request record
 * @param reason why not, when not verified (kept in the request record; must not contain the subject's data)
 */
public record IdentityVerification(boolean verified, String method, String reason) {
    public IdentityVerification {
        requireNonNull(method, "method");
        requireNonNull(reason, "reason");
    }

    public static IdentityVerification verified(String method) {
        return new IdentityVerification(true, method, "");
    }

    public static IdentityVerification rejected(String method, String reason) {
        return new IdentityVerification(false, method, reason);
    }
}
