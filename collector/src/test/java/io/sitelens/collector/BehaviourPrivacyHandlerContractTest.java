package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.DataSubject;
import io.sitelens.model.IdentityType;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.VisitSession;
import io.sitelens.tck.privacy.PrivacyRightsHandlerContract;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourPrivacyHandlerContractTest extends PrivacyRightsHandlerContract {
    static final ProjectKey TCK = ProjectKey.of("tck-tenant", "tck-project");
    static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    InMemoryStorageAdapter store = new InMemoryStorageAdapter();

    @Override
    protected PrivacyRightsHandler handler() {
        return new BehaviourPrivacyHandler(store);
    }

    @Override
    protected DataSubject knownSubject() {
        return DataSubject.of(new SubjectIdentity(IdentityType.COOKIE, Batches.COOKIE));
    }

    static VisitSession session(String id, String visitor, String cookie) {
        return new VisitSession(
                id,
                visitor,
                cookie,
                T,
                T.plusSeconds(30),
                1,
                20_000,
                "/",
                null,
                "Chrome",
                "Linux",
                null,
                "Desktop",
                null,
                null,
                "Europe/Paris",
                "fr-FR",
                "1920x1080",
                true);
    }

    static BehaviourEvent click(VisitSession s) {
        return new BehaviourEvent(
                T.plusSeconds(5),
                s.sessionId(),
                s.visitorId(),
                s.cookieId(),
                BehaviourEvent.Kind.CLICK,
                "/",
                "#buy",
                null,
                10,
                20,
                1280,
                800,
                0);
    }

    @Override
    protected void seedKnownSubject() {
        VisitSession mine = session("s1", "a".repeat(32), Batches.COOKIE);
        VisitSession theirs = session("s2", "b".repeat(32), null);
        store.behaviour().record(TCK, mine, List.of(click(mine)));
        store.behaviour().record(TCK, theirs, List.of(click(theirs)));
    }

    @Test
    void erasure_by_visitor_id_leaves_other_visitors_alone() {
        HandlerResult r = handler.erase(
                request("v-1"), DataSubject.of(new SubjectIdentity(IdentityType.VISITOR, "a".repeat(32))));
        assertThat(r.affected()).isEqualTo(2);
        assertThat(store.behaviour().events(TCK, T, T.plusSeconds(60), 10))
                .extracting(BehaviourEvent::visitorId)
                .containsExactly("b".repeat(32));
    }

    @Test
    void access_exports_visits_and_events_with_their_broad_traits() {
        HandlerResult r = handler.access(request("a-1"), knownSubject());
        assertThat(r.items()).extracting(i -> i.category()).containsExactly("visit", "behaviour-event");
        assertThat(r.items().get(0).fields()).containsEntry("browser", "Chrome").containsEntry("returning", "true");
        assertThat(r.items().get(1).fields()).containsEntry("selector", "#buy");
    }
}
