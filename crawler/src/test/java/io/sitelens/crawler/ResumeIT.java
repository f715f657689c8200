package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.EventListener;
import io.sitelens.crawler.TestSite.Answer;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.storage.CrawlRun;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stopped, cancelled or killed crawl resumes from its stored frontier without fetching a page twice. */
class ResumeIT {
    static final ProjectKey PROJECT = ProjectKey.of("test", "resume");
    static final int PAGES = 40;
    TestSite site;
    InMemoryStorageAdapter storage;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start("127.0.0.1", p -> {
            if (p.equals("/")) {
                StringBuilder sb =
                        new StringBuilder("<html><head><title>Home of the resume test site</title></head><body>");
                for (int i = 1; i <= PAGES; i++) {
                    sb.append("<a href=\"/p")
                            .append(i)
                            .append("\">Page ")
                            .append(i)
                            .append("</a> ");
                }
                return Answer.html(sb.append("</body></html>").toString());
            }
            if (p.matches("/p\\d+")) {
                return Answer.html("<html><head><title>Page " + p + " of the resume test site</title></head><body>"
                        + "x".repeat(2000) + "</body></html>");
            }
            return null;
        });
        storage = new InMemoryStorageAdapter();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    Crawler crawler(CrawlConfig.Builder config) {
        return Crawler.builder()
                .config(config.allowPrivateNetwork(true).concurrency(2).build())
                .storage(storage)
                .build();
    }

    int pageHits() {
        int n = site.hits("/");
        for (int i = 1; i <= PAGES; i++) {
            n += site.hits("/p" + i);
        }
        return n;
    }

    @Test
    void a_crawl_stopped_by_the_byte_limit_resumes_where_it_stopped() {
        CrawlResult first = crawler(CrawlConfig.builder().maxTotalBytes(20_000)).crawl(PROJECT, List.of(site.url("/")));
        assertThat(first.status()).isEqualTo(CrawlRun.Status.INTERRUPTED);
        assertThat(first.report().pages()).isLessThan(PAGES + 1);
        assertThat(first.warnings()).anyMatch(w -> w.contains("maxTotalBytes"));

        CrawlResult second = crawler(CrawlConfig.builder()).crawl(PROJECT, List.of(site.url("/")));
        assertThat(second.resumed()).isTrue();
        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(second.status()).isEqualTo(CrawlRun.Status.COMPLETED);
        assertThat(second.report().pages()).isEqualTo(PAGES + 1);
        assertThat(pageHits()).as("no page fetched twice").isEqualTo(PAGES + 1);
        assertThat(storage.crawls().pages(PROJECT, second.runId())).hasSize(PAGES + 1);
    }

    @Test
    void a_killed_crawl_left_running_with_leased_items_resumes() throws Exception {
        AtomicReference<Thread> crawling = new AtomicReference<>();
        EventListener killer = new EventListener() {
            @Override
            public void progress(String phase, long done, long total) {
                if (done >= 10) {
                    crawling.get().interrupt();
                }
            }
        };
        AtomicReference<CrawlResult> first = new AtomicReference<>();
        Thread t = new Thread(() -> first.set(Crawler.builder()
                .config(CrawlConfig.builder()
                        .allowPrivateNetwork(true)
                        .concurrency(2)
                        .build())
                .storage(storage)
                .eventListener(killer)
                .build()
                .crawl(PROJECT, List.of(site.url("/")))));
        crawling.set(t);
        t.start();
        t.join(30_000);
        assertThat(first.get().status()).isEqualTo(CrawlRun.Status.INTERRUPTED);
        // as if the process had died: the run still says RUNNING and its leases have not expired
        storage.crawls().finishRun(PROJECT, first.get().runId(), CrawlRun.Status.RUNNING, Instant.now());
        storage.work()
                .claim(
                        PROJECT,
                        "crawl:" + first.get().runId(),
                        "dead-worker",
                        1000,
                        java.time.Duration.ofHours(1),
                        Instant.now());

        CrawlResult second = crawler(CrawlConfig.builder()).crawl(PROJECT, List.of(site.url("/")));
        assertThat(second.resumed()).isTrue();
        assertThat(second.status()).isEqualTo(CrawlRun.Status.COMPLETED);
        assertThat(second.report().pages()).isEqualTo(PAGES + 1);
        // only the requests in flight when the crawl was cancelled (at most one per worker) are repeated
        assertThat(pageHits()).isBetween(PAGES + 1, PAGES + 1 + 2);
        assertThat(second.report().findings("no-response"))
                .as("a cancelled request is not a finding")
                .isZero();
    }

    @Test
    void new_run_starts_over_and_a_completed_run_is_not_resumed() {
        CrawlResult first = crawler(CrawlConfig.builder()).crawl(PROJECT, List.of(site.url("/")));
        CrawlResult again = crawler(CrawlConfig.builder()).crawl(PROJECT, List.of(site.url("/")));
        assertThat(again.resumed()).isFalse();
        assertThat(again.runId()).isNotEqualTo(first.runId());
        CrawlResult forced =
                crawler(CrawlConfig.builder().maxTotalBytes(20_000)).crawl(PROJECT, List.of(site.url("/")));
        CrawlResult fresh = crawler(CrawlConfig.builder().newRun(true)).crawl(PROJECT, List.of(site.url("/")));
        assertThat(fresh.resumed()).isFalse();
        assertThat(fresh.runId()).isNotEqualTo(forced.runId());
        assertThat(fresh.report().pages()).isEqualTo(PAGES + 1);
    }

    @Test
    void the_page_limit_completes_the_run_and_says_so() {
        CrawlResult r = crawler(CrawlConfig.builder().maxPages(5)).crawl(PROJECT, List.of(site.url("/")));
        assertThat(r.status()).isEqualTo(CrawlRun.Status.COMPLETED);
        assertThat(r.report().pages()).isEqualTo(5);
        assertThat(pageHits()).isEqualTo(5);
        assertThat(r.warnings()).anyMatch(w -> w.contains("maxPages"));
    }

    @Test
    void pages_bytes_and_requests_are_metered() {
        Map<UsageKind, LongAdder> meter = new EnumMap<>(UsageKind.class);
        CrawlResult r = Crawler.builder()
                .config(CrawlConfig.builder().allowPrivateNetwork(true).build())
                .storage(storage)
                .usage((kind, amount) ->
                        meter.computeIfAbsent(kind, k -> new LongAdder()).add(amount))
                .build()
                .crawl(PROJECT, List.of(site.url("/")));
        assertThat(meter.get(UsageKind.PAGE_FETCHED).sum()).isEqualTo(PAGES + 1);
        assertThat(meter.get(UsageKind.BYTES_FETCHED).sum())
                .isEqualTo(r.report().bytes());
        assertThat(meter.get(UsageKind.API_CALL).sum()).isEqualTo(r.report().requests());
    }
}
