package io.sitelens.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.StorageAdapter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredInsightContextTest {

    @Test
    void insights_run_over_stored_metrics_and_the_latest_completed_crawl() {
        StorageAdapter storage = new InMemoryStorageAdapter();
        storage.projects().put(Sites.PROJECT);
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < Sites.DAYS; i++) {
            points.add(new MetricPoint("ga4", MetricName.SESSIONS, "", Sites.START.plusDays(i), 1000));
            points.add(new MetricPoint("ga4", MetricName.SESSIONS, "page=/gone", Sites.START.plusDays(i), 100));
        }
        storage.metrics().upsert(Sites.PROJECT.key(), points);
        CrawlRun old = storage.crawls().startRun(Sites.PROJECT.key(), "https://shop.example/", Instant.EPOCH);
        storage.crawls().savePages(Sites.PROJECT.key(), old.id(), List.of(Sites.page("/gone", 200, true, 1, 1)));
        storage.crawls().finishRun(Sites.PROJECT.key(), old.id(), CrawlRun.Status.COMPLETED, Instant.EPOCH);
        CrawlRun run = storage.crawls().startRun(Sites.PROJECT.key(), "https://shop.example/", Instant.now());
        storage.crawls().savePages(Sites.PROJECT.key(), run.id(), List.of(Sites.page("/gone", 404, true, 1, 1)));
        storage.crawls().finishRun(Sites.PROJECT.key(), run.id(), CrawlRun.Status.COMPLETED, Instant.now());

        StoredInsightContext ctx = StoredInsightContext.of(storage, Sites.PROJECT, Sites.YEAR);
        assertThat(ctx.sources()).containsExactly("ga4");
        assertThat(ctx.dimensionKeys("ga4", MetricName.SESSIONS)).containsExactly("", "page=/gone");
        assertThat(ctx.series("ga4", MetricName.SESSIONS, "page=/gone")).hasSize(365);
        InsightReport r = InsightEngine.builder().build().run(ctx);
        assertThat(r.insights()).extracting(Insight::type).containsExactly("crawl.traffic-4xx");
        assertThat(r.insights().get(0).evidence().get(0).value()).isEqualTo(2800);
    }
}
