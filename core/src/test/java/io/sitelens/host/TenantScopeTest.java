package io.sitelens.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.PageRequest;
import io.sitelens.ResultPage;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.TenantScope;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectId;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.Severity;
import io.sitelens.model.TenantId;
import io.sitelens.model.UsageKind;
import io.sitelens.model.UsageRecord;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.RunRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TenantScopeTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId BETA = TenantId.of("beta");
    private static final ProjectId WWW = ProjectId.of("www");
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    private static final LocalDate D0 = LocalDate.of(2026, 5, 1);

    private final InMemoryStorageAdapter store = new InMemoryStorageAdapter();
    private final Sitelens sitelens = Sitelens.builder()
            .storage(store)
            .consentPolicy(StrictOptInConsentPolicy::new)
            .build();

    private Project project(TenantId tenant) {
        return Project.builder(new ProjectKey(tenant, WWW), URI.create("https://" + tenant + ".example.org/"))
                .binding(ConnectorBinding.of("ga4", "ga4", Map.of("propertyId", "1")))
                .build();
    }

    private void fill(TenantId tenant) {
        TenantScope t = sitelens.tenant(tenant);
        t.create(tenant + " inc.");
        t.createProject(project(tenant));
        ProjectKey k = new ProjectKey(tenant, WWW);
        store.metrics().upsert(k, List.of(new MetricPoint("ga4", MetricName.PAGE_VIEWS, "page=/a", D0, 5)));
        CrawlRun run = store.crawls().startRun(k, "https://x/", T0);
        store.crawls()
                .savePages(
                        k,
                        run.id(),
                        List.of(new Page(
                                "https://x/a",
                                404,
                                "text/html",
                                1,
                                10,
                                Duration.ofMillis(5),
                                "A",
                                true,
                                null,
                                null,
                                T0)));
        store.crawls()
                .saveFindings(k, run.id(), List.of(Finding.of("status-4xx", Severity.ERROR, "https://x/a", "404")));
        store.crawls().finishRun(k, run.id(), CrawlRun.Status.COMPLETED, T0);
        store.insights()
                .replace(
                        k,
                        List.of(new Insight(
                                "crawl.traffic-404",
                                0.9,
                                EntityRef.page("/a"),
                                DateRange.day(D0),
                                List.of(),
                                "e",
                                "a",
                                "crawl-traffic")),
                        T0);
        store.usage().record(List.of(new UsageRecord(k, "ga4", UsageKind.API_CALL, 7, T0)));
        store.runs()
                .put(new RunRecord(
                        "run-" + tenant,
                        k,
                        RunRecord.Kind.SYNC,
                        "t",
                        T0,
                        T0,
                        RunRecord.Status.SUCCEEDED,
                        List.of(),
                        Map.of()));
        store.blobs().put(tenant, ("secret report of " + tenant).getBytes());
    }

    @Test
    void a_tenant_never_sees_or_changes_another_tenants_project_through_any_call() {
        fill(ACME);
        sitelens.tenant(BETA).create("Beta");
        TenantScope beta = sitelens.tenant(BETA);
        DateRange range = DateRange.of(D0, D0);
        PageRequest p = PageRequest.first(10);
        List<Consumer<TenantScope>> calls = List.of(
                t -> t.requireProject(WWW),
                t -> t.series(WWW, "ga4", MetricName.PAGE_VIEWS, "page=/a", range),
                t -> t.seriesKeys(WWW, "ga4", MetricName.PAGE_VIEWS, range, null, p),
                t -> t.pages(WWW, null, TenantScope.PageSort.URL, p),
                t -> t.findings(WWW, null, null, p),
                t -> t.insights(WWW, null, 0, null, TenantScope.InsightSort.SCORE, p),
                t -> t.runs(WWW, p),
                t -> t.screenshots(WWW, null, p),
                t -> t.usage(WWW, Instant.EPOCH, T0.plusSeconds(1), null),
                t -> t.archiveProject(WWW),
                t -> t.updateProject(project(BETA)));
        for (Consumer<TenantScope> call : calls) {
            assertThatThrownBy(() -> call.accept(beta)).isInstanceOfSatisfying(SitelensException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
                assertThat(e.getMessage())
                        .as("no hint that acme has such a project")
                        .doesNotContain("acme");
            });
        }
        assertThat(beta.project(WWW)).isEmpty();
        assertThat(beta.projects(p, true).items()).isEmpty();
        assertThat(beta.deleteProject(WWW)).as("beta deletes nothing of acme").isFalse();
        assertThatThrownBy(() -> beta.createProject(project(ACME))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> beta.updateProject(project(ACME))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.blobs().get(BETA, store.blobs().list(ACME).get(0).sha256()))
                .isEmpty();
        // and acme still has everything
        TenantScope acme = sitelens.tenant(ACME);
        assertThat(acme.findings(WWW, null, null, p).items()).hasSize(1);
        assertThat(acme.usage(WWW, Instant.EPOCH, T0.plusSeconds(1), null).total(UsageKind.API_CALL))
                .isEqualTo(7);
    }

    @Test
    void deleting_a_tenant_leaves_nothing_behind_and_spares_the_other() {
        fill(ACME);
        fill(BETA);
        assertThat(sitelens.tenant(ACME).delete()).isTrue();
        ProjectKey k = new ProjectKey(ACME, WWW);
        assertThat(store.tenants().find(ACME)).isEmpty();
        assertThat(store.projects().list(ACME)).isEmpty();
        assertThat(store.metrics().count(k)).isZero();
        assertThat(store.crawls().latestCompletedRun(k)).isEmpty();
        assertThat(store.insights().list(k)).isEmpty();
        assertThat(store.runs().list(k, 10)).isEmpty();
        assertThat(store.usage().summarize(k, Instant.EPOCH, T0.plusSeconds(1)).totals())
                .isEmpty();
        assertThat(store.blobs().list(ACME)).isEmpty();
        TenantScope beta = sitelens.tenant(BETA);
        assertThat(beta.findings(WWW, null, null, PageRequest.first(5)).items()).hasSize(1);
        assertThat(store.blobs().list(BETA)).hasSize(1);
    }

    @Test
    void tenant_and_project_lifecycle() {
        TenantScope t = sitelens.tenant(ACME);
        t.create("Acme");
        assertThatThrownBy(() -> t.create("Acme again")).hasMessageContaining("already exists");
        assertThat(t.rename("Acme SA").name()).isEqualTo("Acme SA");
        assertThat(t.endRelationship(LocalDate.of(2026, 12, 31)).relationshipEnded())
                .isEqualTo("2026-12-31");
        t.createProject(project(ACME));
        Project changed = t.requireProject(WWW)
                .newBuilder()
                .cadence("sync", Duration.ofHours(6))
                .build();
        t.updateProject(changed);
        assertThat(t.requireProject(WWW).cadences()).containsEntry("sync", Duration.ofHours(6));
        t.archiveProject(WWW);
        assertThat(t.projects(PageRequest.first(10), false).items()).isEmpty();
        assertThat(t.projects(PageRequest.first(10), true).items())
                .singleElement()
                .satisfies(p -> assertThat(p.archived()).isTrue());
        assertThat(t.archive().archived()).isTrue();
        assertThat(t.deleteProject(WWW)).isTrue();
        assertThat(t.project(WWW)).isEmpty();
    }

    @Test
    void paging_returns_every_item_exactly_once_while_new_items_are_written() {
        sitelens.tenant(ACME).create("Acme");
        sitelens.tenant(ACME).createProject(project(ACME));
        ProjectKey k = new ProjectKey(ACME, WWW);
        CrawlRun run = store.crawls().startRun(k, "https://x/", T0);
        List<Finding> original = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            original.add(Finding.of(
                    i % 2 == 0 ? "h1-missing" : "title-missing",
                    Severity.WARNING,
                    String.format("https://x/p%03d", i),
                    "m"));
        }
        store.crawls().saveFindings(k, run.id(), original);
        store.crawls().finishRun(k, run.id(), CrawlRun.Status.COMPLETED, T0);
        List<Finding> seen = new ArrayList<>();
        PageRequest req = PageRequest.first(40);
        int written = 0;
        for (int guard = 0; guard < 100; guard++) {
            ResultPage<Finding> page = sitelens.tenant(ACME).findings(WWW, null, null, req);
            seen.addAll(page.items());
            // writes between pages: some sort before the cursor, some after
            store.crawls()
                    .saveFindings(
                            k,
                            run.id(),
                            List.of(
                                    Finding.of("a-new-check", Severity.NOTICE, "https://x/new" + written, "m"),
                                    Finding.of("zz-new-check", Severity.NOTICE, "https://x/new" + written, "m")));
            written++;
            if (!page.hasMore()) {
                break;
            }
            req = req.after(page);
        }
        Set<Finding> unique = new HashSet<>(seen);
        assertThat(unique).as("no item twice").hasSize(seen.size());
        assertThat(unique).as("every item present at the start is read").containsAll(original);
    }

    @Test
    void each_tenant_resolves_secrets_through_its_own_resolver_only() {
        Map<String, String> acmeVault = Map.of("kv/matomo", "acme-token");
        Map<String, String> betaVault = Map.of("kv/matomo", "beta-token", "kv/beta-only", "b");
        Sitelens s = Sitelens.builder()
                .storage(store)
                .consentPolicy(StrictOptInConsentPolicy::new)
                .secretResolver((tenant, ref) -> Optional.of(Secret.of("host-default")))
                .secretResolver(ACME, (tenant, ref) -> Optional.ofNullable(acmeVault.get(ref.location()))
                        .map(Secret::of))
                .secretResolver(BETA, (tenant, ref) -> Optional.ofNullable(betaVault.get(ref.location()))
                        .map(Secret::of))
                .build();
        Map<String, SecretRef> refs = new HashMap<>();
        refs.put("token", SecretRef.parse("vault:kv/matomo"));
        refs.put("other", SecretRef.parse("vault:kv/beta-only"));
        ConnectorConfig acme = new ConnectorConfig("matomo", "m", ACME, Map.of(), refs, s.secretResolver());
        ConnectorConfig beta = new ConnectorConfig("matomo", "m", BETA, Map.of(), refs, s.secretResolver());
        ConnectorConfig other =
                new ConnectorConfig("matomo", "m", TenantId.of("gamma"), Map.of(), refs, s.secretResolver());
        assertThat(acme.secret("token").reveal()).isEqualTo("acme-token");
        assertThat(beta.secret("token").reveal()).isEqualTo("beta-token");
        assertThatThrownBy(() -> acme.secret("other"))
                .as("acme cannot reach beta's secret, nor fall back to the host's default")
                .isInstanceOfSatisfying(
                        SitelensException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SECRET_UNRESOLVED));
        assertThat(other.secret("token").reveal())
                .as("tenants without a resolver use the default")
                .isEqualTo("host-default");
    }
}
