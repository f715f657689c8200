package io.sitelens.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.DateRange;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.VisitSession;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredInsightContextBehaviourTest {
    static final ProjectKey KEY = ProjectKey.of("acme", "shop");

    @Test
    void behaviour_aggregates_cover_the_period_in_the_projects_zone() {
        var store = new InMemoryStorageAdapter();
        Project project = Project.builder(KEY, URI.create("https://www.example.org/"))
                .zone(ZoneId.of("Europe/Paris"))
                .build();
        Instant inside = Instant.parse("2026-02-28T22:30:00Z"); // 23:30 in Paris on the last day
        Instant after = Instant.parse("2026-02-28T23:30:00Z"); // already 1 March in Paris
        for (Instant at : List.of(inside, after)) {
            VisitSession s = new VisitSession(
                    "s" + at.getEpochSecond(),
                    "v",
                    null,
                    at,
                    at,
                    1,
                    0,
                    "/",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false);
            store.behaviour()
                    .record(
                            KEY,
                            s,
                            List.of(new BehaviourEvent(
                                    at,
                                    s.sessionId(),
                                    "v",
                                    null,
                                    BehaviourEvent.Kind.PAGE_VIEW,
                                    "/",
                                    null,
                                    null,
                                    0,
                                    0,
                                    1280,
                                    800,
                                    0)));
        }
        var period = new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
        var got = StoredInsightContext.of(store, project, period).behaviour();
        assertThat(got).hasValueSatisfying(a -> assertThat(a.visits().visits()).isEqualTo(1));
        var empty = StoredInsightContext.of(
                store, project, new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2)));
        assertThat(empty.behaviour()).isEmpty();
    }
}
