package io.sitelens.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.ConsentMethod;
import io.sitelens.model.ConsentRecord;
import io.sitelens.model.ConsentState;
import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Evidence;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.Link;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Purpose;
import io.sitelens.model.Resource;
import io.sitelens.model.ResourceType;
import io.sitelens.model.SecretRef;
import io.sitelens.model.Severity;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.model.UsageKind;
import io.sitelens.model.UsageRecord;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.SyncState;
import io.sitelens.spi.storage.WorkItem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link StorageAdapter} keeps. Extend it, return a fresh, empty adapter from
 * {@link #newAdapter()}, and (for stores shared by several processes) a second adapter over the same data with
 * its own connections from {@link #secondAdapterOnSameStore}. Each test is named after the rule it checks; its
 * failure message says what to look at.
 */
public abstract class StorageAdapterContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");
    protected static final ProjectKey A = new ProjectKey(TENANT_A, io.sitelens.model.ProjectId.of("site"));
    /** Same project id, other tenant: must never see A's rows. */
    protected static final ProjectKey B = new ProjectKey(TENANT_B, io.sitelens.model.ProjectId.of("site"));

    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    protected static final LocalDate D0 = LocalDate.of(2026, 1, 1);

    protected StorageAdapter store;

    /** A new, empty adapter. Called before every test. */
    protected abstract StorageAdapter newAdapter();

    /**
     * A second adapter over the same data as {@code first}, with its own connections (another process, in
     * effect). In-process stores return {@code first}.
     */
    protected StorageAdapter secondAdapterOnSameStore(StorageAdapter first) {
        return first;
    }

    @BeforeEach
    void openStore() {
        store = newAdapter();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static Project project(ProjectKey key) {
        return Project.builder(key, URI.create("https://www.example.org/"))
                .name("Example")
                .zone(ZoneId.of("Europe/Paris"))
                .additionalUrl(URI.create("https://shop.example.org/"))
                .binding(new ConnectorBinding(
                        "ga4",
                        "ga4",
                        Map.of("propertyId", "123"),
                        Map.of("credentials", SecretRef.parse("env:GA_KEY"))))
                .build();
    }

    protected static MetricPoint point(String key, int dayOffset, double value) {
        return new MetricPoint("ga4", MetricName.PAGE_VIEWS, key, D0.plusDays(dayOffset), value);
    }

    protected static Page page(String url, int status) {
        return new Page(url, status, "text/html", 1, 1234, Duration.ofMillis(120), "Title", true, null, null, T0);
    }

    @Nested
    class Projects {
        @Test
        void a_stored_project_reads_back_equal_with_bindings_and_secret_references() {
            Project p = project(A);
            store.projects().put(p);
            assertThat(store.projects().find(A))
                    .as("find() must return the project exactly as put(), bindings and secret references included")
                    .contains(p);
        }

        @Test
        void an_archived_project_reads_back_archived() {
            Project archived = project(A).newBuilder().archived(true).build();
            store.projects().put(archived);
            assertThat(store.projects().find(A)).contains(archived);
        }

        @Test
        void put_replaces_the_project_it_does_not_add_a_second_one() {
            store.projects().put(project(A));
            Project renamed = project(A).newBuilder().name("Renamed").build();
            store.projects().put(renamed);
            assertThat(store.projects().list(TENANT_A))
                    .as("put() of an existing key replaces")
                    .containsExactly(renamed);
        }

        @Test
        void list_returns_only_the_tenants_projects_ordered_by_id() {
            ProjectKey a2 = new ProjectKey(TENANT_A, io.sitelens.model.ProjectId.of("alpha"));
            store.projects().put(project(A));
            store.projects().put(project(a2));
            store.projects().put(project(B));
            assertThat(store.projects().list(TENANT_A))
                    .as("list(tenant) must be scoped to the tenant and ordered by project id")
                    .extracting(p -> p.key().project().value())
                    .containsExactly("alpha", "site");
        }

        @Test
        void deleting_a_project_removes_its_metrics_crawls_insights_usage_and_work() {
            store.projects().put(project(A));
            store.metrics().upsert(A, List.of(point("", 0, 1)));
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            store.crawls().savePages(A, run.id(), List.of(page("https://www.example.org/", 200)));
            store.work().enqueue(A, "frontier", List.of("https://www.example.org/a"));
            store.usage().record(List.of(new UsageRecord(A, "ga4", UsageKind.API_CALL, 3, T0)));
            store.syncState().put(A, new SyncState("ga4", "site", D0, null, T0));

            assertThat(store.projects().delete(A)).isTrue();

            assertThat(store.projects().find(A)).isEmpty();
            assertThat(store.metrics().count(A))
                    .as("metric points left after delete")
                    .isZero();
            assertThat(store.crawls().latestRun(A, "https://www.example.org/"))
                    .as("crawl runs left")
                    .isEmpty();
            assertThat(store.work().remaining(A, "frontier"))
                    .as("work items left")
                    .isZero();
            assertThat(store.usage()
                            .summarize(A, Instant.EPOCH, T0.plusSeconds(1))
                            .total(UsageKind.API_CALL))
                    .as("usage left")
                    .isZero();
            assertThat(store.syncState().list(A)).as("sync state left").isEmpty();
            assertThat(store.projects().delete(A))
                    .as("second delete reports nothing to delete")
                    .isFalse();
        }

        @Test
        void deleting_a_project_removes_its_insights_and_every_crawl_run() {
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            store.crawls()
                    .saveFindings(
                            A,
                            run.id(),
                            List.of(Finding.of("h1-missing", Severity.WARNING, "https://www.example.org/", "m")));
            store.crawls().finishRun(A, run.id(), CrawlRun.Status.COMPLETED, T0);
            store.insights()
                    .replace(
                            A,
                            List.of(new Insight(
                                    "t", 0.5, EntityRef.site(), DateRange.day(D0), List.of(), "e", "a", "p")),
                            T0);
            store.projects().delete(A);
            assertThat(store.insights().list(A))
                    .as("insights left after delete")
                    .isEmpty();
            assertThat(store.crawls().latestCompletedRun(A))
                    .as("crawl runs left after delete")
                    .isEmpty();
            assertThat(store.crawls().run(A, run.id())).isEmpty();
        }
    }

    @Nested
    class Metrics {
        @Test
        void upserting_the_same_points_twice_never_duplicates() {
            List<MetricPoint> pts = List.of(point("", 0, 10), point("", 1, 11), point("page=/a", 0, 3));
            store.metrics().upsert(A, pts);
            store.metrics().upsert(A, pts);
            assertThat(store.metrics().count(A))
                    .as("a re-sync must not duplicate points")
                    .isEqualTo(3);
        }

        @Test
        void upserting_a_revised_value_replaces_the_old_one() {
            store.metrics().upsert(A, List.of(point("", 0, 10)));
            store.metrics().upsert(A, List.of(point("", 0, 12)));
            assertThat(store.metrics().series(A, "ga4", MetricName.PAGE_VIEWS, "", DateRange.day(D0)))
                    .extracting(MetricPoint::value)
                    .as("the revised value must replace the stored one")
                    .containsExactly(12.0);
        }

        @Test
        void a_series_is_ordered_by_day_and_bounded_by_the_range() {
            store.metrics().upsert(A, List.of(point("", 5, 5), point("", 1, 1), point("", 3, 3), point("", 9, 9)));
            List<MetricPoint> s = store.metrics()
                    .series(A, "ga4", MetricName.PAGE_VIEWS, "", DateRange.of(D0.plusDays(1), D0.plusDays(5)));
            assertThat(s).extracting(MetricPoint::value).containsExactly(1.0, 3.0, 5.0);
            assertThat(s.get(0).metric()).isEqualTo(MetricName.PAGE_VIEWS);
            assertThat(s.get(0).source()).isEqualTo("ga4");
        }

        @Test
        void values_keep_full_double_precision() {
            MetricPoint p = new MetricPoint("ga4", MetricName.BOUNCE_RATE, "", D0, 0.276123456789);
            store.metrics().upsert(A, List.of(p));
            assertThat(store.metrics().series(A, "ga4", MetricName.BOUNCE_RATE, "", DateRange.day(D0)))
                    .containsExactly(p);
        }

        @Test
        void dimension_keys_and_sources_are_listed_sorted() {
            store.metrics().upsert(A, List.of(point("page=/b", 0, 1), point("page=/a", 0, 1), point("", 0, 1)));
            store.metrics().upsert(A, List.of(new MetricPoint("matomo", MetricName.SESSIONS, "", D0, 4)));
            assertThat(store.metrics().dimensionKeys(A, "ga4", MetricName.PAGE_VIEWS, DateRange.day(D0)))
                    .containsExactly("", "page=/a", "page=/b");
            assertThat(store.metrics().sources(A)).containsExactly("ga4", "matomo");
        }

        @Test
        void a_batch_with_a_non_finite_value_fails_and_writes_nothing() {
            List<MetricPoint> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(point("page=/p" + i, 0, i));
            }
            batch.add(point("page=/bad", 0, Double.NaN));
            assertThatThrownBy(() -> store.metrics().upsert(A, batch))
                    .as("a non-finite value must be refused")
                    .isInstanceOf(RuntimeException.class);
            assertThat(store.metrics().count(A))
                    .as("a failing batch must leave nothing half-written (one transaction)")
                    .isZero();
        }

        @Test
        void a_batch_repeating_a_key_keeps_the_last_value_once() {
            store.metrics().upsert(A, List.of(point("", 0, 1), point("", 1, 5), point("", 0, 2)));
            assertThat(store.metrics().series(A, "ga4", MetricName.PAGE_VIEWS, "", DateRange.day(D0)))
                    .extracting(MetricPoint::value)
                    .as("a key given twice in one batch is one point with the value given last")
                    .containsExactly(2.0);
            assertThat(store.metrics().count(A)).isEqualTo(2);
        }

        @Test
        void unicode_and_long_page_keys_round_trip() {
            String key = "page=/caf%C3%A9/" + "x".repeat(1500) + "?q=ü";
            store.metrics().upsert(A, List.of(point(key, 0, 1)));
            assertThat(store.metrics().dimensionKeys(A, "ga4", MetricName.PAGE_VIEWS, DateRange.day(D0)))
                    .containsExactly(key);
        }
    }

    @Nested
    class SyncStates {
        @Test
        void an_interrupted_sync_finds_the_state_it_left_to_resume_from() {
            store.syncState().put(A, new SyncState("ga4", "pages", D0.plusDays(10), "offset=500", T0));
            assertThat(store.syncState().find(A, "ga4", "pages"))
                    .as("the stored cursor is where the next sync resumes")
                    .contains(new SyncState("ga4", "pages", D0.plusDays(10), "offset=500", T0));
        }

        @Test
        void put_replaces_the_state_of_the_same_stream() {
            store.syncState().put(A, new SyncState("ga4", "pages", D0, "c1", T0));
            store.syncState().put(A, new SyncState("ga4", "pages", D0.plusDays(1), null, T0.plusSeconds(5)));
            store.syncState().put(A, new SyncState("ga4", "site", D0, null, T0));
            assertThat(store.syncState().list(A)).hasSize(2);
            assertThat(store.syncState().find(A, "ga4", "pages").orElseThrow().cursor())
                    .isNull();
        }
    }

    @Nested
    class Crawls {
        @Test
        void a_run_goes_from_running_to_completed_and_is_the_latest() {
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            assertThat(run.status()).isEqualTo(CrawlRun.Status.RUNNING);
            assertThat(store.crawls().latestCompletedRun(A)).isEmpty();
            store.crawls().finishRun(A, run.id(), CrawlRun.Status.COMPLETED, T0.plusSeconds(60));
            CrawlRun done = store.crawls().latestCompletedRun(A).orElseThrow();
            assertThat(done.id()).isEqualTo(run.id());
            assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(60));
        }

        @Test
        void pages_resources_links_and_findings_are_upserted_so_a_resumed_crawl_does_not_duplicate() {
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            Page home = page("https://www.example.org/", 200);
            Resource img = new Resource(
                    "https://www.example.org/a.png", ResourceType.IMAGE, 200, "image/png", 99, "a".repeat(64), false);
            Link l = new Link("https://www.example.org/", "https://www.example.org/b", "B", false, true);
            Finding f = new Finding(
                    "title-too-short",
                    Severity.NOTICE,
                    "https://www.example.org/",
                    "Title has 5 characters",
                    Map.of("length", "5"));
            for (int i = 0; i < 2; i++) {
                store.crawls().savePages(A, run.id(), List.of(home));
                store.crawls().saveResources(A, run.id(), List.of(img));
                store.crawls().saveLinks(A, run.id(), List.of(l));
                store.crawls().saveFindings(A, run.id(), List.of(f));
            }
            assertThat(store.crawls().pages(A, run.id())).containsExactly(home);
            assertThat(store.crawls().resources(A, run.id())).containsExactly(img);
            assertThat(store.crawls().links(A, run.id())).containsExactly(l);
            assertThat(store.crawls().findings(A, run.id())).containsExactly(f);
        }

        @Test
        void a_batch_mixing_stored_and_new_rows_replaces_the_stored_ones_and_adds_the_rest() {
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            Page before = page("https://www.example.org/", 503);
            store.crawls().savePages(A, run.id(), List.of(before));
            Page after = page("https://www.example.org/", 200);
            Page other = page("https://www.example.org/other", 200);
            store.crawls().savePages(A, run.id(), List.of(other, after));
            assertThat(store.crawls().pages(A, run.id()))
                    .as("the stored page is replaced by its revision, the new one added")
                    .containsExactlyInAnyOrder(after, other);
            Link l1 = new Link("https://www.example.org/", "https://www.example.org/b", "old", false, true);
            Link l1b = new Link("https://www.example.org/", "https://www.example.org/b", "new", false, true);
            Link l2 = new Link("https://www.example.org/", "https://www.example.org/c", "C", false, true);
            store.crawls().saveLinks(A, run.id(), List.of(l1));
            store.crawls().saveLinks(A, run.id(), List.of(l2, l1b));
            assertThat(store.crawls().links(A, run.id())).containsExactlyInAnyOrder(l1b, l2);
        }

        @Test
        void findings_are_ordered_by_check_then_url() {
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            store.crawls()
                    .saveFindings(
                            A,
                            run.id(),
                            List.of(
                                    Finding.of("title-missing", Severity.WARNING, "https://www.example.org/z", "m"),
                                    Finding.of("h1-missing", Severity.WARNING, "https://www.example.org/b", "m"),
                                    Finding.of("h1-missing", Severity.WARNING, "https://www.example.org/a", "m")));
            assertThat(store.crawls().findings(A, run.id()))
                    .extracting(f -> f.checkId() + " " + f.url())
                    .containsExactly(
                            "h1-missing https://www.example.org/a",
                            "h1-missing https://www.example.org/b",
                            "title-missing https://www.example.org/z");
        }

        @Test
        void a_page_round_trips_with_every_field() {
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            Page p = new Page(
                    "https://www.example.org/r",
                    301,
                    null,
                    3,
                    0,
                    Duration.ofMillis(1234),
                    null,
                    false,
                    "b".repeat(64),
                    "https://www.example.org/target",
                    T0.plusMillis(5));
            store.crawls().savePages(A, run.id(), List.of(p));
            assertThat(store.crawls().pages(A, run.id())).containsExactly(p);
        }
    }

    @Nested
    class Work {
        private final Duration lease = Duration.ofMinutes(5);

        @Test
        void an_item_is_enqueued_once_however_often_it_is_offered() {
            assertThat(store.work().enqueue(A, "frontier", List.of("u1", "u2", "u1")))
                    .isEqualTo(2);
            assertThat(store.work().enqueue(A, "frontier", List.of("u2", "u3"))).isEqualTo(1);
            assertThat(store.work().remaining(A, "frontier")).isEqualTo(3);
        }

        @Test
        void two_workers_never_hold_the_same_item() {
            store.work().enqueue(A, "frontier", List.of("u1", "u2", "u3", "u4", "u5"));
            List<WorkItem> w1 = store.work().claim(A, "frontier", "w1", 3, lease, T0);
            List<WorkItem> w2 = store.work().claim(A, "frontier", "w2", 3, lease, T0);
            assertThat(w1).hasSize(3);
            assertThat(w2).as("w2 gets only what w1 did not hold").hasSize(2);
            Set<String> all = new HashSet<>();
            w1.forEach(i -> all.add(i.item()));
            w2.forEach(i -> assertThat(all.add(i.item()))
                    .as("item held twice: " + i.item())
                    .isTrue());
        }

        @Test
        void an_expired_lease_makes_the_item_claimable_again_so_no_work_is_lost() {
            store.work().enqueue(A, "frontier", List.of("u1"));
            List<WorkItem> first = store.work().claim(A, "frontier", "dead-worker", 1, lease, T0);
            assertThat(store.work().claim(A, "frontier", "w2", 1, lease, T0.plusSeconds(10)))
                    .as("a leased item is not claimable before its lease ends")
                    .isEmpty();
            List<WorkItem> again = store.work()
                    .claim(A, "frontier", "w2", 1, lease, T0.plus(lease).plusSeconds(1));
            assertThat(again).extracting(WorkItem::item).containsExactly("u1");
            assertThat(again.get(0).attempts()).isEqualTo(2);
            assertThat(store.work()
                            .complete(
                                    A,
                                    "frontier",
                                    "dead-worker",
                                    List.of(first.get(0).id())))
                    .as("the worker whose lease expired may no longer complete the item")
                    .isZero();
            assertThat(store.work()
                            .complete(A, "frontier", "w2", List.of(again.get(0).id())))
                    .isEqualTo(1);
            assertThat(store.work().remaining(A, "frontier")).isZero();
        }

        @Test
        void a_lease_expired_in_one_adapter_is_claimable_through_another() {
            StorageAdapter other = secondAdapterOnSameStore(store);
            try {
                store.work().enqueue(A, "frontier", List.of("u1"));
                WorkItem first = store.work()
                        .claim(A, "frontier", "dead-worker", 1, lease, T0)
                        .get(0);
                assertThat(other.work().claim(A, "frontier", "w2", 1, lease, T0.plusSeconds(1)))
                        .as("the other process must not take an item whose lease is running")
                        .isEmpty();
                List<WorkItem> taken = other.work().claim(A, "frontier", "w2", 1, lease, T0.plus(lease));
                assertThat(taken)
                        .as("an item whose lease has ended is claimable by another process")
                        .extracting(WorkItem::id)
                        .containsExactly(first.id());
                assertThat(store.work().complete(A, "frontier", "dead-worker", List.of(first.id())))
                        .isZero();
                assertThat(other.work().complete(A, "frontier", "w2", List.of(first.id())))
                        .isEqualTo(1);
            } finally {
                if (other != store) {
                    other.close();
                }
            }
        }

        @Test
        void completed_items_are_not_claimed_again_nor_re_enqueued() {
            store.work().enqueue(A, "frontier", List.of("u1"));
            WorkItem i = store.work().claim(A, "frontier", "w1", 1, lease, T0).get(0);
            store.work().complete(A, "frontier", "w1", List.of(i.id()));
            assertThat(store.work().enqueue(A, "frontier", List.of("u1"))).isZero();
            assertThat(store.work().claim(A, "frontier", "w1", 1, lease, T0.plus(Duration.ofDays(1))))
                    .isEmpty();
        }

        @Test
        void a_released_item_is_claimable_at_once_by_another_worker() {
            store.work().enqueue(A, "sync", List.of("2026-01-01..2026-03-31"));
            WorkItem held = store.work().claim(A, "sync", "w1", 1, lease, T0).get(0);
            assertThat(store.work().release(A, "sync", "w2", List.of(held.id())))
                    .as("only the holder may release")
                    .isZero();
            assertThat(store.work().release(A, "sync", "w1", List.of(held.id())))
                    .isEqualTo(1);
            assertThat(store.work().claim(A, "sync", "w2", 1, lease, T0.plusSeconds(1)))
                    .as("a released item does not wait for its lease to expire")
                    .extracting(WorkItem::item)
                    .containsExactly("2026-01-01..2026-03-31");
        }

        @Test
        void clear_removes_the_queue() {
            store.work().enqueue(A, "frontier", List.of("u1", "u2"));
            store.work().clear(A, "frontier");
            assertThat(store.work().remaining(A, "frontier")).isZero();
            assertThat(store.work().enqueue(A, "frontier", List.of("u1"))).isEqualTo(1);
        }

        @Test
        void two_adapters_with_their_own_connections_split_the_work_without_overlap() throws Exception {
            StorageAdapter other = secondAdapterOnSameStore(store);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                items.add("https://www.example.org/p" + i);
            }
            store.work().enqueue(A, "frontier", items);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<List<String>> w1 = () -> drain(store, "w1");
                Callable<List<String>> w2 = () -> drain(other, "w2");
                Future<List<String>> f1 = pool.submit(w1);
                Future<List<String>> f2 = pool.submit(w2);
                List<String> got1 = f1.get(60, TimeUnit.SECONDS);
                List<String> got2 = f2.get(60, TimeUnit.SECONDS);
                Set<String> union = new HashSet<>(got1);
                assertThat(got2).as("an item was processed by both workers").noneMatch(union::contains);
                union.addAll(got2);
                assertThat(union).as("every item processed exactly once").hasSize(200);
            } finally {
                pool.shutdownNow();
                if (other != store) {
                    other.close();
                }
            }
        }

        private List<String> drain(StorageAdapter s, String worker) {
            List<String> done = new ArrayList<>();
            for (int guard = 0; guard < 1000; guard++) {
                List<WorkItem> batch = s.work().claim(A, "frontier", worker, 7, lease, T0);
                if (batch.isEmpty()) {
                    return done;
                }
                batch.forEach(i -> done.add(i.item()));
                s.work()
                        .complete(
                                A,
                                "frontier",
                                worker,
                                batch.stream().map(WorkItem::id).toList());
            }
            return done;
        }
    }

    @Nested
    class Tenants {
        @Test
        void a_tenant_reads_back_and_tenants_are_listed_by_id() {
            io.sitelens.model.Tenant b = new io.sitelens.model.Tenant(TENANT_B, "Beta", T0, null, null);
            io.sitelens.model.Tenant a =
                    new io.sitelens.model.Tenant(TENANT_A, "Acme", T0, D0.plusDays(30), T0.plusSeconds(5));
            store.tenants().put(b);
            store.tenants().put(a);
            assertThat(store.tenants().find(TENANT_A)).contains(a);
            assertThat(store.tenants().list()).containsExactly(a, b);
        }

        @Test
        void deleting_a_tenant_removes_its_projects_data_consents_and_blobs_and_nothing_of_others() {
            store.tenants().put(new io.sitelens.model.Tenant(TENANT_A, "Acme", T0, null, null));
            store.tenants().put(new io.sitelens.model.Tenant(TENANT_B, "Beta", T0, null, null));
            for (ProjectKey k : List.of(A, B)) {
                store.projects().put(project(k));
                store.metrics().upsert(k, List.of(point("", 0, 1)));
                CrawlRun run = store.crawls().startRun(k, "https://www.example.org/", T0);
                store.crawls().savePages(k, run.id(), List.of(page("https://www.example.org/", 200)));
                store.usage().record(List.of(new UsageRecord(k, "ga4", UsageKind.API_CALL, 1, T0)));
                store.consents()
                        .append(new ConsentRecord(
                                k.tenant(),
                                SubjectIdentity.parse("visitor:v1"),
                                Purpose.BEHAVIOUR_TRACKING,
                                ConsentState.GRANTED,
                                T0,
                                "v1",
                                ConsentMethod.BANNER,
                                "site"));
                store.blobs().put(k.tenant(), ("blob of " + k).getBytes(StandardCharsets.UTF_8));
            }
            assertThat(store.tenants().delete(TENANT_A)).isTrue();

            assertThat(store.tenants().find(TENANT_A)).isEmpty();
            assertThat(store.projects().list(TENANT_A)).isEmpty();
            assertThat(store.metrics().count(A)).isZero();
            assertThat(store.crawls().latestRun(A, "https://www.example.org/")).isEmpty();
            assertThat(store.usage()
                            .summarize(A, Instant.EPOCH, T0.plusSeconds(1))
                            .total(UsageKind.API_CALL))
                    .isZero();
            assertThat(store.consents().history(TENANT_A, SubjectIdentity.parse("visitor:v1")))
                    .isEmpty();
            assertThat(store.blobs().list(TENANT_A)).isEmpty();

            assertThat(store.projects().list(TENANT_B)).hasSize(1);
            assertThat(store.metrics().count(B)).isEqualTo(1);
            assertThat(store.consents().history(TENANT_B, SubjectIdentity.parse("visitor:v1")))
                    .hasSize(1);
            assertThat(store.blobs().list(TENANT_B)).hasSize(1);
        }
    }

    @Nested
    class Screenshots {
        @Test
        void screenshot_records_round_trip_per_run_ordered_by_url_and_viewport() {
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            var metrics = new io.sitelens.spi.crawl.RenderMetrics(
                    120,
                    300,
                    450,
                    800.5,
                    0.05,
                    List.of("TypeError: x is undefined"),
                    List.of("https://cdn/x.js (404)"),
                    123456);
            var mobile = new io.sitelens.spi.storage.ScreenshotRecord(
                    "https://www.example.org/", "mobile", 1170, 2532, "c".repeat(64), T0, run.id(), metrics);
            var desktop = new io.sitelens.spi.storage.ScreenshotRecord(
                    "https://www.example.org/", "desktop", 1366, 768, "d".repeat(64), T0, run.id(), metrics);
            var other = new io.sitelens.spi.storage.ScreenshotRecord(
                    "https://www.example.org/a", "desktop", 1366, 768, "e".repeat(64), T0, run.id(), metrics);
            store.screenshots().save(A, List.of(other, mobile, desktop));
            store.screenshots().save(A, List.of(desktop));
            assertThat(store.screenshots().list(A, run.id())).containsExactly(desktop, mobile, other);
            assertThat(store.screenshots().list(B, run.id())).isEmpty();
        }
    }

    @Nested
    class Runs {
        private io.sitelens.spi.storage.RunRecord run(String id, Instant at) {
            return new io.sitelens.spi.storage.RunRecord(
                    id,
                    A,
                    io.sitelens.spi.storage.RunRecord.Kind.SYNC,
                    "cli",
                    at,
                    null,
                    io.sitelens.spi.storage.RunRecord.Status.RUNNING,
                    List.of(),
                    Map.of());
        }

        @Test
        void a_finished_run_reads_back_with_outcomes_and_usage() {
            var started = run("r-1", T0);
            store.runs().put(started);
            var finished = started.finish(
                    io.sitelens.spi.storage.RunRecord.Status.PARTIAL,
                    T0.plusSeconds(30),
                    List.of(
                            new io.sitelens.Outcome.Succeeded("ga4", "5 slices"),
                            new io.sitelens.Outcome.Failed(
                                    "matomo", io.sitelens.ErrorCode.AUTHENTICATION_FAILED, "401"),
                            new io.sitelens.Outcome.Skipped("gtm", "nothing to sync")),
                    Map.of("ga4", Map.of("API_CALL", 5L)));
            store.runs().put(finished);
            assertThat(store.runs().find(A, "r-1"))
                    .as("put() of the same id replaces the run")
                    .contains(finished);
            assertThat(store.runs().find(B, "r-1")).as("runs are tenant-scoped").isEmpty();
        }

        @Test
        void runs_are_listed_newest_first_and_limited() {
            store.runs().put(run("r-1", T0));
            store.runs().put(run("r-3", T0.plusSeconds(20)));
            store.runs().put(run("r-2", T0.plusSeconds(10)));
            assertThat(store.runs().list(A, 2))
                    .extracting(io.sitelens.spi.storage.RunRecord::id)
                    .containsExactly("r-3", "r-2");
        }
    }

    @Nested
    class Insights {
        @Test
        void replace_swaps_the_whole_set_and_list_returns_highest_score_first() {
            DateRange period = DateRange.of(D0, D0.plusDays(6));
            Insight low = new Insight(
                    "movers.page",
                    0.2,
                    EntityRef.page("/a"),
                    period,
                    List.of(Evidence.of("change", -12)),
                    "Page /a lost 12 views.",
                    "Check /a.",
                    "movers");
            Insight high = new Insight(
                    "crawl.traffic-404",
                    0.9,
                    EntityRef.page("/b"),
                    period,
                    List.of(Evidence.of("sessions", 1200)),
                    "Page /b answers 404 but had 1,200 sessions.",
                    "Restore /b or redirect it.",
                    "crawl-traffic");
            store.insights().replace(A, List.of(low), T0);
            store.insights().replace(A, List.of(low, high), T0.plusSeconds(1));
            assertThat(store.insights().list(A)).containsExactly(high, low);
        }
    }

    @Nested
    class Usage {
        @Test
        void usage_is_totalled_per_provider_and_kind_within_the_period() {
            store.usage()
                    .record(List.of(
                            new UsageRecord(A, "ga4", UsageKind.API_CALL, 2, T0),
                            new UsageRecord(A, "ga4", UsageKind.API_CALL, 3, T0.plusSeconds(60)),
                            new UsageRecord(A, "ga4", UsageKind.QUOTA_TOKENS, 40, T0),
                            new UsageRecord(A, "crawler", UsageKind.PAGE_FETCHED, 100, T0),
                            new UsageRecord(A, "ga4", UsageKind.API_CALL, 50, T0.minusSeconds(1)),
                            new UsageRecord(B, "ga4", UsageKind.API_CALL, 1000, T0)));
            var s = store.usage().summarize(A, T0, T0.plus(Duration.ofDays(1)));
            assertThat(s.total("ga4", UsageKind.API_CALL))
                    .as("calls in the window, this tenant only")
                    .isEqualTo(5);
            assertThat(s.total("ga4", UsageKind.QUOTA_TOKENS)).isEqualTo(40);
            assertThat(s.total(UsageKind.PAGE_FETCHED)).isEqualTo(100);
        }
    }

    @Nested
    class Consents {
        private final SubjectIdentity ana = SubjectIdentity.parse("visitor:v-123");

        private ConsentRecord rec(ConsentState state, Instant at, ConsentMethod method) {
            return new ConsentRecord(
                    TENANT_A, ana, Purpose.BEHAVIOUR_TRACKING, state, at, "v1", method, "www.example.org");
        }

        @Test
        void the_newest_record_at_or_before_the_time_is_in_force() {
            store.consents().append(rec(ConsentState.GRANTED, T0, ConsentMethod.BANNER));
            store.consents().append(rec(ConsentState.WITHDRAWN, T0.plusSeconds(100), ConsentMethod.BANNER));
            assertThat(store.consents().current(TENANT_A, ana, Purpose.BEHAVIOUR_TRACKING, T0.plusSeconds(50)))
                    .map(ConsentRecord::state)
                    .contains(ConsentState.GRANTED);
            assertThat(store.consents().current(TENANT_A, ana, Purpose.BEHAVIOUR_TRACKING, T0.plusSeconds(100)))
                    .as("a withdrawal takes effect at once")
                    .map(ConsentRecord::state)
                    .contains(ConsentState.WITHDRAWN);
            assertThat(store.consents().current(TENANT_A, ana, Purpose.MARKETING, T0.plusSeconds(100)))
                    .isEmpty();
            assertThat(store.consents().current(TENANT_B, ana, Purpose.BEHAVIOUR_TRACKING, T0.plusSeconds(50)))
                    .as("another tenant's ledger is separate")
                    .isEmpty();
        }

        @Test
        void of_two_records_at_the_same_instant_the_later_appended_is_in_force() {
            store.consents().append(rec(ConsentState.GRANTED, T0, ConsentMethod.BANNER));
            store.consents().append(rec(ConsentState.WITHDRAWN, T0, ConsentMethod.BANNER));
            assertThat(store.consents().current(TENANT_A, ana, Purpose.BEHAVIOUR_TRACKING, T0))
                    .as("a withdrawal recorded in the same instant as a grant, but after it, wins")
                    .map(ConsentRecord::state)
                    .contains(ConsentState.WITHDRAWN);
        }

        @Test
        void history_is_oldest_first_and_complete() {
            store.consents()
                    .append(rec(ConsentState.WITHDRAWN, T0.plusSeconds(100), ConsentMethod.GLOBAL_PRIVACY_CONTROL));
            store.consents().append(rec(ConsentState.GRANTED, T0, ConsentMethod.BANNER));
            assertThat(store.consents().history(TENANT_A, ana))
                    .extracting(ConsentRecord::method)
                    .containsExactly(ConsentMethod.BANNER, ConsentMethod.GLOBAL_PRIVACY_CONTROL);
        }
    }

    @Nested
    class Blobs {
        private final byte[] png = "not really a png".getBytes(StandardCharsets.UTF_8);

        @Test
        void the_same_bytes_are_stored_once_under_their_sha256() {
            BlobRef r1 = store.blobs().put(TENANT_A, png);
            BlobRef r2 = store.blobs().put(TENANT_A, png.clone());
            assertThat(r1).isEqualTo(r2);
            assertThat(r1.sha256())
                    .as("blobs are addressed by the SHA-256 of their bytes")
                    .isEqualTo(sha256Hex(png));
            assertThat(r1.size()).isEqualTo(png.length);
            assertThat(store.blobs().list(TENANT_A)).containsExactly(r1);
            assertThat(store.blobs().get(TENANT_A, r1.sha256()))
                    .hasValueSatisfying(b -> assertThat(b).isEqualTo(png));
        }

        @Test
        void a_tenant_never_reads_or_deletes_another_tenants_blob() {
            BlobRef r = store.blobs().put(TENANT_A, png);
            assertThat(store.blobs().get(TENANT_B, r.sha256())).isEmpty();
            assertThat(store.blobs().exists(TENANT_B, r.sha256())).isFalse();
            assertThat(store.blobs().delete(TENANT_B, r.sha256())).isFalse();
            assertThat(store.blobs().exists(TENANT_A, r.sha256())).isTrue();
        }

        @Test
        void a_name_that_is_not_a_sha256_finds_nothing_and_deletes_nothing() {
            store.blobs().put(TENANT_A, png);
            for (String bad : List.of("../tenant-a", "../../etc/passwd", "", "ABC")) {
                assertThat(store.blobs().get(TENANT_A, bad)).as("get " + bad).isEmpty();
                assertThat(store.blobs().exists(TENANT_A, bad))
                        .as("exists " + bad)
                        .isFalse();
                assertThat(store.blobs().delete(TENANT_A, bad))
                        .as("delete " + bad)
                        .isFalse();
            }
            assertThat(store.blobs().list(TENANT_A)).hasSize(1);
        }

        @Test
        void delete_removes_the_blob() {
            BlobRef r = store.blobs().put(TENANT_A, png);
            assertThat(store.blobs().delete(TENANT_A, r.sha256())).isTrue();
            assertThat(store.blobs().get(TENANT_A, r.sha256())).isEmpty();
            assertThat(store.blobs().list(TENANT_A)).isEmpty();
        }

        private String sha256Hex(byte[] b) {
            try {
                return java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(b));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class TenantIsolation {
        @Test
        void the_same_project_id_in_another_tenant_sees_none_of_the_rows() {
            store.projects().put(project(A));
            store.metrics().upsert(A, List.of(point("", 0, 1)));
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            store.crawls().finishRun(A, run.id(), CrawlRun.Status.COMPLETED, T0);
            store.work().enqueue(A, "frontier", List.of("u1"));
            store.syncState().put(A, new SyncState("ga4", "site", D0, null, T0));
            store.insights()
                    .replace(
                            A,
                            List.of(new Insight(
                                    "t", 0.5, EntityRef.site(), DateRange.day(D0), List.of(), "e", "a", "p")),
                            T0);

            assertThat(store.projects().find(B)).isEmpty();
            assertThat(store.projects().list(TENANT_B)).isEmpty();
            assertThat(store.metrics().count(B)).isZero();
            assertThat(store.metrics().series(B, "ga4", MetricName.PAGE_VIEWS, "", DateRange.day(D0)))
                    .isEmpty();
            assertThat(store.metrics().sources(B)).isEmpty();
            assertThat(store.crawls().latestCompletedRun(B)).isEmpty();
            assertThat(store.crawls().run(B, run.id()))
                    .as("a run id of tenant A read through tenant B")
                    .isEmpty();
            assertThat(store.work().remaining(B, "frontier")).isZero();
            assertThat(store.work().claim(B, "frontier", "w", 10, Duration.ofMinutes(1), T0))
                    .isEmpty();
            assertThat(store.syncState().list(B)).isEmpty();
            assertThat(store.insights().list(B)).isEmpty();
        }

        @Test
        void writing_to_another_tenants_crawl_run_is_refused() {
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            assertThatThrownBy(() -> store.crawls().savePages(B, run.id(), List.of(page("https://x.example/", 200))))
                    .as("tenant B must not write into tenant A's run")
                    .isInstanceOf(RuntimeException.class);
            assertThat(store.crawls().pages(A, run.id())).isEmpty();
        }

        @Test
        void finishing_another_tenants_crawl_run_is_refused_and_changes_nothing() {
            CrawlRun run = store.crawls().startRun(A, "https://www.example.org/", T0);
            assertThatThrownBy(() -> store.crawls().finishRun(B, run.id(), CrawlRun.Status.FAILED, T0))
                    .as("tenant B must not finish tenant A's run")
                    .isInstanceOf(RuntimeException.class);
            assertThat(store.crawls().run(A, run.id())).map(CrawlRun::status).contains(CrawlRun.Status.RUNNING);
        }

        @Test
        void deleting_a_project_leaves_the_other_tenants_rows() {
            store.projects().put(project(A));
            store.projects().put(project(B));
            store.metrics().upsert(A, List.of(point("", 0, 1)));
            store.metrics().upsert(B, List.of(point("", 0, 2)));
            store.projects().delete(A);
            assertThat(store.metrics().count(B)).isEqualTo(1);
            assertThat(store.projects().find(B)).isPresent();
        }
    }

    @Nested
    class ConcurrentWriters {
        @Test
        void concurrent_upserts_of_overlapping_points_leave_exactly_one_point_per_key() throws Exception {
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int offset = t;
                    futures.add(pool.submit(() -> {
                        int written = 0;
                        for (int batch = 0; batch < 10; batch++) {
                            List<MetricPoint> pts = new ArrayList<>();
                            for (int page = 0; page < 20; page++) {
                                // pages 0..19 shared by all threads, plus one page per thread
                                pts.add(point("page=/shared" + page, batch, offset));
                                pts.add(point("page=/own" + offset, batch * 20 + page, 1));
                            }
                            written += store.metrics().upsert(A, pts);
                        }
                        return written;
                    }));
                }
                for (Future<Integer> f : futures) {
                    assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(400);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(store.metrics().count(A))
                    .as("20 shared pages x 10 days + 4 own pages x 200 days, no duplicates, nothing lost")
                    .isEqualTo(20 * 10 + 4 * 200);
        }
    }
}
