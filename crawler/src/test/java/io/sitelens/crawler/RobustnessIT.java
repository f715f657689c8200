package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.crawler.TestSite.Answer;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.CrawlRun;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Odd input from a site ends in findings or clean stops; politeness and sitemaps work as documented. */
class RobustnessIT {
    static final ProjectKey PROJECT = ProjectKey.of("test", "robust");

    static CrawlConfig.Builder config() {
        return CrawlConfig.builder()
                .allowPrivateNetwork(true)
                .checkExternal(false)
                .requestTimeout(Duration.ofSeconds(5));
    }

    static CrawlResult crawl(CrawlConfig config, TestSite site, InMemoryStorageAdapter storage) {
        return Crawler.builder().config(config).storage(storage).build().crawl(PROJECT, List.of(site.url("/")));
    }

    static Page page(InMemoryStorageAdapter storage, CrawlResult r, String url) {
        return storage.crawls().pages(PROJECT, r.runId()).stream()
                .filter(p -> p.url().equals(url))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void an_endless_url_space_stops_at_the_limits() throws Exception {
        try (TestSite site = TestSite.start("127.0.0.1", p -> {
            String n = p.contains("=") ? p.substring(p.indexOf('=') + 1) : "0";
            int next = Integer.parseInt(n) + 1;
            return Answer.html("<html><head><title>Calendar page " + n + "</title></head><body>"
                    + "<a href=\"/cal?day=" + next + "\">next day</a> <a href=\"/" + "x/".repeat(next) + "\">deeper</a>"
                    + "</body></html>");
        })) {
            InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
            CrawlResult r =
                    crawl(config().maxPages(60).maxDepth(1000).maxUrlLength(120).build(), site, storage);
            assertThat(r.status()).isEqualTo(CrawlRun.Status.COMPLETED);
            assertThat(r.report().pages()).isBetween(40L, 60L);
            assertThat(storage.crawls().pages(PROJECT, r.runId()))
                    .allSatisfy(p -> assertThat(p.url().length()).isLessThanOrEqualTo(120));
        }
    }

    @Test
    void broken_html_odd_charsets_and_oversized_bodies_still_give_pages() throws Exception {
        byte[] latin1 =
                ("<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e recipes and more</title>"
                                + "</head><body><p>ok</p></body></html>")
                        .getBytes(StandardCharsets.ISO_8859_1);
        String huge = "<html><head><title>A page that is much larger than allowed</title></head><body>"
                + "<p>word </p>".repeat(20_000) + "</body></html>";
        try (TestSite site = TestSite.start("127.0.0.1", p -> switch (p) {
            case "/" ->
                Answer.html(
                        "<html><head><title>Index of the robustness test site</title></head><body>"
                                + "<a href=\"/broken\">b</a><a href=\"/latin1\">l</a><a href=\"/huge\">h</a><a href=\"/binary\">x</a>");
            case "/broken" ->
                Answer.html("<html><head><title>Broken <b>markup</title><body><div><p>unclosed <table><tr><td>"
                        + "<a href=\"/latin1\">again");
            case "/latin1" -> Answer.of(200, "text/html", latin1);
            case "/huge" -> Answer.html(huge);
            case "/binary" -> Answer.of(200, "text/html", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 0});
            default -> null;
        })) {
            InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
            CrawlResult r = crawl(config().maxDecodedBytes(120 * 1024).build(), site, storage);
            assertThat(r.status()).isEqualTo(CrawlRun.Status.COMPLETED);
            assertThat(page(storage, r, site.url("/broken")).title()).isEqualTo("Broken <b>markup");
            assertThat(page(storage, r, site.url("/latin1")).title())
                    .isEqualTo("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e recipes and more");
            assertThat(page(storage, r, site.url("/huge")).bytes()).isEqualTo(120 * 1024);
            assertThat(r.warnings()).anyMatch(w -> w.contains("maxDecodedBytes"));
            assertThat(r.report().findings("large-page")).isEqualTo(1);
            assertThat(page(storage, r, site.url("/binary")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_response_over_the_wire_limit_is_a_no_response_finding() throws Exception {
        try (TestSite site = TestSite.start(
                "127.0.0.1",
                p -> p.equals("/")
                        ? Answer.html(
                                "<html><head><title>Index</title></head><body><a href=\"/big\">big</a></body></html>")
                        : p.equals("/big") ? Answer.of(200, "text/html", new byte[200_000]) : null)) {
            InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
            CrawlResult r = crawl(config().maxResponseBytes(100_000).build(), site, storage);
            assertThat(storage.crawls().findings(PROJECT, r.runId())).anySatisfy(f -> {
                assertThat(f.checkId()).isEqualTo("no-response");
                assertThat(f.message()).contains("maxResponseBytes");
            });
        }
    }

    @Test
    void crawl_delay_is_honoured_up_to_the_cap_and_the_cap_is_reported() throws Exception {
        Map<String, Instant> at = new ConcurrentHashMap<>();
        try (TestSite site = TestSite.start("127.0.0.1", p -> {
            at.put(p, Instant.now());
            return switch (p) {
                case "/robots.txt" ->
                    Answer.of(
                            200,
                            "text/plain",
                            "User-agent: sitelens\nCrawl-delay: 30\n".getBytes(StandardCharsets.UTF_8));
                case "/" ->
                    Answer.html(
                            "<html><head><title>Index</title></head><body><a href=\"/a\">a</a><a href=\"/b\">b</a></body></html>");
                case "/a", "/b" -> Answer.html("<html><head><title>Leaf</title></head><body></body></html>");
                default -> null;
            };
        })) {
            long start = System.nanoTime();
            CrawlResult r = crawl(
                    config().maxCrawlDelay(Duration.ofMillis(300))
                            .readSitemaps(false)
                            .build(),
                    site,
                    new InMemoryStorageAdapter());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.report().pages()).isEqualTo(3);
            assertThat(r.warnings()).anyMatch(w -> w.contains("Crawl-delay of 30000 ms; capped at 300 ms"));
            assertThat(ms).as("3 pages spaced by 300 ms").isGreaterThanOrEqualTo(600);
        }
    }

    @Test
    void retry_after_on_429_is_waited_for_and_the_page_is_fetched() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestSite site = TestSite.start("127.0.0.1", p -> {
            if (!p.equals("/")) {
                return null;
            }
            if (calls.incrementAndGet() == 1) {
                return new Answer(429, Map.of("Retry-After", "1", "Content-Type", "text/plain"), new byte[0], 0, false);
            }
            return Answer.html(
                    "<html><head><title>Finally served after a short wait</title></head><body></body></html>");
        })) {
            long start = System.nanoTime();
            CrawlResult r = crawl(config().readSitemaps(false).build(), site, new InMemoryStorageAdapter());
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(900);
            assertThat(site.hits("/")).isEqualTo(2);
            assertThat(r.report().pages()).isEqualTo(1);
            assertThat(r.report().status()).containsEntry("429", 1L).containsEntry("200", 1L);
        }
    }

    @Test
    void sitemap_indexes_and_gzipped_sitemaps_seed_the_frontier() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        TestSite[] self = new TestSite[1];
        try (TestSite site = TestSite.start("127.0.0.1", p -> switch (p) {
            case "/robots.txt" ->
                Answer.of(
                        200,
                        "text/plain",
                        ("Sitemap: " + self[0].url("/sitemap-index.xml") + "\n").getBytes(StandardCharsets.UTF_8));
            case "/sitemap-index.xml" ->
                Answer.of(
                        200,
                        "application/xml",
                        ("<?xml version=\"1.0\"?><sitemapindex "
                                        + "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
                                        + self[0].url("/pages.xml.gz")
                                        + "</loc></sitemap></sitemapindex>")
                                .getBytes(StandardCharsets.UTF_8));
            case "/pages.xml.gz" -> Answer.of(200, "application/gzip", gz.toByteArray());
            case "/" -> Answer.html("<html><head><title>Home</title></head><body>no links</body></html>");
            case "/only-in-sitemap" -> Answer.html("<html><head><title>Hidden</title></head><body></body></html>");
            default -> null;
        })) {
            self[0] = site;
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(
                        ("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                                        + site.url("/only-in-sitemap") + "</loc></url></urlset>")
                                .getBytes(StandardCharsets.UTF_8));
            }
            InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
            CrawlResult r = crawl(config().build(), site, storage);
            assertThat(site.hits("/only-in-sitemap")).isEqualTo(1);
            assertThat(r.report().pages()).isEqualTo(2);
            assertThat(storage.crawls().findings(PROJECT, r.runId())).anySatisfy(f -> {
                assertThat(f.checkId()).isEqualTo("orphan-page");
                assertThat(f.url()).isEqualTo(site.url("/only-in-sitemap"));
            });
        }
    }
}
