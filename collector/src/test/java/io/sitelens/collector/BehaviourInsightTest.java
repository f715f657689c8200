package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.DateRange;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import io.sitelens.spi.storage.BehaviourAggregates;
import io.sitelens.spi.storage.BehaviourAggregates.FormFunnel;
import io.sitelens.spi.storage.BehaviourAggregates.PageEngagement;
import io.sitelens.spi.storage.BehaviourAggregates.ScrollDepth;
import io.sitelens.spi.storage.BehaviourAggregates.SelectorClicks;
import io.sitelens.spi.storage.BehaviourAggregates.VisitDurations;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BehaviourInsightTest {
    static InsightContext context(BehaviourAggregates aggregates) {
        return new InsightContext() {
            @Override
            public Project project() {
                return Project.builder(ProjectKey.of("acme", "shop"), URI.create("https://www.example.org/"))
                        .build();
            }

            @Override
            public DateRange period() {
                return new DateRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public Set<String> sources() {
                return Set.of();
            }

            @Override
            public Set<String> dimensionKeys(String source, MetricName metric) {
                return Set.of();
            }

            @Override
            public List<MetricPoint> series(String source, MetricName metric, String dimensionKey) {
                return List.of();
            }

            @Override
            public Optional<BehaviourAggregates> behaviour() {
                return Optional.ofNullable(aggregates);
            }
        };
    }

    static final BehaviourAggregates AGGREGATES = new BehaviourAggregates(
            List.of(),
            List.of(
                    new ScrollDepth("/long", 40, 0.3, List.of(40L, 35L, 25L, 15L, 10L, 8L, 5L, 3L, 2L, 1L)),
                    new ScrollDepth("/fine", 40, 0.8, List.of(40L, 40L, 40L, 40L, 38L, 36L, 30L, 25L, 20L, 10L)),
                    new ScrollDepth("/rare", 3, 0.1, List.of(3L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L))),
            List.of(
                    new SelectorClicks("/", "#buy", 120, 14, 0),
                    new SelectorClicks("/", ".badge", 30, 0, 25),
                    new SelectorClicks("/", "#ok", 500, 2, 3)),
            List.of(new FormFunnel("/signup", "signup", 50, 10), new FormFunnel("/contact", "contact", 50, 45)),
            List.of(new PageEngagement("/bounce", 80, 3_000), new PageEngagement("/read", 80, 45_000)),
            new VisitDurations(0, 0, List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L)));

    static List<Insight> all(BehaviourAggregates a) {
        return new CollectorPlugin()
                .insightProviders().stream()
                        .map(InsightProvider.class::cast)
                        .flatMap(p -> p.insights(context(a)).stream())
                        .toList();
    }

    @Test
    void each_behaviour_problem_becomes_one_insight_with_evidence() {
        List<Insight> got = all(AGGREGATES);
        assertThat(got)
                .extracting(i -> i.type() + " " + i.entity().id())
                .containsExactlyInAnyOrder(
                        "behaviour.rage-clicks / #buy",
                        "behaviour.dead-clicks / .badge",
                        "behaviour.form-abandonment /signup signup",
                        "behaviour.content-below-scroll /long",
                        "behaviour.short-engagement /bounce");
        Insight form = got.stream()
                .filter(i -> i.type().equals("behaviour.form-abandonment"))
                .findFirst()
                .orElseThrow();
        assertThat(form.score()).isEqualTo(0.8);
        assertThat(form.explanation()).contains("80%").contains("40 of 50");
        assertThat(form.providerId()).isEqualTo("behaviour-forms");
        assertThat(got).allSatisfy(i -> assertThat(i.evidence()).isNotEmpty());
    }

    @Test
    void a_project_without_behaviour_data_has_no_behaviour_insights() {
        assertThat(all(null)).isEmpty();
    }
}
