package io.sitelens.screenshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.UsageCaps;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.DateRange;
import io.sitelens.model.Link;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageKind;
import io.sitelens.screenshots.ChromiumScreenshotProvider.ChromiumInstall;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.crawl.Viewport;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.ScreenshotRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScreenshotRunnerIT {
    static LocalSite site;
    static ChromiumScreenshotProvider provider;

    @BeforeAll
    static void start() throws Exception {
        ChromiumScreenshotProviderIT.requireChromium();
        site = new LocalSite("127.0.0.2");
        for (int i = 0; i < 4; i++) {
            site.page("/p" + i, "<!doctype html><title>p" + i + "</title><body><h1>Page " + i + "</h1></body>");
        }
        site.page(
                "/broken",
                "<!doctype html><body><script>undefinedFunction()</script><img src=\"/missing.png\"></body>");
        provider = new ChromiumScreenshotProvider(
                ChromiumInstall.detect(), ChromiumScreenshotProviderIT.POLICY, NameResolver.SYSTEM);
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
            site.close();
        }
    }

    private static Page page(String url) {
        return new Page(url, 200, "text/html", 1, 100, Duration.ofMillis(3), "t", true, null, null, Instant.EPOCH);
    }

    private record Fixture(Sitelens sitelens, InMemoryStorageAdapter store, Project project, long run) {}

    private Fixture crawled(UsageCaps caps) {
        InMemoryStorageAdapter store = new InMemoryStorageAdapter();
        Sitelens s = Sitelens.builder()
                .storage(store)
                .consentPolicy(StrictOptInConsentPolicy::new)
                .usageCaps(t -> caps)
                .build();
        Project project = Project.builder(ProjectKey.of("acme", "www"), URI.create(site.url("/p0")))
                .build();
        store.projects().put(project);
        CrawlRun run = store.crawls().startRun(project.key(), site.url("/p0"), Instant.EPOCH);
        List<Page> pages = new ArrayList<>();
        for (String p : List.of("/p0", "/p1", "/p2", "/p3", "/broken")) {
            pages.add(page(site.url(p)));
        }
        store.crawls().savePages(project.key(), run.id(), pages);
        // /p2 has the most in-links, then /p1
        store.crawls()
                .saveLinks(
                        project.key(),
                        run.id(),
                        List.of(
                                new Link(site.url("/p0"), site.url("/p2"), "a", false, true),
                                new Link(site.url("/p1"), site.url("/p2"), "a", false, true),
                                new Link(site.url("/p3"), site.url("/p2"), "a", false, true),
                                new Link(site.url("/p0"), site.url("/p1"), "a", false, true),
                                new Link(site.url("/p2"), site.url("/p1"), "a", false, true),
                                new Link(site.url("/p1"), site.url("/p3"), "a", false, true)));
        store.crawls().finishRun(project.key(), run.id(), CrawlRun.Status.COMPLETED, Instant.EPOCH);
        return new Fixture(s, store, project, run.id());
    }

    @Test
    void without_analytics_the_top_pages_are_those_with_most_internal_in_links() {
        Fixture f = crawled(UsageCaps.NONE);
        TopPages.Selection top = TopPages.select(f.store(), f.project().key(), f.run(), 2, LocalDate.of(2026, 6, 1));
        assertThat(top.basis()).isEqualTo(TopPages.Basis.IN_LINKS);
        assertThat(top.urls()).containsExactly(site.url("/p2"), site.url("/p1"));
    }

    @Test
    void with_analytics_the_top_pages_are_those_with_most_page_views_in_the_last_30_days() {
        Fixture f = crawled(UsageCaps.NONE);
        LocalDate today = LocalDate.of(2026, 6, 1);
        f.store()
                .metrics()
                .upsert(
                        f.project().key(),
                        List.of(
                                new MetricPoint("ga4", MetricName.PAGE_VIEWS, "page=/p3", today.minusDays(3), 500),
                                new MetricPoint("ga4", MetricName.PAGE_VIEWS, "page=/p0", today.minusDays(2), 200),
                                new MetricPoint("ga4", MetricName.PAGE_VIEWS, "page=/p0", today.minusDays(1), 200),
                                new MetricPoint("ga4", MetricName.PAGE_VIEWS, "page=/p1", today.minusDays(40), 9999)));
        TopPages.Selection top = TopPages.select(f.store(), f.project().key(), f.run(), 3, today);
        assertThat(top.basis()).isEqualTo(TopPages.Basis.PAGE_VIEWS);
        assertThat(top.urls()).startsWith(site.url("/p3"), site.url("/p0"));
        assertThat(DateRange.lastDays(today.minusDays(1), 30).contains(today.minusDays(40)))
                .isFalse();
    }

    @Test
    void the_run_stores_pngs_records_render_findings_and_usage() {
        Fixture f = crawled(UsageCaps.NONE);
        ScreenshotRunner runner = new ScreenshotRunner(f.sitelens(), provider);
        ScreenshotRunner.Result r = runner.capture(
                f.project().key(),
                f.run(),
                List.of(site.url("/p0"), site.url("/broken")),
                new ScreenshotRunner.Options(
                        List.of(Viewport.DESKTOP, Viewport.MOBILE), false, 16_384, Duration.ofSeconds(60)),
                () -> false);
        assertThat(r.failures()).isEmpty();
        List<ScreenshotRecord> stored = f.store().screenshots().list(f.project().key(), f.run());
        assertThat(stored).hasSize(4).extracting(ScreenshotRecord::viewport).containsOnly("desktop", "mobile");
        for (ScreenshotRecord rec : stored) {
            assertThat(f.store().blobs().get(f.project().key().tenant(), rec.sha256()))
                    .isPresent();
        }
        assertThat(f.store().crawls().findings(f.project().key(), f.run()))
                .extracting(fd -> fd.checkId() + " " + fd.url())
                .contains("js-error " + site.url("/broken"), "request-failed " + site.url("/broken"))
                .as(f.store().crawls().findings(f.project().key(), f.run()).toString())
                .noneMatch(s -> s.endsWith("/p0"));
        assertThat(f.sitelens()
                        .usage(f.project().key(), Instant.EPOCH, Instant.now().plusSeconds(60))
                        .total(UsageKind.SCREENSHOT))
                .isEqualTo(4);
    }

    @Test
    void a_monthly_screenshot_cap_stops_the_run_naming_the_cap() {
        Fixture f = crawled(UsageCaps.NONE.withScreenshotsPerMonth(2));
        ScreenshotRunner runner = new ScreenshotRunner(f.sitelens(), provider);
        assertThatThrownBy(() -> runner.capture(
                        f.project().key(),
                        f.run(),
                        List.of(site.url("/p0"), site.url("/p1"), site.url("/p2")),
                        ScreenshotRunner.Options.desktop(),
                        () -> false))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CAP_EXCEEDED);
                    assertThat(e.getMessage()).contains("screenshotsPerMonth");
                });
        assertThat(f.sitelens()
                        .usage(f.project().key(), Instant.EPOCH, Instant.now().plusSeconds(60))
                        .total(UsageKind.SCREENSHOT))
                .as("the two taken are counted")
                .isEqualTo(2);
    }
}
