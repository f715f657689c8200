package io.sitelens.spi.consent;

import static java.util.Objects.requireNonNull;

/** A policy's answer, with the reason (shown in audit logs and errors). */
public record ConsentDecision(boolean allowed, String reason) {
    public ConsentDecision {
        requireNonNull(reason, "reason");
    }

    public static ConsentDecision allow(String reason) {
        return new ConsentDecision(true, reason);
    }

    public static ConsentDecision deny(String reason) {
        return new ConsentDecision(false, reason);
    }
}
