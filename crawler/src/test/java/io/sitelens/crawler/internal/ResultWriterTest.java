package io.sitelens.crawler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.SitelensException;
import io.sitelens.crawler.FaultyStore;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.Finding;
import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Severity;
import io.sitelens.spi.storage.StorageAdapter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ResultWriterTest {
    static final ProjectKey P = ProjectKey.of("t", "p");
    static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

    final InMemoryStorageAdapter memory = new InMemoryStorageAdapter();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile String failOn = "";

    /** The in-memory store, with its crawl and work calls logged and one of them made to fail on demand. */
    StorageAdapter logged() {
        return FaultyStore.over(memory, calls, () -> failOn);
    }

    static Page page(String url) {
        return new Page(url, 200, "text/html", 1, 10, Duration.ofMillis(5), "T", true, null, null, T0);
    }

    @Test
    void everything_submitted_is_stored_by_finish_and_a_pages_frontier_before_the_page() throws Exception {
        long run = memory.crawls().startRun(P, "http://s/", T0).id();
        ResultWriter w = new ResultWriter(logged(), P, run, "crawl:" + run);
        for (int i = 0; i < 10; i++) {
            w.submit(
                    List.of(FrontierItem.page("http://s/c" + i, 2)),
                    page("http://s/p" + i),
                    List.of(new Link("http://s/p" + i, "http://s/c" + i, "c", false, true)),
                    null,
                    List.of(Finding.of("h1-missing", Severity.WARNING, "http://s/p" + i, "no h1")));
        }
        w.finish();

        assertThat(memory.crawls().pages(P, run)).hasSize(10);
        assertThat(memory.crawls().links(P, run)).hasSize(10);
        assertThat(memory.crawls().findings(P, run)).hasSize(10);
        assertThat(memory.work().remaining(P, "crawl:" + run)).isEqualTo(10);
        assertThat(calls.indexOf("enqueue"))
                .as("the frontier a page revealed is stored before the page, so a crash cannot lose it")
                .isLessThan(calls.indexOf("savePages"));
    }

    @Test
    void a_failed_write_stops_the_writer_and_finish_reports_it() throws Exception {
        long run = memory.crawls().startRun(P, "http://s/", T0).id();
        failOn = "saveLinks";
        ResultWriter w = new ResultWriter(logged(), P, run, "crawl:" + run);
        w.submit(
                List.of(),
                page("http://s/"),
                List.of(new Link("http://s/", "http://s/a", "a", false, true)),
                null,
                List.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (w.failure() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(w.failure()).as("the crawl sees the failure and stops").isNotNull();
        // submitting after a failure neither blocks nor stores anything
        w.submit(List.of(), page("http://s/late"), List.of(), null, List.of());
        assertThatThrownBy(w::finish)
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("crawl run " + run)
                .hasMessageContaining("No space left on device (simulated)");
        assertThat(memory.crawls().pages(P, run)).extracting(Page::url).containsExactly("http://s/");
    }
}
