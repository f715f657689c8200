package io.sitelens.insights;

import static io.sitelens.insights.AnomalyInsightProviderTest.evidence;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoversInsightProviderTest {

    /** A page with {@code before} a day until 28 days before the end, then {@code after} a day. */
    static double[] step(double before, double after) {
        double[] v = Sites.flat(before);
        for (int i = Sites.DAYS - 28; i < Sites.DAYS; i++) {
            v[i] = after;
        }
        return v;
    }

    @Test
    void movers_come_out_ranked_by_absolute_impact_and_the_steady_pages_do_not() {
        var b = Sites.context()
                .series("ga4", MetricName.SESSIONS, "page=/a", Sites.START, step(100, 400)) // +8,400
                .series("ga4", MetricName.SESSIONS, "page=/b", Sites.START, step(500, 200)) // -8,400 (tie, key b)
                .series("ga4", MetricName.SESSIONS, "page=/c", Sites.START, step(300, 150)) // -4,200
                .series("ga4", MetricName.SESSIONS, "page=/d", Sites.START, step(50, 110)) // +1,680
                .series("ga4", MetricName.SESSIONS, "page=/e", Sites.START, step(40, 41)) // +28: noise
                .series("ga4", MetricName.SESSIONS, "page=/steady", Sites.START, step(2000, 2000));
        List<Insight> found = InsightProviders.movers().insights(b.build());
        assertThat(found).extracting(i -> i.entity().id()).containsExactly("/a", "/b", "/c", "/d");
        assertThat(found)
                .extracting(Insight::type)
                .containsExactly("movers.up", "movers.down", "movers.down", "movers.up");
        Insight a = found.get(0);
        assertThat(evidence(a, "previous sessions")).isEqualTo(2800);
        assertThat(evidence(a, "current sessions")).isEqualTo(11200);
        assertThat(a.explanation()).contains("rose from 2,800 to 11,200 (+300.0%)");
        assertThat(a.score()).isGreaterThan(found.get(2).score());
    }

    @Test
    void a_page_that_only_follows_the_whole_site_is_not_a_mover() {
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "page=/a", Sites.START, step(1000, 2000))
                .series("ga4", MetricName.SESSIONS, "page=/b", Sites.START, step(500, 1000))
                .build();
        assertThat(InsightProviders.movers().insights(ctx)).isEmpty();
    }

    @Test
    void one_page_moving_while_the_total_is_flat_is_found() {
        double[] site = Sites.flat(5000);
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "", Sites.START, site)
                .series("ga4", MetricName.SESSIONS, "page=/pricing", Sites.START, step(300, 100))
                .series("ga4", MetricName.SESSIONS, "page=/other", Sites.START, step(4700, 4900))
                .build();
        List<Insight> found = InsightProviders.movers().insights(ctx);
        assertThat(found).extracting(i -> i.entity().id()).containsExactly("/other", "/pricing");
        assertThat(found.get(1).explanation()).contains("fell").contains("+0.0%");
    }
}
