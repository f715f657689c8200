package io.sitelens.collector;

import static java.util.Objects.requireNonNull;

/**
 * What {@link Collector#ingest} did with a batch, as the HTTP status a host should answer (204 stored or
 * dropped, 400 invalid, 403 origin not allowed, 429 rate limited, 503 the store failed), how many events it stored, and a reason for
 * logs. The reason never contains the client's address or user agent.
 */
public record IngestResult(int status, int stored, Kind kind, String reason) {
    /** The outcomes, for counting. */
    public enum Kind {
        STORED,
        /** Valid, but not stored: no consent, a privacy signal (GPC, DNT) or a bot. */
        DROPPED,
        INVALID,
        FORBIDDEN,
        RATE_LIMITED,
        /** The store failed; nothing of the batch was stored. The tracker does not retry. */
        FAILED
    }

    public IngestResult {
        requireNonNull(kind, "kind");
        requireNonNull(reason, "reason");
    }

    static IngestResult stored(int events) {
        return new IngestResult(204, events, Kind.STORED, events + " events stored");
    }

    static IngestResult dropped(String reason) {
        return new IngestResult(204, 0, Kind.DROPPED, reason);
    }

    static IngestResult invalid(String reason) {
        return new IngestResult(400, 0, Kind.INVALID, reason);
    }

    static IngestResult forbidden(String reason) {
        return new IngestResult(403, 0, Kind.FORBIDDEN, reason);
    }

    static IngestResult failed(String reason) {
        return new IngestResult(503, 0, Kind.FAILED, reason);
    }

    static IngestResult rateLimited() {
        return new IngestResult(429, 0, Kind.RATE_LIMITED, "too many batches from one address");
    }
}
