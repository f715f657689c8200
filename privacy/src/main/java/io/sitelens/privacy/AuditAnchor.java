package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;

/**
 * A head of the audit chain a host kept elsewhere (a ticket, a notary, another database): {@code COUNT:HASH}.
 * Verifying against it detects a log cut back to fewer entries, which the chain alone cannot.
 */
public record AuditAnchor(long count, String hash) {
    public AuditAnchor {
        requireNonNull(hash, "hash");
        if (count < 0 || !hash.matches("[0-9a-f]{64}")) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT, "audit anchor must be COUNT:HASH with a 64-digit lowercase hex hash");
        }
    }

    public static AuditAnchor parse(String text) {
        requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT, "audit anchor must be written COUNT:HASH, got '" + text + "'");
        }
        try {
            return new AuditAnchor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT,
                    "audit anchor must be COUNT:HASH with a numeric COUNT, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return count + ":" + hash;
    }
}
