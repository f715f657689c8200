package io.sitelens.insights;

import io.sitelens.insights.internal.AnomalyInsightProvider;
import io.sitelens.insights.internal.ChangeInsightProvider;
import io.sitelens.insights.internal.CrawlTrafficInsightProvider;
import io.sitelens.insights.internal.MoversInsightProvider;
import io.sitelens.insights.internal.OpportunityInsightProvider;
import io.sitelens.insights.internal.TrackingPlanInsightProvider;
import io.sitelens.spi.insight.InsightProvider;
import java.util.List;

/**
 * The built-in insight providers, each with default settings (documented in {@code docs/insights.md}):
 *
 * <ul>
 *   <li>{@code anomalies}: spikes and dips in daily counts ({@code anomaly.spike}, {@code anomaly.dip}) and
 *       jumps in rates judged with their sessions ({@code anomaly.rate-up}, {@code anomaly.rate-down});
 *   <li>{@code changes}: {@code tracking.outage}, {@code change.level-shift}, {@code change.slope-break};
 *   <li>{@code movers}: {@code movers.up}, {@code movers.down};
 *   <li>{@code opportunities}: {@code opportunity.bounce}, {@code opportunity.engagement};
 *   <li>{@code crawl-traffic}: {@code crawl.traffic-4xx}, {@code crawl.traffic-5xx},
 *       {@code crawl.traffic-no-response}, {@code crawl.traffic-redirect}, {@code crawl.traffic-noindex},
 *       {@code crawl.traffic-tag-missing}, {@code crawl.orphan-with-traffic}, {@code crawl.slow-high-bounce}
 *       (each with a {@code …-summary} site insight when two or more pages share it);
 *   <li>{@code tracking-plan}: {@code tracking.event-missing}, {@code tracking.event-stopped}.
 * </ul>
 */
public final class InsightProviders {

    private InsightProviders() {}

    /** Every built-in provider, in a stable order. */
    public static List<InsightProvider> all() {
        return List.of(anomalies(), changes(), movers(), opportunities(), crawlTraffic(), trackingPlan());
    }

    public static InsightProvider anomalies() {
        return new AnomalyInsightProvider(AnomalyInsightProvider.Settings.DEFAULTS);
    }

    public static InsightProvider changes() {
        return new ChangeInsightProvider(ChangeInsightProvider.Settings.DEFAULTS);
    }

    public static InsightProvider movers() {
        return new MoversInsightProvider(MoversInsightProvider.Settings.DEFAULTS);
    }

    public static InsightProvider opportunities() {
        return new OpportunityInsightProvider(OpportunityInsightProvider.Settings.DEFAULTS);
    }

    public static InsightProvider crawlTraffic() {
        return new CrawlTrafficInsightProvider(CrawlTrafficInsightProvider.Settings.DEFAULTS);
    }

    public static InsightProvider trackingPlan() {
        return new TrackingPlanInsightProvider(TrackingPlanInsightProvider.Settings.DEFAULTS);
    }
}
