package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.Finding;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import io.sitelens.spi.crawl.PageCheck;
import io.sitelens.spi.storage.CrawlRun;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Crawls {@link CraftedSite} once; for every built-in check, one URL must be flagged and another must not. */
class PageChecksIT {
    static final ProjectKey PROJECT = ProjectKey.of("test", "crafted");
    static TestSite http;
    static TestSite https;
    static CraftedSite site;
    static InMemoryStorageAdapter storage;
    static CrawlResult result;
    static Map<String, Set<String>> flagged;

    @BeforeAll
    static void crawl() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder()
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName(InetAddress.getByName("127.0.0.1").getHostAddress())
                .build();
        HandshakeCertificates server =
                new HandshakeCertificates.Builder().heldCertificate(cert).build();
        HandshakeCertificates client = new HandshakeCertificates.Builder()
                .addTrustedCertificate(cert.certificate())
                .build();
        AtomicReference<CraftedSite> ref = new AtomicReference<>();
        http = TestSite.start("127.0.0.1", p -> ref.get().answer(p));
        https = TestSite.startHttps(
                "127.0.0.1", server.sslContext(), p -> ref.get().secureAnswer(p));
        site = new CraftedSite(http.url(""), https.url(""));
        ref.set(site);
        storage = new InMemoryStorageAdapter();
        result = Crawler.builder()
                .config(CrawlConfig.builder()
                        .allowPrivateNetwork(true)
                        .checkExternal(false)
                        .concurrency(4)
                        .requestTimeout(Duration.ofSeconds(5))
                        .trustManager(client.trustManager())
                        .build())
                .storage(storage)
                .build()
                .crawl(PROJECT, List.of(http.url("/")));
        flagged = storage.crawls().findings(PROJECT, result.runId()).stream()
                .collect(Collectors.groupingBy(Finding::checkId, Collectors.mapping(Finding::url, Collectors.toSet())));
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (https != null) {
            https.close();
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("status-4xx", "/missing", "/good"),
                c("status-5xx", "/boom", "/good"),
                c("no-response", "/drop", "/good"),
                c("link-broken", "/links-broken", "/good"),
                c("link-to-redirect", "/links-redirect", "/good"),
                c("redirect-chain", "/chain1", "/old"),
                c("redirect-loop", "/loop-a", "/old"),
                c("blocked-by-robots", "/private/page", "/good"),
                c("noindex", "/noindex", "/good"),
                c("nofollow", "/nofollow", "/good"),
                c("title-missing", "/no-title", "/good"),
                c("title-duplicate", "/dup-title-a", "/good"),
                c("title-too-long", "/long-title", "/good"),
                c("title-too-short", "/short-title", "/good"),
                c("meta-description-missing", "/no-desc", "/good"),
                c("meta-description-duplicate", "/dup-desc-a", "/good"),
                c("meta-description-length", "/short-desc", "/good"),
                c("h1-missing", "/no-h1", "/good"),
                c("h1-multiple", "/two-h1", "/good"),
                c("heading-order", "/bad-headings", "/good"),
                c("canonical-missing", "/no-canonical", "/good"),
                c("canonical-multiple", "/two-canonicals", "/good"),
                c("canonical-relative", "/relative-canonical", "/good"),
                c("canonical-invalid", "/invalid-canonical", "/good"),
                c("canonical-non-indexable", "/canon-to-noindex", "/good"),
                c("hreflang-error", "/bad-hreflang", "/good-hreflang"),
                c("img-alt-missing", "/img-no-alt", "/img-no-size"),
                c("img-over-100kb", "/big.png", "/small.png"),
                c("img-size-missing", "/img-no-size", "/img-no-alt"),
                c("duplicate-page", "/copy-a", "/good"),
                c("thin-content", "/thin", "/good"),
                c("link-text-generic", "/generic-link", "/good"),
                c("anchor-uncrawlable", "/js-link", "/good"),
                c("deep-page", "/deep5", "/deep4"),
                c("orphan-page", "/orphan", "/good"),
                c("sitemap-hygiene", "/old", "/good"),
                c("http-url", "/good", "https:/secure"),
                c("mixed-content", "https:/mixed", "https:/secure"),
                c("form-insecure", "/form-insecure", "/good"),
                c("security-header-missing", "/good", "https:/secure"),
                c("unsafe-blank-target", "/blank-target", "/good"),
                c("url-hygiene", "/Bad_URL", "/good"),
                c("html-lang-missing", "/no-lang", "/good"),
                c("viewport-missing", "/no-viewport", "/good"),
                c("slow-response", "/slow", "/good"),
                c("large-page", "/large", "/good"),
                c("analytics-tag-missing", "/no-tag", "/good"));
    }

    private static Arguments c(String id, String trigger, String clean) {
        return Arguments.of(id, trigger, clean);
    }

    private static String url(String path) {
        return path.startsWith("https:") ? https.url(path.substring(6)) : http.url(path);
    }

    @ParameterizedTest(name = "{0}: flags {1}, not {2}")
    @MethodSource("cases")
    void each_check_flags_its_trigger_page_and_not_its_clean_page(String id, String trigger, String clean) {
        Set<String> urls = flagged.getOrDefault(id, Set.of());
        assertThat(urls).as(id + " should flag " + trigger).contains(url(trigger));
        assertThat(urls).as(id + " must not flag " + clean).doesNotContain(url(clean));
        assertThat(result.report().findings(id)).isEqualTo(urls.size());
    }

    @Test
    void every_built_in_check_has_a_case_here_and_a_plain_explanation() {
        Set<String> tested = cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        List<PageCheck> checks = CrawlerPlugin.builtInChecks();
        assertThat(checks).hasSize(47);
        assertThat(checks.stream().map(PageCheck::id).collect(Collectors.toSet()))
                .isEqualTo(tested);
        for (PageCheck c : checks) {
            assertThat(c.explanation()).as(c.id()).hasSizeGreaterThan(30).endsWith(".");
        }
    }

    @Test
    void the_crawl_completes_and_the_report_adds_up() {
        CrawlReport r = result.report();
        assertThat(result.status()).isEqualTo(CrawlRun.Status.COMPLETED);
        assertThat(r.status()).containsKeys("200", "301", "302", "404", "500", "0");
        assertThat(r.status().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(r.requests());
        long htmlPages = storage.crawls().pages(PROJECT, result.runId()).stream()
                .filter(p -> p.isHtmlOk())
                .count();
        assertThat(r.pages()).isEqualTo(htmlPages).isGreaterThan(50);
        assertThat(http.hits("/good")).as("each page is fetched once").isEqualTo(1);
        assertThat(http.hits("/private/page")).as("robots.txt is obeyed").isZero();
        assertThat(http.hits("/deep6"))
                .as("links of a deep page are still followed within maxDepth")
                .isEqualTo(1);
    }

    @Test
    void resources_are_fetched_once_hashed_and_stored_as_blobs() {
        Resource small = storage.crawls().resources(PROJECT, result.runId()).stream()
                .filter(r -> r.url().equals(http.url("/small.png")))
                .findFirst()
                .orElseThrow();
        assertThat(http.hits("/small.png")).isEqualTo(1);
        assertThat(small.bytes()).isEqualTo(1000);
        assertThat(small.sha256()).isNotNull();
        assertThat(storage.blobs().get(PROJECT.tenant(), small.sha256()))
                .hasValueSatisfying(b -> assertThat(b).hasSize(1000));
    }

    @Test
    void tags_are_detected_with_per_page_coverage() {
        Map<String, List<String>> tags = result.report().tags();
        assertThat(tags.get("gtm")).containsExactly("GTM-ABC1234", "GTM-FIRST1", "GTM-NOSCR1");
        assertThat(tags.get("ga4")).containsExactly("G-TEST12345");
        assertThat(tags.get("matomo")).containsExactly("7");
        assertThat(result.tagCoverage()).containsEntry("matomo-tracker:https://stats.example.org/matomo.php", 1L);
        assertThat(result.tagCoverage().get("gtm:GTM-ABC1234"))
                .isGreaterThan(40L)
                .isLessThan(result.htmlPages());
    }

    @Test
    void the_json_report_has_exactly_the_documented_fields() throws Exception {
        var node = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(result.report().toJson());
        List<String> fields = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "schemaVersion",
                        "root",
                        "pages",
                        "requests",
                        "resources",
                        "bytes",
                        "status",
                        "findings",
                        "tags",
                        "durationMs");
        assertThat(node.get("findings").get("title-missing").asLong()).isEqualTo(1);
    }
}
