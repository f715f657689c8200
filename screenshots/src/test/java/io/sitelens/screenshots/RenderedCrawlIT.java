package io.sitelens.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.Sitelens;
import io.sitelens.crawler.CrawlConfig;
import io.sitelens.crawler.CrawlResult;
import io.sitelens.crawler.Crawler;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.screenshots.ChromiumScreenshotProvider.ChromiumInstall;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A site whose links exist only after JavaScript runs is crawled fully with a renderer, and not without. */
class RenderedCrawlIT {
    static LocalSite site;

    @BeforeAll
    static void start() throws Exception {
        ChromiumScreenshotProviderIT.requireChromium();
        site = new LocalSite("127.0.0.2");
        site.page("/", """
                <!doctype html><html lang="en"><head><title>Client-side app home page for testing</title></head>
                <body><h1>App</h1><div id="nav"></div>
                <script>
                  document.getElementById('nav').innerHTML =
                    '<a href="/about">About</a> <a href="/pricing">Pricing</a>';
                  document.title = 'Rendered title of the client-side app home';
                </script></body></html>""");
        site.page("/about", "<!doctype html><title>About this client-side app, for tests</title><h1>About</h1>");
        site.page(
                "/pricing", "<!doctype html><title>Pricing of this client-side app, for tests</title><h1>Pricing</h1>");
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    private CrawlResult crawl(InMemoryStorageAdapter store, ChromiumScreenshotProvider renderer) throws Exception {
        Sitelens sitelens = Sitelens.builder()
                .storage(store)
                .consentPolicy(StrictOptInConsentPolicy::new)
                .build();
        CrawlConfig config = CrawlConfig.builder()
                .allowAddress(InetAddress.getByName("127.0.0.2"))
                .readSitemaps(false)
                .renderer(renderer)
                .build();
        return Crawler.builder()
                .sitelens(sitelens)
                .config(config)
                .build()
                .crawl(ProjectKey.of("acme", "app"), List.of(site.url("/")));
    }

    @Test
    void links_and_titles_come_from_the_rendered_dom_with_a_renderer_only() throws Exception {
        InMemoryStorageAdapter plain = new InMemoryStorageAdapter();
        CrawlResult without = crawl(plain, null);
        assertThat(without.report().pages())
                .as("without rendering only the home page is found")
                .isEqualTo(1);

        InMemoryStorageAdapter rendered = new InMemoryStorageAdapter();
        try (ChromiumScreenshotProvider browser = new ChromiumScreenshotProvider(
                ChromiumInstall.detect(), ChromiumScreenshotProviderIT.POLICY, NameResolver.SYSTEM)) {
            CrawlResult with = crawl(rendered, browser);
            assertThat(with.report().pages())
                    .as("the links written by the script are followed")
                    .isEqualTo(3);
            List<Page> pages = rendered.crawls().pages(ProjectKey.of("acme", "app"), with.runId());
            assertThat(pages).extracting(Page::title).contains("Rendered title of the client-side app home");
        }
    }
}
