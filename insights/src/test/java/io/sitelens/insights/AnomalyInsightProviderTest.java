package io.sitelens.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.EntityRef;
import io.sitelens.model.Evidence;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyInsightProviderTest {

    static double evidence(Insight i, String label) {
        return i.evidence().stream()
                .filter(e -> e.label().equals(label))
                .mapToDouble(Evidence::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no evidence '" + label + "' in " + i));
    }

    @Test
    void clean_series_yield_nothing() {
        var b = Sites.context();
        for (int s = 0; s < 5; s++) {
            double[] n = Sites.weekly(2000, 0.04, s);
            b.series("ga4", MetricName.SESSIONS, "page=/p" + s, Sites.START, n);
            b.series("ga4", MetricName.BOUNCE_RATE, "page=/p" + s, Sites.START, Sites.rate(0.4, n, s));
        }
        b.series("ga4", MetricName.SESSIONS, "", Sites.START, Sites.weekly(10000, 0.03, 99));
        assertThat(InsightProviders.anomalies().insights(b.build())).isEmpty();
    }

    @Test
    void a_spike_on_the_site_yields_a_spike_insight_with_its_numbers() {
        double[] n = Sites.weekly(1000, 0.03, 1);
        n[360] = 3000; // a Monday... day 360 is a weekday
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "", Sites.START, n)
                .build();
        List<Insight> found = InsightProviders.anomalies().insights(ctx);
        assertThat(found).hasSize(1);
        Insight i = found.get(0);
        assertThat(i.type()).isEqualTo("anomaly.spike");
        assertThat(i.entity()).isEqualTo(EntityRef.site());
        assertThat(i.period().start()).isEqualTo(Sites.START.plusDays(360));
        assertThat(evidence(i, "value")).isEqualTo(3000);
        assertThat(evidence(i, "expected")).isBetween(900.0, 1100.0);
        assertThat(i.score()).isGreaterThanOrEqualTo(0.5);
        assertThat(i.explanation()).contains("3,000").contains("across the site");
    }

    @Test
    void a_bounce_rate_jump_alerts_on_12000_sessions_but_not_on_12() {
        double[] big = Sites.flat(12000);
        double[] small = Sites.flat(12);
        double[] bigRate = Sites.rate(0.30, big, 3);
        double[] smallRate = Sites.rate(0.30, small, 4);
        bigRate[355] = 0.36;
        smallRate[355] = 0.60;
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "page=/big", Sites.START, big)
                .series("ga4", MetricName.BOUNCE_RATE, "page=/big", Sites.START, bigRate)
                .series("ga4", MetricName.SESSIONS, "page=/small", Sites.START, small)
                .series("ga4", MetricName.BOUNCE_RATE, "page=/small", Sites.START, smallRate)
                .build();
        List<Insight> found = InsightProviders.anomalies().insights(ctx).stream()
                .filter(i -> i.type().startsWith("anomaly.rate"))
                .toList();
        assertThat(found).hasSize(1);
        Insight i = found.get(0);
        assertThat(i.type()).isEqualTo("anomaly.rate-up");
        assertThat(i.entity()).isEqualTo(EntityRef.page("/big"));
        assertThat(evidence(i, "sessions")).isEqualTo(12000);
        assertThat(evidence(i, "rate")).isEqualTo(0.36);
        assertThat(evidence(i, "usual rate")).isBetween(0.29, 0.31);
    }

    @Test
    void low_volume_pages_do_not_cry_wolf() {
        double[] n = Sites.weekly(5, 0.5, 8);
        n[360] = 40;
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "", Sites.START, Sites.weekly(5000, 0.03, 2))
                .series("ga4", MetricName.SESSIONS, "page=/tiny", Sites.START, n)
                .build();
        assertThat(InsightProviders.anomalies().insights(ctx)).isEmpty();
    }
}
