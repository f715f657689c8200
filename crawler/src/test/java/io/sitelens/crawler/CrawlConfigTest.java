package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrawlConfigTest {
    @Test
    void defaults_are_those_of_the_issue() {
        CrawlConfig c = CrawlConfig.DEFAULTS;
        assertThat(c.maxPages()).isEqualTo(10_000);
        assertThat(c.maxDepth()).isEqualTo(50);
        assertThat(c.concurrency()).isEqualTo(8);
        assertThat(c.scope()).isEqualTo(CrawlScope.HOST);
        assertThat(c.delay()).isZero();
        assertThat(c.allowPrivateNetwork()).isFalse();
        assertThat(c.newRun()).isFalse();
    }

    @Test
    void every_bad_setting_is_reported_at_once() {
        assertThatThrownBy(() -> CrawlConfig.builder()
                        .maxPages(0)
                        .concurrency(1000)
                        .delay(Duration.ofSeconds(-1))
                        .build())
                .isInstanceOfSatisfying(
                        SitelensException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID))
                .hasMessageContaining("maxPages")
                .hasMessageContaining("concurrency")
                .hasMessageContaining("delay");
    }

    @Test
    void new_builder_copies_and_varies() {
        CrawlConfig a = CrawlConfig.builder().maxPages(7).build();
        CrawlConfig b = a.newBuilder().maxDepth(3).build();
        assertThat(b.maxPages()).isEqualTo(7);
        assertThat(b.maxDepth()).isEqualTo(3);
        assertThat(a.maxDepth()).isEqualTo(50);
    }

    @Test
    void a_start_url_that_is_not_http_is_bad_input() {
        Crawler crawler = Crawler.builder().build();
        assertThatThrownBy(
                        () -> crawler.crawl(io.sitelens.model.ProjectKey.of("t", "p"), List.of("ftp://example.com/")))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("ftp://example.com/")
                .hasMessageContaining("http");
    }
}
