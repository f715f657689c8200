package io.sitelens.crawler;

import static java.util.Objects.requireNonNull;

import io.sitelens.spi.storage.CrawlRun;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link Crawler#crawl}: the stored run, the summary report, per-page tag coverage and what the
 * user should know (capped crawl delays, limits reached).
 *
 * @param runId the run in {@code StorageAdapter.crawls()}
 * @param resumed whether an unfinished run was continued
 * @param tagCoverage by tag ({@code gtm:GTM-ABC123}, {@code ga4:G-XXXX}, {@code matomo:1},
 *     {@code matomo-tracker:https://…/}): on how many 2xx HTML pages it was found
 * @param htmlPages 2xx HTML pages, the denominator of coverage
 */
public record CrawlResult(
        long runId,
        CrawlRun.Status status,
        boolean resumed,
        CrawlReport report,
        Map<String, Long> tagCoverage,
        long htmlPages,
        List<String> warnings) {
    public CrawlResult {
        requireNonNull(status, "status");
        requireNonNull(report, "report");
        tagCoverage = Map.copyOf(tagCoverage);
        warnings = List.copyOf(warnings);
    }
}
