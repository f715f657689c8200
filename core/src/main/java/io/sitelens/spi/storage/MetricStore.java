package io.sitelens.spi.storage;

import io.sitelens.model.DateRange;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.ProjectKey;
import java.util.Collection;
import java.util.List;

/** Daily metric values, keyed by (project, source, metric, dimension key, day). */
public interface MetricStore {

    /**
     * Inserts or replaces each point in one transaction: re-writing a (source, metric, key, day) replaces its
     * value, never duplicates it. Returns the number of points written.
     */
    int upsert(ProjectKey project, Collection<MetricPoint> points);

    /** One series over a range, ordered by day. */
    List<MetricPoint> series(
            ProjectKey project, String source, MetricName metric, String dimensionKey, DateRange range);

    /** The dimension keys with at least one point for the metric in the range, sorted. */
    List<String> dimensionKeys(ProjectKey project, String source, MetricName metric, DateRange range);

    /** The sources (binding ids) with stored points, sorted. */
    List<String> sources(ProjectKey project);

    /** Number of stored points for the project. */
    long count(ProjectKey project);
}
