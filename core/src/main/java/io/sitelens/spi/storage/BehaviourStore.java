package io.sitelens.spi.storage;

import io.sitelens.model.ProjectKey;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Behaviour events and visits from the opt-in collector, and the aggregates computed from them. Nothing here
 * holds an IP address or a raw user-agent string; a visitor is known by a daily cookieless id and, with consent,
 * a first-party cookie id ({@link io.sitelens.model.IdentityType#VISITOR} and
 * {@link io.sitelens.model.IdentityType#COOKIE}).
 */
public interface BehaviourStore {

    /** Most rows one listing call returns. */
    int MAX_LIST = 100_000;

    /** Creates or replaces the session (by id) and appends its new events, atomically. */
    void record(ProjectKey project, VisitSession session, List<BehaviourEvent> events);

    /** Events with {@code from <= at < to}, oldest first, at most {@code limit} (capped at {@link #MAX_LIST}). */
    List<BehaviourEvent> events(ProjectKey project, Instant from, Instant to, int limit);

    /** Sessions that started in {@code [from, to)}, oldest first, at most {@code limit} (capped). */
    List<VisitSession> sessions(ProjectKey project, Instant from, Instant to, int limit);

    /** Every event of a visitor (by visitor or cookie id) in any of the tenant's projects, oldest first. */
    List<BehaviourEvent> eventsOf(TenantId tenant, SubjectIdentity visitor);

    /** Every session of a visitor (by visitor or cookie id) in any of the tenant's projects, oldest first. */
    List<VisitSession> sessionsOf(TenantId tenant, SubjectIdentity visitor);

    /**
     * Deletes every event and session of a visitor (by visitor or cookie id) in the tenant; returns how many
     * rows went. Idempotent: a second call returns 0.
     */
    long erase(TenantId tenant, SubjectIdentity visitor);

    /**
     * Retention: deletes the tenant's events before {@code before} and sessions whose last event is before it;
     * returns how many rows went.
     */
    long purgeEventsBefore(TenantId tenant, Instant before);

    /** The aggregates of events and sessions in {@code [from, to)}; equal to {@link BehaviourAggregates#from}. */
    default BehaviourAggregates aggregates(ProjectKey project, Instant from, Instant to) {
        return BehaviourAggregates.from(events(project, from, to, MAX_LIST), sessions(project, from, to, MAX_LIST));
    }
}
