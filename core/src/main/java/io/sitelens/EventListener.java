package io.sitelens;

/**
 * Progress of long work (crawls, syncs, screenshots, insight refreshes). Every method is a no-op by default.
 * Contract: methods are called from worker threads, must be fast, must not block, and must never throw (an
 * exception thrown by a listener is logged and ignored).
 */
public interface EventListener {

    EventListener NONE = new EventListener() {};

    /** A phase ({@code crawl}, {@code sync:ga4}, {@code screenshots}) starts; {@code total} is -1 when unknown. */
    default void phaseStarted(String phase, long total) {}

    /** {@code done} of {@code total} units of the phase are finished. */
    default void progress(String phase, long done, long total) {}

    default void phaseFinished(String phase, Outcome outcome) {}

    /** Something the user should know that is not a failure (a capped crawl delay, a skipped provider). */
    default void warning(String phase, String message) {}
}
