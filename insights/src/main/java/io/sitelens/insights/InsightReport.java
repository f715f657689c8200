package io.sitelens.insights;

import static java.util.Objects.requireNonNull;

import io.sitelens.Outcome;
import io.sitelens.model.Insight;
import java.time.Duration;
import java.util.List;

/**
 * What one {@link InsightEngine} run produced: the ranked, de-duplicated insights (highest score first), one
 * outcome per provider (a failing provider is reported here, never thrown), and the wall time.
 */
public record InsightReport(List<Insight> insights, List<Outcome> outcomes, Duration elapsed) {
    public InsightReport {
        insights = List.copyOf(requireNonNull(insights, "insights"));
        outcomes = List.copyOf(requireNonNull(outcomes, "outcomes"));
        requireNonNull(elapsed, "elapsed");
    }

    /** The insights of one type ({@code crawl.traffic-4xx}), in rank order. */
    public List<Insight> ofType(String type) {
        return insights.stream().filter(i -> i.type().equals(type)).toList();
    }
}
