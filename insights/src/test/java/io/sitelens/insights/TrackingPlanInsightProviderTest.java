package io.sitelens.insights;

import static io.sitelens.insights.AnomalyInsightProviderTest.evidence;
import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.EntityRef;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.TrackingPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackingPlanInsightProviderTest {

    static TrackingPlan.Tag tag(String id, String name, boolean paused) {
        return new TrackingPlan.Tag(id, name, "gaawe", paused, List.of("1"), List.of(), null, Map.of());
    }

    static TrackingPlan.TrackedEvent event(String name, String tagId, boolean dynamic) {
        return new TrackingPlan.TrackedEvent(name, dynamic, tagId, "G-TEST123", List.of());
    }

    static final TrackingPlan PLAN = new TrackingPlan(
            "GTM-TEST1",
            "shop",
            List.of(
                    tag("1", "GA4 - sign up", false),
                    tag("2", "GA4 - purchase", false),
                    tag("3", "GA4 - page view", false),
                    tag("4", "GA4 - old", true),
                    tag("5", "GA4 - dyn", false)),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                    event("sign_up", "1", false),
                    event("purchase", "2", false),
                    event("page_view", "3", false),
                    event("legacy_click", "4", false),
                    event("{{Event Name}}", "5", true)),
            List.of("G-TEST123"));

    @Test
    void events_never_seen_and_events_that_stopped_are_reported() {
        double[] purchases = Sites.flat(20);
        for (int i = 275; i < Sites.DAYS; i++) {
            purchases[i] = 0; // last purchase on day 274: 90 days before the end
        }
        var ctx = Sites.context()
                .trackingPlan(PLAN)
                .series("ga4", MetricName.EVENT_COUNT, "event=page_view", Sites.START, Sites.flat(5000))
                .series("ga4", MetricName.EVENT_COUNT, "event=purchase", Sites.START, purchases)
                .build();
        List<Insight> found = InsightProviders.trackingPlan().insights(ctx);
        assertThat(found)
                .extracting(Insight::type, Insight::entity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tracking.event-missing", EntityRef.event("sign_up")),
                        org.assertj.core.groups.Tuple.tuple("tracking.event-stopped", EntityRef.event("purchase")));
        Insight stopped = found.get(1);
        assertThat(evidence(stopped, "days without the event")).isEqualTo(90);
        assertThat(evidence(stopped, "events counted before")).isEqualTo(275 * 20);
        assertThat(stopped.explanation()).contains("has not fired for 90 days");
        assertThat(found.get(0).explanation()).contains("GTM-TEST1").contains("'GA4 - sign up'");
    }

    @Test
    void without_any_event_data_nothing_can_be_judged() {
        var ctx = Sites.context()
                .trackingPlan(PLAN)
                .series("ga4", MetricName.SESSIONS, "", Sites.START, Sites.flat(100))
                .build();
        assertThat(InsightProviders.trackingPlan().insights(ctx)).isEmpty();
    }
}
