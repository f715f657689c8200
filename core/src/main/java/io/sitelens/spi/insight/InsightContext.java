package io.sitelens.spi.insight;

import io.sitelens.model.DateRange;
import io.sitelens.model.Finding;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.TrackingPlan;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What an insight provider reads: one project's stored data for a period. */
public interface InsightContext {

    Project project();

    /** The period insights are computed for (typically the last 365 days, ending yesterday). */
    DateRange period();

    Clock clock();

    /** The sources (binding ids) that have stored metrics. */
    Set<String> sources();

    /** The dimension keys stored for a metric ({@code ""} is the site series, {@code page=/x} a page). */
    Set<String> dimensionKeys(String source, MetricName metric);

    /** A daily series within {@link #period()}, ordered by day; missing days are absent. */
    List<MetricPoint> series(String source, MetricName metric, String dimensionKey);

    /** Pages of the latest crawl (empty when none). */
    default List<Page> pages() {
        return List.of();
    }

    /** Findings of the latest crawl. */
    default List<Finding> findings() {
        return List.of();
    }

    default Optional<TrackingPlan> trackingPlan() {
        return Optional.empty();
    }

    /**
     * Behaviour aggregates of the project's opt-in collector over {@link #period()}, or empty when the project
     * collects none (or the store does not keep behaviour data).
     */
    default Optional<io.sitelens.spi.storage.BehaviourAggregates> behaviour() {
        return Optional.empty();
    }
}
