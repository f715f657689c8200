package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.IdentityType;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.BehaviourStore;
import io.sitelens.spi.storage.VisitSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

final class MemoryBehaviourStore implements BehaviourStore {
    private record Stored<T>(ProjectKey project, T row) {}

    private final Object lock;
    private final List<Stored<BehaviourEvent>> events = new ArrayList<>();
    private final Map<List<Object>, Stored<VisitSession>> sessions = new LinkedHashMap<>();

    MemoryBehaviourStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void record(ProjectKey project, VisitSession session, List<BehaviourEvent> newEvents) {
        requireNonNull(project, "project");
        requireNonNull(session, "session");
        List<BehaviourEvent> copy = List.copyOf(newEvents);
        synchronized (lock) {
            sessions.put(List.of(project, session.sessionId()), new Stored<>(project, session));
            for (BehaviourEvent e : copy) {
                events.add(new Stored<>(project, e));
            }
        }
    }

    @Override
    public List<BehaviourEvent> events(ProjectKey project, Instant from, Instant to, int limit) {
        synchronized (lock) {
            return events.stream()
                    .filter(s -> s.project().equals(project))
                    .map(Stored::row)
                    .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
                    .sorted(Comparator.comparing(BehaviourEvent::at))
                    .limit(Math.max(0, Math.min(limit, MAX_LIST)))
                    .toList();
        }
    }

    @Override
    public List<VisitSession> sessions(ProjectKey project, Instant from, Instant to, int limit) {
        synchronized (lock) {
            return sessions.values().stream()
                    .filter(s -> s.project().equals(project))
                    .map(Stored::row)
                    .filter(s -> !s.start().isBefore(from) && s.start().isBefore(to))
                    .sorted(Comparator.comparing(VisitSession::start))
                    .limit(Math.max(0, Math.min(limit, MAX_LIST)))
                    .toList();
        }
    }

    @Override
    public List<BehaviourEvent> eventsOf(TenantId tenant, SubjectIdentity visitor) {
        Predicate<BehaviourEvent> match = eventMatch(visitor);
        synchronized (lock) {
            return events.stream()
                    .filter(s -> s.project().tenant().equals(tenant) && match.test(s.row()))
                    .map(Stored::row)
                    .sorted(Comparator.comparing(BehaviourEvent::at))
                    .toList();
        }
    }

    @Override
    public List<VisitSession> sessionsOf(TenantId tenant, SubjectIdentity visitor) {
        Predicate<VisitSession> match = sessionMatch(visitor);
        synchronized (lock) {
            return sessions.values().stream()
                    .filter(s -> s.project().tenant().equals(tenant) && match.test(s.row()))
                    .map(Stored::row)
                    .sorted(Comparator.comparing(VisitSession::start))
                    .toList();
        }
    }

    @Override
    public long erase(TenantId tenant, SubjectIdentity visitor) {
        Predicate<BehaviourEvent> eventMatch = eventMatch(visitor);
        Predicate<VisitSession> sessionMatch = sessionMatch(visitor);
        synchronized (lock) {
            int before = events.size() + sessions.size();
            events.removeIf(s -> s.project().tenant().equals(tenant) && eventMatch.test(s.row()));
            sessions.values().removeIf(s -> s.project().tenant().equals(tenant) && sessionMatch.test(s.row()));
            return before - (events.size() + sessions.size());
        }
    }

    @Override
    public long purgeEventsBefore(TenantId tenant, Instant before) {
        synchronized (lock) {
            int was = events.size() + sessions.size();
            events.removeIf(
                    s -> s.project().tenant().equals(tenant) && s.row().at().isBefore(before));
            sessions.values()
                    .removeIf(s -> s.project().tenant().equals(tenant)
                            && s.row().lastSeen().isBefore(before));
            return was - (events.size() + sessions.size());
        }
    }

    void drop(ProjectKey project) {
        events.removeIf(s -> s.project().equals(project));
        sessions.values().removeIf(s -> s.project().equals(project));
    }

    private static Predicate<BehaviourEvent> eventMatch(SubjectIdentity visitor) {
        String v = visitor.value();
        return switch (visitorType(visitor)) {
            case VISITOR -> e -> e.visitorId().equals(v);
            case COOKIE -> e -> Objects.equals(e.cookieId(), v);
        };
    }

    private static Predicate<VisitSession> sessionMatch(SubjectIdentity visitor) {
        String v = visitor.value();
        return switch (visitorType(visitor)) {
            case VISITOR -> s -> s.visitorId().equals(v);
            case COOKIE -> s -> Objects.equals(s.cookieId(), v);
        };
    }

    private enum VisitorKey {
        VISITOR,
        COOKIE
    }

    private static VisitorKey visitorType(SubjectIdentity visitor) {
        if (visitor.type() == IdentityType.VISITOR) {
            return VisitorKey.VISITOR;
        }
        if (visitor.type() == IdentityType.COOKIE) {
            return VisitorKey.COOKIE;
        }
        throw new IllegalArgumentException("behaviour data is kept by visitor or cookie id, not by "
                + visitor.type().prefix());
    }
}
