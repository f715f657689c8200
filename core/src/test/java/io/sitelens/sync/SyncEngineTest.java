package io.sitelens.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.ErrorCode;
import io.sitelens.Outcome;
import io.sitelens.Run;
import io.sitelens.Sitelens;
import io.sitelens.SyncOptions;
import io.sitelens.UsageCaps;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DateRange;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.storage.RunRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyncEngineTest {
    private static final Instant NOW = Instant.parse("2026-06-15T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final InMemoryStorageAdapter store = new InMemoryStorageAdapter();
    private final RecordingConnector.Provider provider = new RecordingConnector.Provider();
    private final MutableClock clock = new MutableClock(NOW);
    private final Project project = Project.builder(
                    ProjectKey.of("acme", "www"), URI.create("https://www.example.org/"))
            .binding(ConnectorBinding.of("stats", RecordingConnector.ID, Map.of()))
            .build();

    private Sitelens sitelens() {
        return sitelens(UsageCaps.NONE);
    }

    private Sitelens sitelens(UsageCaps caps) {
        return Sitelens.builder()
                .storage(store)
                .consentPolicy(StrictOptInConsentPolicy::new)
                .plugin(provider.plugin())
                .clock(clock)
                .usageCaps(t -> caps)
                .build();
    }

    private long sitePoints() {
        return store.metrics()
                .series(project.key(), "stats", MetricName.PAGE_VIEWS, "", DateRange.of(TODAY.minusYears(2), TODAY))
                .size();
    }

    private static Set<LocalDate> days(List<DateRange> ranges) {
        Set<LocalDate> out = new HashSet<>();
        ranges.forEach(r -> r.forEach(out::add));
        return out;
    }

    @Test
    void a_first_sync_fetches_a_year_in_slices_and_stores_every_day() {
        try (Sitelens s = sitelens()) {
            RunRecord run = s.sync(project, SyncOptions.defaults("test"), WAIT);
            assertThat(run.status()).as(run.outcomes().toString()).isEqualTo(RunRecord.Status.SUCCEEDED);
            List<DateRange> site = provider.ranges("site");
            assertThat(days(site))
                    .as("365 days back through today, each day once")
                    .hasSize(365)
                    .contains(TODAY, TODAY.minusDays(364));
            assertThat(site.stream().mapToLong(DateRange::days).sum())
                    .as("no day fetched twice")
                    .isEqualTo(365);
            assertThat(site).as("92-day slices plus the unsettled tail").hasSize(5);
            assertThat(sitePoints()).isEqualTo(365);
            assertThat(store.metrics()
                            .dimensionKeys(project.key(), "stats", MetricName.PAGE_VIEWS, DateRange.day(TODAY)))
                    .containsExactly("", "page=/p0", "page=/p1");
            assertThat(store.syncState()
                            .find(project.key(), "stats", "site")
                            .orElseThrow()
                            .settledThrough())
                    .as("settled through today minus the 3 unsettled days")
                    .isEqualTo(TODAY.minusDays(3));
            assertThat(run.usage().get(RecordingConnector.ID).get("API_CALL"))
                    .as("usage of the run")
                    .isEqualTo(10);
        }
    }

    @Test
    void an_incremental_sync_asks_only_for_new_and_unsettled_days() {
        try (Sitelens s = sitelens()) {
            s.sync(project, SyncOptions.defaults("test"), WAIT);
            provider.requests.clear();
            clock.advance(Duration.ofDays(2));
            RunRecord run = s.sync(project, SyncOptions.defaults("test"), WAIT);
            assertThat(run.status()).isEqualTo(RunRecord.Status.SUCCEEDED);
            assertThat(days(provider.ranges("site")))
                    .as("days after the settled day (today-3 two days ago) through the new today")
                    .containsExactlyInAnyOrderElementsOf(DateRange.of(TODAY.minusDays(2), TODAY.plusDays(2)).stream()
                            .toList());
        }
    }

    @Test
    void a_revised_value_on_an_unsettled_day_replaces_the_old_one() {
        try (Sitelens s = sitelens()) {
            s.sync(project, SyncOptions.defaults("test"), WAIT);
            provider.revision = 1;
            clock.advance(Duration.ofHours(2)); // a later sync the same day still re-fetches the unsettled tail
            s.sync(project, SyncOptions.defaults("test"), WAIT);
            List<MetricPoint> yesterday = store.metrics()
                    .series(
                            project.key(),
                            "stats",
                            MetricName.PAGE_VIEWS,
                            "page=/p1",
                            DateRange.day(TODAY.minusDays(1)));
            assertThat(yesterday).singleElement().satisfies(p -> assertThat(p.value())
                    .isEqualTo(RecordingConnector.value(TODAY.minusDays(1), 1, 1)));
            List<MetricPoint> settled = store.metrics()
                    .series(
                            project.key(),
                            "stats",
                            MetricName.PAGE_VIEWS,
                            "page=/p1",
                            DateRange.day(TODAY.minusDays(10)));
            assertThat(settled.get(0).value())
                    .as("settled days are not re-fetched")
                    .isEqualTo(RecordingConnector.value(TODAY.minusDays(10), 1, 0));
            assertThat(sitePoints()).as("no duplicates").isEqualTo(365);
        }
    }

    @Test
    void a_sync_killed_midway_resumes_without_refetching_what_it_stored() {
        provider.failAfter = 3;
        try (Sitelens s = sitelens()) {
            RunRecord first = s.sync(project, SyncOptions.defaults("test"), WAIT);
            assertThat(first.status()).isEqualTo(RunRecord.Status.FAILED);
            assertThat(first.outcomes()).singleElement().isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(
                            f.message())
                    .contains("503"));
            List<DateRange> before = new ArrayList<>(provider.ranges("site"));
            assertThat(before).hasSize(3);
            provider.failAfter = Integer.MAX_VALUE;
            provider.requests.clear();
            RunRecord second = s.sync(project, SyncOptions.defaults("test"), WAIT);
            assertThat(second.status()).isEqualTo(RunRecord.Status.SUCCEEDED);
            List<DateRange> after = provider.ranges("site");
            assertThat(after)
                    .as("slices stored before the failure are not asked again")
                    .doesNotContainAnyElementsOf(before);
            assertThat(sitePoints()).isEqualTo(365);
        }
    }

    @Test
    void a_provider_at_quota_stops_cleanly_keeps_what_it_has_and_resumes_later() {
        provider.failAfter = 2;
        provider.quota = true;
        try (Sitelens s = sitelens()) {
            RunRecord first = s.sync(project, SyncOptions.defaults("test"), WAIT);
            assertThat(first.outcomes()).singleElement().isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.errorCode()).isEqualTo(ErrorCode.QUOTA_EXHAUSTED);
                assertThat(f.message()).contains("quota").contains("resumes");
            });
            assertThat(sitePoints())
                    .as("the two slices fetched before the quota are kept")
                    .isEqualTo(184);
            provider.failAfter = Integer.MAX_VALUE;
            provider.requests.clear();
            clock.advance(Duration.ofMinutes(1));
            assertThat(s.sync(project, SyncOptions.defaults("test"), WAIT).status())
                    .isEqualTo(RunRecord.Status.SUCCEEDED);
            assertThat(sitePoints()).isEqualTo(365);
            assertThat(provider.ranges("site")).hasSize(3);
        }
    }

    @Test
    void two_workers_split_the_slices_without_fetching_one_twice() throws Exception {
        provider.delayMs = 20;
        try (Sitelens a = sitelens();
                Sitelens b = sitelens()) {
            SyncOptions options = SyncOptions.defaults("test").withSliceDays(7);
            Run r1 = a.startSync(project, options.withWorker("worker-1"));
            Run r2 = b.startSync(project, options.withWorker("worker-2"));
            assertThat(r1.await(WAIT).status()).isEqualTo(RunRecord.Status.SUCCEEDED);
            assertThat(r2.await(WAIT).status()).isEqualTo(RunRecord.Status.SUCCEEDED);
            List<DateRange> site = provider.ranges("site");
            assertThat(site.stream().mapToLong(DateRange::days).sum())
                    .as("each day fetched by one worker only")
                    .isEqualTo(365);
            assertThat(sitePoints()).isEqualTo(365);
        }
    }

    @Test
    void cancelling_stops_between_slices_and_leaves_a_consistent_store() {
        provider.delayMs = 30;
        try (Sitelens s = sitelens()) {
            Run run = s.startSync(project, SyncOptions.defaults("test").withSliceDays(5));
            while (provider.queries.get() < 3) {
                Thread.onSpinWait();
            }
            run.cancel();
            RunRecord end = run.await(WAIT);
            assertThat(end.status()).isEqualTo(RunRecord.Status.CANCELLED);
            int slices = provider.ranges("site").size();
            assertThat(slices).isLessThan(74);
            assertThat(sitePoints())
                    .as("every fetched slice fully stored, nothing half-written")
                    .isEqualTo(5L * slices);
            assertThat(s.runs(project.key(), 10)).first().satisfies(r -> assertThat(r.status())
                    .isEqualTo(RunRecord.Status.CANCELLED));
        }
    }

    @Test
    void a_cap_on_api_calls_stops_the_run_naming_the_cap_and_usage_stays_accurate() {
        try (Sitelens s = sitelens(UsageCaps.NONE.withApiCallsPerDay(4))) {
            RunRecord run = s.sync(project, SyncOptions.defaults("test"), WAIT);
            assertThat(run.status()).isEqualTo(RunRecord.Status.FAILED);
            assertThat(run.outcomes()).singleElement().isInstanceOfSatisfying(Outcome.Failed.class, f -> {
                assertThat(f.errorCode()).isEqualTo(ErrorCode.CAP_EXCEEDED);
                assertThat(f.message()).contains("apiCallsPerDay").contains("4");
            });
            assertThat(provider.queries.get()).isEqualTo(4);
            assertThat(s.usage(project.key(), NOW.minusSeconds(1), NOW.plusSeconds(1))
                            .total(UsageKind.API_CALL))
                    .isEqualTo(4);
        }
    }

    @Test
    void runs_are_recorded_with_who_what_when_and_outcome() {
        try (Sitelens s = sitelens()) {
            s.sync(project, SyncOptions.defaults("cli"), WAIT);
            RunRecord r = s.runs(project.key(), 5).get(0);
            assertThat(r.kind()).isEqualTo(RunRecord.Kind.SYNC);
            assertThat(r.requestedBy()).isEqualTo("cli");
            assertThat(r.startedAt()).isEqualTo(NOW);
            assertThat(r.finishedAt()).isNotNull();
            assertThat(r.outcomes()).singleElement().isInstanceOfSatisfying(Outcome.Succeeded.class, o -> assertThat(
                            o.providerId())
                    .isEqualTo("stats"));
        }
    }

    @Test
    void the_providers_data_quality_notes_are_kept_in_the_runs_outcome() {
        provider.sampled = true;
        try (Sitelens s = sitelens()) {
            RunRecord run = s.sync(project, SyncOptions.defaults("test"), WAIT);
            assertThat(run.outcomes()).singleElement().isInstanceOfSatisfying(Outcome.Succeeded.class, o -> assertThat(
                            o.summary())
                    .contains("data quality: sampled: read 10% of the events"));
        }
    }

    @Test
    void an_unknown_source_is_refused() {
        try (Sitelens s = sitelens()) {
            RunRecord r = s.sync(project, SyncOptions.defaults("test").withSources(Set.of("nope")), WAIT);
            assertThat(r.status()).isEqualTo(RunRecord.Status.FAILED);
            assertThat(r.outcomes().get(0)).isInstanceOfSatisfying(Outcome.Failed.class, f -> assertThat(f.message())
                    .contains("no binding 'nope'"));
        }
    }
}
