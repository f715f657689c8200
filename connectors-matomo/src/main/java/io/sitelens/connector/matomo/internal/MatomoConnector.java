package io.sitelens.connector.matomo.internal;

import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.MetricConnector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@link MetricConnector} of one Matomo site. Thread-safe; the catalog is read once, on first use.
 */
public final class MatomoConnector implements MetricConnector {
    private final MatomoClient client;
    private final java.time.Clock clock;
    private volatile @Nullable MatomoCatalog catalog;

    public MatomoConnector(MatomoClient client, java.time.Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public String providerId() {
        return MatomoErrors.PROVIDER;
    }

    @Override
    public Catalog catalog() {
        return matomoCatalog().catalog();
    }

    MatomoCatalog matomoCatalog() {
        MatomoCatalog c = catalog;
        if (c == null) {
            synchronized (this) {
                c = catalog;
                if (c == null) {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("idSite", client.settings().siteId());
                    p.put("period", "day");
                    p.put("date", "yesterday");
                    p.put("hideMetricsDoc", "1");
                    p.put("showSubtableReports", "0");
                    c = MatomoCatalog.parse(client.call(ApiRequest.of("API.getReportMetadata", p)));
                    catalog = c;
                }
            }
        }
        return c;
    }

    @Override
    public MetricTable query(MetricQuery query) {
        QueryPlan plan = QueryPlan.of(query, this::matomoCatalog);
        return new QueryExecution(client, plan, clock).run();
    }

    /** Page paths by page views, most viewed first, without Matomo's "Others" row. */
    @Override
    public List<String> pages(DateRange range) {
        MetricTable t = query(MetricQuery.builder(range)
                .metric(MetricName.PAGE_VIEWS)
                .dimension(DimensionName.PAGE)
                .build());
        return t.rows().stream()
                .filter(r -> !r.dimension(0).equals(RowDimension.OTHER))
                .sorted((a, b) -> Double.compare(b.value(0), a.value(0)))
                .map((MetricRow r) -> r.dimension(0))
                .distinct()
                .toList();
    }

    /** Matomo re-archives today and (in the site's time zone) yesterday. */
    @Override
    public int unsettledDays() {
        return 2;
    }

    /** HTTP requests sent so far (for benchmarks and tests). */
    public long requestCount() {
        return client.requestCount();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "MatomoConnector[" + client.settings().displayUrl() + ", site "
                + client.settings().siteId() + "]";
    }
}
