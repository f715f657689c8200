package io.sitelens.insights;

import static io.sitelens.insights.AnomalyInsightProviderTest.evidence;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.EntityRef;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrawlTrafficInsightProviderTest {

    static InMemoryInsightContext.Builder traffic() {
        return Sites.context()
                .series("ga4", MetricName.SESSIONS, "", Sites.START, Sites.flat(1000))
                .series("ga4", MetricName.SESSIONS, "page=/", Sites.START, Sites.flat(600))
                .series("ga4", MetricName.SESSIONS, "page=/old-offer", Sites.START, Sites.flat(10))
                .series("ga4", MetricName.SESSIONS, "page=/gone/", Sites.START, Sites.flat(290))
                .series("ga4", MetricName.SESSIONS, "page=/hidden", Sites.START, Sites.flat(50))
                .series("ga4", MetricName.SESSIONS, "page=/heavy", Sites.START, Sites.flat(50))
                .series("ga4", MetricName.BOUNCE_RATE, "", Sites.START, Sites.flat(0.4))
                .series("ga4", MetricName.BOUNCE_RATE, "page=/heavy", Sites.START, Sites.flat(0.8));
    }

    @Test
    void a_404_page_with_traffic_yields_that_insight_with_its_numbers() {
        var ctx = traffic()
                .pages(List.of(
                        Sites.page("/", 200, true, 100, 10_000),
                        Sites.page("/old-offer", 404, true, 50, 500),
                        Sites.page("/never-visited", 404, true, 50, 500)))
                .build();
        List<Insight> found = InsightProviders.crawlTraffic().insights(ctx);
        assertThat(found).hasSize(1);
        Insight i = found.get(0);
        assertThat(i.type()).isEqualTo("crawl.traffic-4xx");
        assertThat(i.entity()).isEqualTo(EntityRef.page("/old-offer"));
        assertThat(evidence(i, "sessions in the last 28 days")).isEqualTo(280);
        assertThat(evidence(i, "share of site sessions")).isEqualTo(0.01);
        assertThat(evidence(i, "status code")).isEqualTo(404);
        assertThat(i.explanation())
                .contains("https://shop.example/old-offer answers HTTP 404")
                .contains("280");
    }

    @Test
    void several_faulty_pages_get_a_summary_with_their_share_of_traffic() {
        var ctx = traffic()
                .pages(List.of(
                        Sites.page("/old-offer", 404, true, 50, 500),
                        Sites.page("/gone", 410, true, 50, 500),
                        Sites.page("/hidden", 200, false, 50, 500),
                        Sites.page("/heavy", 200, true, 2500, 900_000)))
                .findings(List.of(Finding.of("orphan-page", Severity.NOTICE, "https://shop.example/hidden", "orphan")))
                .build();
        List<Insight> found = InsightProviders.crawlTraffic().insights(ctx);
        assertThat(found)
                .extracting(Insight::type)
                .containsExactlyInAnyOrder(
                        "crawl.traffic-4xx",
                        "crawl.traffic-4xx",
                        "crawl.traffic-4xx-summary",
                        "crawl.traffic-noindex",
                        "crawl.orphan-with-traffic",
                        "crawl.slow-high-bounce");
        Insight summary = found.stream()
                .filter(i -> i.type().equals("crawl.traffic-4xx-summary"))
                .findFirst()
                .orElseThrow();
        assertThat(evidence(summary, "pages")).isEqualTo(2);
        assertThat(evidence(summary, "share of site sessions")).isEqualTo(0.30);
        assertThat(summary.explanation())
                .startsWith("2 pages with 30.0% of your sessions")
                .contains("answer 4xx");
        Insight gone = found.stream()
                .filter(i -> i.entity().id().equals("/gone/"))
                .findFirst()
                .orElseThrow();
        assertThat(evidence(gone, "status code")).isEqualTo(410);
        Insight slow = found.stream()
                .filter(i -> i.type().equals("crawl.slow-high-bounce"))
                .findFirst()
                .orElseThrow();
        assertThat(evidence(slow, "bounce rate")).isEqualTo(0.8);
        assertThat(evidence(slow, "response time ms")).isEqualTo(2500);
    }

    @Test
    void a_page_that_lost_its_tag_but_still_has_traffic_is_reported() {
        var ctx = traffic()
                .pages(List.of(Sites.page("/", 200, true, 100, 10_000)))
                .findings(List.of(Finding.of("analytics-tag-missing", Severity.WARNING, "https://shop.example/", "")))
                .build();
        assertThat(InsightProviders.crawlTraffic().insights(ctx))
                .extracting(Insight::type)
                .containsExactly("crawl.traffic-tag-missing");
    }

    @Test
    void a_healthy_crawl_yields_nothing() {
        var ctx = traffic()
                .pages(List.of(Sites.page("/", 200, true, 100, 10_000), Sites.page("/heavy", 200, true, 100, 900)))
                .build();
        assertThat(InsightProviders.crawlTraffic().insights(ctx)).isEmpty();
    }
}
