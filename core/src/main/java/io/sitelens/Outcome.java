package io.sitelens;

import static java.util.Objects.requireNonNull;

/**
 * What happened to one provider within a run over several: partial failure is data, not an exception.
 */
public sealed interface Outcome {

    /** The provider or binding this outcome is for. */
    String providerId();

    record Succeeded(String providerId, String summary) implements Outcome {
        public Succeeded {
            requireNonNull(providerId, "providerId");
            requireNonNull(summary, "summary");
        }
    }

    record Failed(String providerId, ErrorCode errorCode, String message) implements Outcome {
        public Failed {
            requireNonNull(providerId, "providerId");
            requireNonNull(errorCode, "errorCode");
            requireNonNull(message, "message");
        }

        public static Failed of(String providerId, SitelensException e) {
            return new Failed(providerId, e.errorCode(), String.valueOf(e.getMessage()));
        }
    }

    record Skipped(String providerId, String reason) implements Outcome {
        public Skipped {
            requireNonNull(providerId, "providerId");
            requireNonNull(reason, "reason");
        }
    }
}
