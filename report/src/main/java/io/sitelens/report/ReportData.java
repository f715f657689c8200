package io.sitelens.report;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DateRange;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Severity;
import io.sitelens.model.TrackingPlan;
import io.sitelens.model.UsageSummary;
import io.sitelens.model.ValueType;
import io.sitelens.spi.crawl.RenderMetrics;
import io.sitelens.spi.storage.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything one report shows, gathered from the store by {@link #collect}; also buildable directly (a host
 * with its own data, or a test). Rendering never reads the store again.
 *
 * @param current the last 28 days up to {@link ReportOptions#asOf()}
 * @param previous the 28 days before {@code current}
 * @param source the binding id whose metrics are shown, null when the project has no stored metrics
 * @param series daily site-wide series over the last 365 days, for the charts
 * @param totalPages pages in the latest crawl ({@code pages} holds at most {@link ReportOptions#maxPages()})
 */
public record ReportData(
        String projectName,
        String projectKey,
        String mainUrl,
        Instant generatedAt,
        DateRange current,
        DateRange previous,
        @Nullable String source,
        List<Headline> headlines,
        List<Series> series,
        List<PageRow> pages,
        int totalPages,
        List<CheckCount> findingsByCheck,
        ResourceSummary resources,
        List<Insight> insights,
        List<Shot> screenshots,
        Coverage coverage,
        @Nullable TrackingPlan trackingPlan,
        List<String> notes,
        @Nullable UsageSummary usage,
        List<RunRecord> runs) {

    public ReportData {
        requireNonNull(projectName, "projectName");
        requireNonNull(projectKey, "projectKey");
        requireNonNull(mainUrl, "mainUrl");
        requireNonNull(generatedAt, "generatedAt");
        requireNonNull(current, "current");
        requireNonNull(previous, "previous");
        headlines = List.copyOf(headlines);
        series = List.copyOf(series);
        pages = List.copyOf(pages);
        findingsByCheck = List.copyOf(findingsByCheck);
        requireNonNull(resources, "resources");
        insights = List.copyOf(insights);
        screenshots = List.copyOf(screenshots);
        requireNonNull(coverage, "coverage");
        notes = List.copyOf(notes);
        runs = List.copyOf(runs);
    }

    /** Reads a project's stored data; see {@link ReportCollector}. */
    public static ReportData collect(
            io.sitelens.Sitelens sitelens, io.sitelens.model.Project project, ReportOptions options) {
        return new ReportCollector(sitelens, project, options).collect();
    }

    /** A headline number: the metric over the current and the previous period (sums for counts, means otherwise). */
    public record Headline(MetricName metric, double current, double previous) {
        /** The relative change, NaN when there is no previous value. */
        public double change() {
            if (Double.isNaN(current) || Double.isNaN(previous) || previous == 0) {
                return Double.NaN;
            }
            return (current - previous) / Math.abs(previous);
        }

        /** Whether a rise is good news (false for bounce rate). */
        public boolean higherIsBetter() {
            return !metric.name().equals(MetricName.BOUNCE_RATE.name());
        }

        public ValueType type() {
            return metric.type();
        }
    }

    /** A daily series of one metric. */
    public record Series(MetricName metric, List<MetricPoint> points) {
        public Series {
            requireNonNull(metric, "metric");
            points = List.copyOf(points);
        }
    }

    /** A crawled page with its findings and its page views over the current period (NaN when unknown). */
    public record PageRow(
            String url,
            int status,
            @Nullable String title,
            long bytes,
            long responseMillis,
            double pageViews,
            List<Finding> findings) {
        public PageRow {
            requireNonNull(url, "url");
            findings = List.copyOf(findings);
        }
    }

    /** How often one check fired in the latest crawl. */
    public record CheckCount(String checkId, Severity severity, int count, String example) {}

    /** The resources of the latest crawl. */
    public record ResourceSummary(int count, long bytes, int external, int broken, Map<String, Integer> byType) {
        public ResourceSummary {
            byType = Map.copyOf(byType);
        }

        public static ResourceSummary none() {
            return new ResourceSummary(0, 0, 0, 0, Map.of());
        }
    }

    /** A screenshot with its PNG bytes as stored. */
    public record Shot(
            String url,
            String viewport,
            int width,
            int height,
            byte[] png,
            @Nullable RenderMetrics metrics) {
        public Shot {
            requireNonNull(url, "url");
            requireNonNull(viewport, "viewport");
            requireNonNull(png, "png");
        }
    }

    /**
     * Tag coverage: how many HTML pages the crawl saw, and those without an analytics tag
     * ({@code analytics-tag-missing} findings).
     */
    public record Coverage(int htmlPages, List<String> pagesWithoutTag) {
        public Coverage {
            pagesWithoutTag = List.copyOf(pagesWithoutTag);
        }
    }
}
