package io.sitelens.spi.privacy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one handler did for one request: its status, how many records it affected, the exported items (for
 * access and portability), and a message for the request's record (never containing the subject's data).
 */
public record HandlerResult(String handlerId, Status status, long affected, List<ExportedItem> items, String message) {
    public enum Status {
        /** Done; {@link #affected()} records were found, changed or removed. */
        DONE,
        /** The subject is not known to this system; a normal outcome. */
        NOT_FOUND,
        /** This handler does not implement the right asked for. */
        UNSUPPORTED,
        /** It failed; the request is retried later for this handler alone. */
        FAILED
    }

    public HandlerResult {
        requireNonNull(handlerId, "handlerId");
        requireNonNull(status, "status");
        items = List.copyOf(requireNonNull(items, "items"));
        requireNonNull(message, "message");
    }

    public static HandlerResult done(String handlerId, long affected, String message) {
        return new HandlerResult(handlerId, Status.DONE, affected, List.of(), message);
    }

    public static HandlerResult exported(String handlerId, List<ExportedItem> items) {
        return new HandlerResult(
                handlerId,
                items.isEmpty() ? Status.NOT_FOUND : Status.DONE,
                items.size(),
                items,
                items.size() + " records");
    }

    public static HandlerResult notFound(String handlerId) {
        return new HandlerResult(handlerId, Status.NOT_FOUND, 0, List.of(), "subject not known to " + handlerId);
    }

    public static HandlerResult unsupported(String handlerId, PrivacyRight right) {
        return new HandlerResult(handlerId, Status.UNSUPPORTED, 0, List.of(), handlerId + " does not support " + right);
    }

    public static HandlerResult failed(String handlerId, String message) {
        return new HandlerResult(handlerId, Status.FAILED, 0, List.of(), message);
    }
}
