package io.sitelens.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.Outcome;
import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightEngineTest {

    record Fixed(String id, List<Insight> list) implements InsightProvider {
        @Override
        public String spiVersion() {
            return SitelensSpi.VERSION;
        }

        @Override
        public List<Insight> insights(InsightContext context) {
            return list;
        }
    }

    static Insight insight(String type, double score, EntityRef e, DateRange p) {
        return new Insight(type, score, e, p, List.of(), "x", "y", "test");
    }

    static final DateRange DAY = DateRange.day(LocalDate.of(2025, 12, 30));

    @Test
    void ranks_by_score_and_keeps_the_best_of_duplicates() {
        InsightProvider a = new Fixed(
                "a",
                List.of(
                        insight("movers.up", 0.3, EntityRef.page("/x"), DAY),
                        insight("crawl.traffic-4xx", 0.9, EntityRef.page("/y"), DAY)));
        InsightProvider b = new Fixed(
                "b",
                List.of(
                        insight("movers.up", 0.6, EntityRef.page("/x"), DAY),
                        insight("anomaly.spike", 0.5, EntityRef.site(), DAY)));
        InsightReport r = InsightEngine.builder()
                .providers(List.of(a, b))
                .build()
                .run(Sites.context().build());
        assertThat(r.insights())
                .extracting(Insight::type, Insight::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("crawl.traffic-4xx", 0.9),
                        org.assertj.core.groups.Tuple.tuple("movers.up", 0.6),
                        org.assertj.core.groups.Tuple.tuple("anomaly.spike", 0.5));
        assertThat(r.outcomes()).allMatch(o -> o instanceof Outcome.Succeeded);
    }

    @Test
    void an_outage_swallows_the_anomaly_dips_it_explains() {
        DateRange outage = DateRange.of(LocalDate.of(2025, 12, 28), LocalDate.of(2026, 1, 5));
        InsightProvider p = new Fixed(
                "p",
                List.of(
                        insight("tracking.outage", 0.9, EntityRef.site(), outage),
                        insight("anomaly.dip", 0.95, EntityRef.site(), DAY),
                        insight("anomaly.dip", 0.8, EntityRef.page("/a"), DAY)));
        InsightReport r = InsightEngine.builder()
                .providers(List.of(p))
                .build()
                .run(Sites.context().build());
        assertThat(r.insights())
                .extracting(Insight::type, i -> i.entity().id())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tracking.outage", ""),
                        org.assertj.core.groups.Tuple.tuple("anomaly.dip", "/a"));
    }

    @Test
    void a_failing_provider_is_an_outcome_and_the_others_still_run() {
        InsightProvider broken = new InsightProvider() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public String spiVersion() {
                return SitelensSpi.VERSION;
            }

            @Override
            public List<Insight> insights(InsightContext context) {
                throw new IllegalStateException("boom");
            }
        };
        InsightProvider ok = new Fixed("ok", List.of(insight("movers.up", 0.3, EntityRef.page("/x"), DAY)));
        for (int threads : new int[] {1, 2}) {
            InsightReport r = InsightEngine.builder()
                    .providers(List.of(broken, ok))
                    .parallelism(threads)
                    .build()
                    .run(Sites.context().build());
            assertThat(r.insights()).hasSize(1);
            assertThat(r.outcomes().get(0)).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) r.outcomes().get(0)).message())
                    .contains("broken")
                    .contains("boom");
            assertThat(r.outcomes().get(1)).isInstanceOf(Outcome.Succeeded.class);
        }
    }

    @Test
    void the_default_engine_runs_every_built_in_provider_over_a_whole_site() {
        double[] n = Sites.weekly(4000, 0.03, 11);
        n[362] = 12000;
        var ctx = Sites.context()
                .series("ga4", MetricName.SESSIONS, "", Sites.START, n)
                .series("ga4", MetricName.SESSIONS, "page=/", Sites.START, Sites.weekly(2000, 0.03, 12))
                .series("ga4", MetricName.SESSIONS, "page=/gone", Sites.START, Sites.weekly(300, 0.05, 13))
                .pages(List.of(Sites.page("/gone", 404, true, 10, 10)))
                .build();
        InsightReport r = InsightEngine.builder().build().run(ctx);
        assertThat(r.outcomes()).hasSize(6).allMatch(o -> o instanceof Outcome.Succeeded);
        assertThat(r.insights()).extracting(Insight::type).contains("anomaly.spike", "crawl.traffic-4xx");
        assertThat(r.insights()).isSortedAccordingTo(InsightEngine.RANK);
    }
}
