package io.sitelens.spi.connector;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.TrackingPlan;
import java.util.List;

/**
 * A connection to one analytics provider for one project binding. Instances are made by a
 * {@link MetricConnectorFactory}, are thread-safe, and hold no secret longer than a call needs.
 *
 * <p>Contract (checked by the TCK's {@code MetricConnectorContract}): {@link #query} returns values in
 * canonical units, one column per requested metric in the requested order, rows for every dimension
 * combination the provider has (paging as needed, bounded by {@link MetricQuery#rowLimit()}), and records
 * a data-quality note whenever the provider says its result is sampled, thresholded or truncated.
 * Failures are {@link SitelensException}s naming the provider id.
 */
public interface MetricConnector extends AutoCloseable {

    /** The provider id ({@code ga4}, {@code matomo}, …). */
    String providerId();

    /** What the bound property or site offers. */
    Catalog catalog();

    MetricTable query(MetricQuery query);

    /**
     * The page paths analytics knows for the range, most viewed first. Default: a query of page views by
     * {@link DimensionName#PAGE}.
     */
    default List<String> pages(DateRange range) {
        MetricTable t = query(MetricQuery.builder(range)
                .metric(MetricName.PAGE_VIEWS)
                .dimension(DimensionName.PAGE)
                .build());
        return t.rows().stream()
                .sorted((a, b) -> Double.compare(b.value(0), a.value(0)))
                .map((MetricRow r) -> r.dimension(0))
                .toList();
    }

    /**
     * How many of the most recent days the provider may still revise (GA4 about 3, Matomo 1-2); every sync
     * re-fetches them.
     */
    default int unsettledDays() {
        return 3;
    }

    /** The tracking plan, for connectors with {@link ConnectorCapability#TRACKING_PLAN}. */
    default TrackingPlan trackingPlan() {
        throw new SitelensException(
                ErrorCode.UNSUPPORTED, providerId(), "this connector does not produce a tracking plan", null);
    }

    /** Releases connections and threads. Never throws. */
    @Override
    default void close() {}
}
