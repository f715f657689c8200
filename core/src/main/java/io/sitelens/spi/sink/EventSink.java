package io.sitelens.spi.sink;

import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.VisitSession;
import java.util.List;

/**
 * Forwards behaviour events the collector accepted (after consent, validation and bot filtering) to another
 * system. Called after the events are stored, with the session they belong to. A sink is thread-safe; it may
 * throw {@link io.sitelens.SitelensException}, which the collector reports and does not let fail the ingestion.
 * Sinks get what the store gets and nothing more: no IP address, no user-agent string.
 */
public interface EventSink extends AutoCloseable {

    /** A short id for messages ({@code snowplow}). */
    String id();

    void accept(ProjectKey project, VisitSession session, List<BehaviourEvent> events);

    /** Flushes and releases resources. Never throws. */
    @Override
    default void close() {}
}
