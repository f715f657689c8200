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

class ChangeInsightProviderTest {

    @Test
    void a_clean_series_yields_nothing() {
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "", Sites.START, Sites.weekly(3000, 0.04, 5))
                .build();
        assertThat(InsightProviders.changes().insights(ctx)).isEmpty();
    }

    @Test
    void an_ongoing_fall_to_near_zero_is_a_tracking_outage_corroborated_by_the_crawl() {
        double[] n = Sites.weekly(3000, 0.04, 6);
        for (int i = 360; i < 365; i++) {
            n[i] = 3;
        }
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "", Sites.START, n)
                .pages(List.of(Sites.page("/", 200, true, 100, 1000), Sites.page("/a", 200, true, 100, 1000)))
                .findings(List.of(
                        Finding.of("analytics-tag-missing", Severity.WARNING, "https://shop.example/", "no tag"),
                        Finding.of("analytics-tag-missing", Severity.WARNING, "https://shop.example/a", "no tag")))
                .build();
        List<Insight> found = InsightProviders.changes().insights(ctx);
        assertThat(found).extracting(Insight::type).containsExactly("tracking.outage");
        Insight i = found.get(0);
        assertThat(i.entity()).isEqualTo(EntityRef.site());
        assertThat(i.period().start()).isEqualTo(Sites.START.plusDays(360));
        assertThat(i.period().end()).isEqualTo(Sites.YEAR.end());
        assertThat(evidence(i, "days")).isEqualTo(5);
        assertThat(evidence(i, "sessions recorded")).isEqualTo(15);
        assertThat(evidence(i, "pages without the analytics tag (crawl)")).isEqualTo(2);
        assertThat(i.explanation()).contains("still ongoing").contains("analytics tag missing on 2 pages");
        assertThat(i.score()).isEqualTo(1.0);
    }

    @Test
    void a_lasting_drop_is_a_level_shift_from_the_week_it_happened() {
        double[] n = Sites.weekly(3000, 0.03, 7);
        for (int i = 301; i < 365; i++) {
            n[i] *= 0.6;
        }
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "", Sites.START, n)
                .build();
        List<Insight> found = InsightProviders.changes().insights(ctx);
        assertThat(found).extracting(Insight::type).containsExactly("change.level-shift");
        Insight i = found.get(0);
        assertThat(evidence(i, "change")).isBetween(-0.45, -0.35);
        assertThat(i.period().start()).isBetween(Sites.START.plusDays(294), Sites.START.plusDays(308));
    }

    @Test
    void a_growth_that_turns_into_decline_is_a_slope_break() {
        double[] n = Sites.weekly(3000, 0.02, 8);
        for (int i = 0; i < 365; i++) {
            double trend = i < 309 ? 1 + 0.001 * i : 1 + 0.001 * 309 - 0.006 * (i - 309);
            n[i] *= trend;
        }
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "", Sites.START, n)
                .build();
        List<Insight> found = InsightProviders.changes().insights(ctx);
        assertThat(found).extracting(Insight::type).containsExactly("change.slope-break");
        assertThat(evidence(found.get(0), "weekly trend now")).isNegative();
    }
}
