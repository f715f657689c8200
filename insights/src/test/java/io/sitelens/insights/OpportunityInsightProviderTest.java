package io.sitelens.insights;

import static io.sitelens.insights.AnomalyInsightProviderTest.evidence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunityInsightProviderTest {

    static InMemoryInsightContext.Builder page(InMemoryInsightContext.Builder b, String path, double n, double rate) {
        return b.series("ga4", MetricName.SESSIONS, "page=" + path, Sites.START, Sites.flat(n))
                .series("ga4", MetricName.BOUNCE_RATE, "page=" + path, Sites.START, Sites.flat(rate));
    }

    @Test
    void pages_are_ranked_by_sessions_that_would_stay_at_the_site_median() {
        var b = Sites.context();
        page(b, "/home", 1000, 0.40); // the median page by sessions
        page(b, "/blog", 300, 0.40);
        page(b, "/docs", 200, 0.35);
        page(b, "/pricing", 100, 0.70); // 28 days x 100 x 0.30 = 840 kept
        page(b, "/landing", 500, 0.50); // 28 x 500 x 0.10 = 1,400 kept
        page(b, "/tiny", 2, 0.95); // 56 sessions: below the minimum
        List<Insight> found = InsightProviders.opportunities().insights(b.build());
        assertThat(found).extracting(i -> i.entity().id()).containsExactly("/landing", "/pricing");
        Insight landing = found.get(0);
        assertThat(landing.type()).isEqualTo("opportunity.bounce");
        assertThat(evidence(landing, "sessions")).isEqualTo(14000);
        assertThat(evidence(landing, "site baseline")).isEqualTo(0.40);
        assertThat(evidence(landing, "sessions that would stay")).isCloseTo(1400, within(1e-6));
        assertThat(evidence(landing, "confidence")).isGreaterThan(0.999);
        assertThat(landing.explanation()).contains("about 1,400 more sessions would have continued");
        assertThat(landing.score()).isGreaterThan(found.get(1).score());
    }

    @Test
    void a_site_where_every_page_is_alike_has_no_opportunity() {
        var b = Sites.context();
        page(b, "/a", 1000, 0.40);
        page(b, "/b", 800, 0.41);
        page(b, "/c", 600, 0.40);
        assertThat(InsightProviders.opportunities().insights(b.build())).isEmpty();
    }
}
