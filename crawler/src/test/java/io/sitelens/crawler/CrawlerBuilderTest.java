package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.Sitelens;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.crawl.PageCheck;
import org.junit.jupiter.api.Test;

class CrawlerBuilderTest {
    @Test
    void a_crawler_built_from_sitelens_uses_its_store_and_discovered_checks() {
        InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
        try (Sitelens sitelens = Sitelens.builder()
                .storage(storage)
                .consentPolicy(StrictOptInConsentPolicy::new)
                .plugin(new CrawlerPlugin())
                .build()) {
            Crawler crawler = Crawler.builder().sitelens(sitelens).build();
            assertThat(crawler.storage()).isSameAs(storage);
            assertThat(crawler.checks()).hasSize(47);
            assertThat(crawler.checks()).extracting(PageCheck::id).isSorted();
        }
    }

    @Test
    void without_sitelens_the_built_in_checks_and_an_in_memory_store_are_used() {
        Crawler crawler = Crawler.builder().build();
        assertThat(crawler.checks()).hasSize(47);
        assertThat(crawler.storage()).isInstanceOf(InMemoryStorageAdapter.class);
        assertThat(crawler.config()).isSameAs(CrawlConfig.DEFAULTS);
    }
}
