package io.sitelens.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.Outcome;
import io.sitelens.Scheduler;
import io.sitelens.Sitelens;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.storage.RunRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    @Test
    void each_job_runs_on_its_cadence_with_a_fake_clock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-15T00:00:00Z"));
        RecordingConnector.Provider provider = new RecordingConnector.Provider();
        InMemoryStorageAdapter store = new InMemoryStorageAdapter();
        Project project = Project.builder(ProjectKey.of("acme", "www"), URI.create("https://www.example.org/"))
                .binding(ConnectorBinding.of("stats", RecordingConnector.ID, Map.of()))
                .build();
        store.projects().put(project);
        AtomicInteger crawls = new AtomicInteger();
        try (Sitelens s = Sitelens.builder()
                .storage(store)
                .consentPolicy(StrictOptInConsentPolicy::new)
                .plugin(provider.plugin())
                .clock(clock)
                .build()) {
            Scheduler scheduler = s.scheduler()
                    .schedule(project.key(), RunRecord.Kind.SYNC, Duration.ofDays(1))
                    .schedule(project.key(), RunRecord.Kind.CRAWL, Duration.ofDays(7))
                    .runner(RunRecord.Kind.CRAWL, (sl, p, cancelled) -> {
                        crawls.incrementAndGet();
                        return List.of(new Outcome.Succeeded("crawler", "crawled"));
                    });
            assertThat(scheduler.runDue())
                    .extracting(RunRecord::kind)
                    .containsExactlyInAnyOrder(RunRecord.Kind.SYNC, RunRecord.Kind.CRAWL);
            assertThat(scheduler.runDue()).as("nothing is due again at once").isEmpty();
            int syncRequests = provider.queries.get();
            for (int day = 1; day <= 8; day++) {
                clock.advance(Duration.ofDays(1));
                scheduler.runDue();
            }
            assertThat(s.runs(project.key(), 100).stream().filter(r -> r.kind() == RunRecord.Kind.SYNC))
                    .hasSize(9);
            assertThat(crawls.get()).as("weekly crawl: day 0 and day 7").isEqualTo(2);
            assertThat(provider.queries.get()).isGreaterThan(syncRequests);
            clock.advance(Duration.ofHours(12));
            assertThat(scheduler.dueKinds(project.key())).isEmpty();
        }
    }
}
