package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.SitelensException;
import io.sitelens.crawler.TestSite.Answer;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.StorageAdapter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A store that fails while results are written stops the crawl with the store's error; nothing hangs. */
class StorageFailureIT {
    static final ProjectKey PROJECT = ProjectKey.of("test", "failing-store");
    TestSite site;
    final InMemoryStorageAdapter memory = new InMemoryStorageAdapter();

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start("127.0.0.1", p -> {
            StringBuilder sb =
                    new StringBuilder("<html><head><title>A page of the failing-store site</title></head><body>");
            for (int i = 0; i < 20; i++) {
                sb.append("<a href=\"/p").append(i).append("\">p").append(i).append("</a> ");
            }
            return p.equals("/") || p.matches("/p\\d+") ? Answer.html(sb + "</body></html>") : null;
        });
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** The in-memory store whose saveLinks fails as a full disk would. */
    StorageAdapter failingLinks() {
        return FaultyStore.over(memory, new java.util.ArrayList<>(), () -> "saveLinks");
    }

    @Test
    void the_crawl_stops_with_the_stores_error_and_the_run_is_left_resumable() {
        Crawler crawler = Crawler.builder()
                .config(CrawlConfig.builder().allowPrivateNetwork(true).build())
                .storage(failingLinks())
                .build();
        assertThatThrownBy(() -> crawler.crawl(PROJECT, List.of(site.url("/"))))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("storing the results of crawl run")
                .hasMessageContaining("No space left on device (simulated)");
        CrawlRun run = memory.crawls().latestRun(PROJECT, site.url("/")).orElseThrow();
        assertThat(run.status()).isEqualTo(CrawlRun.Status.INTERRUPTED);
        assertThat(memory.work().remaining(PROJECT, "crawl:" + run.id()))
                .as("the frontier stays stored for a resume")
                .isPositive();
    }
}
