package io.sitelens.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.SitelensException;
import io.sitelens.model.IdentityType;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectId;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.BehaviourAggregates;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.BehaviourEvent.Kind;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.VisitSession;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link io.sitelens.spi.storage.BehaviourStore} (the collector's events, visits and aggregates).
 * A store that keeps behaviour data runs this next to {@link StorageAdapterContract}. When a rule fails, the
 * test's name says what a user of the collector would see go wrong.
 */
public abstract class BehaviourStoreContract {
    protected static final ProjectKey A = new ProjectKey(TenantId.of("tenant-a"), ProjectId.of("site"));
    protected static final ProjectKey A2 = new ProjectKey(TenantId.of("tenant-a"), ProjectId.of("shop"));
    protected static final ProjectKey B = new ProjectKey(TenantId.of("tenant-b"), ProjectId.of("site"));
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected StorageAdapter store;

    /** A new, empty adapter. Called before every test. */
    protected abstract StorageAdapter newAdapter();

    @BeforeEach
    void openStore() {
        store = newAdapter();
        for (ProjectKey key : List.of(A, A2, B)) {
            store.projects()
                    .put(Project.builder(key, URI.create("https://www.example.org/"))
                            .name("Example")
                            .zone(ZoneId.of("Europe/Paris"))
                            .build());
        }
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static VisitSession session(String id, String visitor, @Nullable String cookie, Instant start, int secs) {
        return new VisitSession(
                id,
                visitor,
                cookie,
                start,
                start.plusSeconds(secs),
                1,
                secs * 1000L,
                "/",
                "https://search.example/",
                "Chrome",
                "Linux",
                "Unknown",
                "Desktop",
                "GB",
                "London",
                "Europe/London",
                "en-GB",
                "1920x1080",
                false);
    }

    protected static BehaviourEvent event(
            VisitSession s,
            Kind kind,
            int secs,
            String page,
            @Nullable String selector,
            @Nullable String form,
            double value) {
        return new BehaviourEvent(
                s.start().plusSeconds(secs),
                s.sessionId(),
                s.visitorId(),
                s.cookieId(),
                kind,
                page,
                selector,
                form,
                kind == Kind.CLICK ? 960 : 0,
                kind == Kind.CLICK ? 250 : 0,
                1920,
                1080,
                value);
    }

    @Nested
    class Recording {
        @Test
        void events_and_sessions_round_trip_field_by_field_in_time_order() {
            VisitSession s = session("s1", "v1", "c1", T0, 90);
            BehaviourEvent late = event(s, Kind.CLICK, 30, "/pricing", "main > a.buy", null, 0);
            BehaviourEvent early = event(s, Kind.PAGE_VIEW, 0, "/pricing", null, null, 0);
            store.behaviour().record(A, s, List.of(late, early));
            assertThat(store.behaviour().events(A, T0, T0.plusSeconds(3600), 100))
                    .containsExactly(early, late);
            assertThat(store.behaviour().sessions(A, T0, T0.plusSeconds(3600), 100))
                    .containsExactly(s);
        }

        @Test
        void recording_a_session_again_replaces_it_and_appends_only_the_new_events() {
            VisitSession s = session("s1", "v1", null, T0, 10);
            store.behaviour().record(A, s, List.of(event(s, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            VisitSession longer = session("s1", "v1", null, T0, 200);
            store.behaviour().record(A, longer, List.of(event(longer, Kind.SCROLL, 100, "/", null, null, 0.5)));
            assertThat(store.behaviour().sessions(A, T0, T0.plusSeconds(3600), 100))
                    .containsExactly(longer);
            assertThat(store.behaviour().events(A, T0, T0.plusSeconds(3600), 100))
                    .hasSize(2);
        }

        @Test
        void listing_honours_the_half_open_period_and_the_limit() {
            VisitSession s = session("s1", "v1", null, T0, 10);
            store.behaviour()
                    .record(
                            A,
                            s,
                            List.of(
                                    event(s, Kind.PAGE_VIEW, 0, "/", null, null, 0),
                                    event(s, Kind.SCROLL, 5, "/", null, null, 0.2),
                                    event(s, Kind.SCROLL, 10, "/", null, null, 0.4)));
            assertThat(store.behaviour().events(A, T0, T0.plusSeconds(10), 100)).hasSize(2);
            assertThat(store.behaviour().events(A, T0, T0.plusSeconds(3600), 1)).hasSize(1);
            assertThat(store.behaviour().sessions(A, T0.plusSeconds(1), T0.plusSeconds(3600), 100))
                    .isEmpty();
        }
    }

    @Nested
    class Aggregates {
        @Test
        void aggregates_count_clicks_rage_dead_forms_and_scroll_like_the_reference_computation() {
            VisitSession s1 = session("s1", "v1", null, T0, 40);
            VisitSession s2 = session("s2", "v2", null, T0.plusSeconds(5), 400);
            store.behaviour()
                    .record(
                            A,
                            s1,
                            List.of(
                                    event(s1, Kind.PAGE_VIEW, 0, "/", null, null, 0),
                                    event(s1, Kind.CLICK, 1, "/", "#buy", null, 0),
                                    event(s1, Kind.CLICK, 2, "/", "#buy", null, 0),
                                    event(s1, Kind.RAGE_CLICK, 2, "/", "#buy", null, 0),
                                    event(s1, Kind.DEAD_CLICK, 5, "/", "#logo", null, 0),
                                    event(s1, Kind.FORM_START, 6, "/", null, "signup", 0),
                                    event(s1, Kind.SCROLL, 7, "/", null, null, 0.35),
                                    event(s1, Kind.ENGAGEMENT, 8, "/", null, null, 4000)));
            store.behaviour()
                    .record(
                            A,
                            s2,
                            List.of(
                                    event(s2, Kind.PAGE_VIEW, 0, "/", null, null, 0),
                                    event(s2, Kind.FORM_START, 6, "/", null, "signup", 0),
                                    event(s2, Kind.FORM_SUBMIT, 9, "/", null, "signup", 0),
                                    event(s2, Kind.SCROLL, 7, "/", null, null, 0.95),
                                    event(s2, Kind.ENGAGEMENT, 8, "/", null, null, 8000)));
            BehaviourAggregates got = store.behaviour().aggregates(A, T0, T0.plusSeconds(3600));

            assertThat(got)
                    .isEqualTo(BehaviourAggregates.from(
                            store.behaviour().events(A, T0, T0.plusSeconds(3600), 1000),
                            store.behaviour().sessions(A, T0, T0.plusSeconds(3600), 1000)));
            assertThat(got.selectors())
                    .containsExactly(
                            new BehaviourAggregates.SelectorClicks("/", "#buy", 2, 1, 0),
                            new BehaviourAggregates.SelectorClicks("/", "#logo", 0, 0, 1));
            assertThat(got.forms()).containsExactly(new BehaviourAggregates.FormFunnel("/", "signup", 2, 1));
            assertThat(got.forms().get(0).abandonment()).isEqualTo(0.5);
            assertThat(got.heatmap()).containsExactly(new BehaviourAggregates.HeatmapCell("/", "desktop", 10, 2, 2));
            assertThat(got.scrollDepth().get(0).reached()).containsExactly(2L, 2L, 2L, 1L, 1L, 1L, 1L, 1L, 1L, 0L);
            assertThat(got.engagement()).containsExactly(new BehaviourAggregates.PageEngagement("/", 2, 6000));
            assertThat(got.visits().visits()).isEqualTo(2);
            assertThat(got.visits().buckets()).containsExactly(0L, 0L, 1L, 0L, 1L, 0L, 0L);
        }
    }

    @Nested
    class VisitorRights {
        @Test
        void a_visitor_is_found_by_visitor_id_or_cookie_id_across_the_tenants_projects_only() {
            VisitSession s = session("s1", "v1", "c1", T0, 10);
            VisitSession other = session("s2", "v1", "c1", T0, 10);
            store.behaviour().record(A, s, List.of(event(s, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            store.behaviour().record(A2, s, List.of(event(s, Kind.PAGE_VIEW, 1, "/shop", null, null, 0)));
            store.behaviour().record(B, other, List.of(event(other, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            TenantId a = A.tenant();
            assertThat(store.behaviour().eventsOf(a, new SubjectIdentity(IdentityType.VISITOR, "v1")))
                    .hasSize(2);
            assertThat(store.behaviour().eventsOf(a, new SubjectIdentity(IdentityType.COOKIE, "c1")))
                    .hasSize(2);
            assertThat(store.behaviour().sessionsOf(a, new SubjectIdentity(IdentityType.COOKIE, "c1")))
                    .hasSize(2);
            assertThat(store.behaviour().eventsOf(a, new SubjectIdentity(IdentityType.COOKIE, "nobody")))
                    .isEmpty();
        }

        @Test
        void erasing_a_visitor_removes_every_row_of_theirs_once_and_nothing_of_anyone_else() {
            VisitSession s = session("s1", "v1", "c1", T0, 10);
            VisitSession keep = session("s2", "v2", null, T0, 10);
            VisitSession otherTenant = session("s1", "v1", "c1", T0, 10);
            store.behaviour().record(A, s, List.of(event(s, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            store.behaviour().record(A, keep, List.of(event(keep, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            store.behaviour()
                    .record(B, otherTenant, List.of(event(otherTenant, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            SubjectIdentity cookie = new SubjectIdentity(IdentityType.COOKIE, "c1");
            assertThat(store.behaviour().erase(A.tenant(), cookie)).isEqualTo(2);
            assertThat(store.behaviour().erase(A.tenant(), cookie)).isZero();
            assertThat(store.behaviour().events(A, T0, T0.plusSeconds(60), 100))
                    .extracting(BehaviourEvent::visitorId)
                    .containsExactly("v2");
            assertThat(store.behaviour().events(B, T0, T0.plusSeconds(60), 100)).hasSize(1);
        }

        @Test
        void behaviour_data_is_not_looked_up_by_email() {
            assertThatThrownBy(() -> store.behaviour()
                            .eventsOf(A.tenant(), new SubjectIdentity(IdentityType.EMAIL, "ana@example.org")))
                    .isInstanceOfAny(IllegalArgumentException.class, SitelensException.class);
        }
    }

    @Nested
    class Retention {
        @Test
        void purging_removes_older_events_and_ended_sessions_of_that_tenant_only() {
            VisitSession old = session("old", "v1", null, T0, 10);
            VisitSession fresh = session("new", "v2", null, T0.plusSeconds(86_400), 10);
            VisitSession otherTenant = session("old", "v1", null, T0, 10);
            store.behaviour().record(A, old, List.of(event(old, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            store.behaviour().record(A, fresh, List.of(event(fresh, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            store.behaviour()
                    .record(B, otherTenant, List.of(event(otherTenant, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            assertThat(store.behaviour().purgeEventsBefore(A.tenant(), T0.plusSeconds(3600)))
                    .isEqualTo(2);
            assertThat(store.behaviour().sessions(A, T0, T0.plusSeconds(200_000), 100))
                    .containsExactly(fresh);
            assertThat(store.behaviour().events(B, T0, T0.plusSeconds(60), 100)).hasSize(1);
        }

        @Test
        void deleting_a_project_deletes_its_behaviour_data() {
            VisitSession s = session("s1", "v1", null, T0, 10);
            store.behaviour().record(A, s, List.of(event(s, Kind.PAGE_VIEW, 0, "/", null, null, 0)));
            store.projects().delete(A);
            assertThat(store.behaviour().events(A, T0, T0.plusSeconds(60), 100)).isEmpty();
            assertThat(store.behaviour().sessions(A, T0, T0.plusSeconds(60), 100))
                    .isEmpty();
        }
    }
}
