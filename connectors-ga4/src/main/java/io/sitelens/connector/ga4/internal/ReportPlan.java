package io.sitelens.connector.ga4.internal;

import com.google.analytics.data.v1beta.DateRange;
import com.google.analytics.data.v1beta.Dimension;
import com.google.analytics.data.v1beta.Filter;
import com.google.analytics.data.v1beta.FilterExpression;
import com.google.analytics.data.v1beta.FilterExpressionList;
import com.google.analytics.data.v1beta.Metric;
import com.google.analytics.data.v1beta.MetricAggregation;
import com.google.analytics.data.v1beta.OrderBy;
import com.google.analytics.data.v1beta.RunReportRequest;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One {@link MetricQuery} turned into GA4 report requests: canonical names resolved to GA4 names (checked
 * against the property's metadata), the GA4 metrics split into chunks of at most {@value #MAX_METRICS} that
 * share the same dimensions (joined back on the dimension values), and filters translated.
 */
public final class ReportPlan {
    /** GA4's limit of metrics per report request. */
    public static final int MAX_METRICS = 10;
    /** GA4's limit of dimensions per report request. */
    public static final int MAX_DIMENSIONS = 9;
    /** GA4's limit of rows per report request. */
    public static final long MAX_ROWS_PER_REQUEST = 250_000;

    final MetricQuery query;
    final List<String> nativeDimensions;
    final boolean[] isoDate;
    final List<MetricName> columns;
    final List<Ga4Vocabulary.Source> sources;
    final List<String> natives;
    final List<List<String>> chunks;
    final @Nullable FilterExpression filter;
    final long pageSize;

    private ReportPlan(
            MetricQuery query,
            List<String> nativeDimensions,
            List<MetricName> columns,
            List<Ga4Vocabulary.Source> sources,
            List<String> natives,
            @Nullable FilterExpression filter,
            long maxRowsPerRequest) {
        this.query = query;
        this.nativeDimensions = List.copyOf(nativeDimensions);
        this.isoDate = new boolean[query.dimensions().size()];
        for (int i = 0; i < isoDate.length; i++) {
            isoDate[i] = query.dimensions().get(i).equals(DimensionName.DATE);
        }
        this.columns = List.copyOf(columns);
        this.sources = List.copyOf(sources);
        this.natives = List.copyOf(natives);
        List<List<String>> cs = new ArrayList<>();
        for (int i = 0; i < natives.size(); i += MAX_METRICS) {
            cs.add(List.copyOf(natives.subList(i, Math.min(natives.size(), i + MAX_METRICS))));
        }
        this.chunks = List.copyOf(cs);
        this.filter = filter;
        this.pageSize = Math.min(maxRowsPerRequest, query.rowLimit());
    }

    /** Plans {@code query}; unknown names, too many dimensions and bad filters are the user's errors. */
    public static ReportPlan of(MetricQuery query, PropertyMetadata md, String propertyId, long maxRowsPerRequest) {
        List<String> dims = new ArrayList<>();
        for (DimensionName d : query.dimensions()) {
            dims.add(nativeDimension(d, md, propertyId));
        }
        if (new LinkedHashSet<>(dims).size() != dims.size()) {
            throw userError("dimensions " + query.dimensions() + " name the same GA4 dimension twice");
        }
        if (dims.size() > MAX_DIMENSIONS) {
            throw userError("GA4 allows at most " + MAX_DIMENSIONS
                    + " dimensions in one report and this query asks for "
                    + dims.size() + " (" + query.dimensions() + "); a report cannot be split by dimension and joined"
                    + " back, so ask for fewer dimensions");
        }
        List<MetricName> columns = new ArrayList<>();
        List<Ga4Vocabulary.Source> sources = new ArrayList<>();
        Set<String> natives = new LinkedHashSet<>();
        for (MetricName m : query.metrics()) {
            Ga4Vocabulary.Source s;
            MetricName column;
            if (m.isCanonical()) {
                s = Ga4Vocabulary.source(m)
                        .orElseThrow(() -> userError("GA4 has no source for canonical metric '" + m.name() + "'"));
                for (String n : s.natives()) {
                    if (!md.hasMetric(n)) {
                        throw userError("GA4 property " + propertyId + " does not offer '" + n + "', which canonical"
                                + " metric '" + m.name() + "' needs");
                    }
                }
                column = MetricName.canonical(m.name()).orElse(m);
            } else {
                if (!m.provider().orElse("").equals(Ga4Vocabulary.PROVIDER)) {
                    throw userError("metric '" + m.name() + "' belongs to another provider; the ga4 connector answers"
                            + " canonical names and ga4:<apiName>");
                }
                String api = m.localName();
                if (!md.hasMetric(api)) {
                    throw userError("GA4 property " + propertyId + " has no metric '" + api + "' (see the catalog"
                            + " for its standard and custom metrics)");
                }
                s = new Ga4Vocabulary.Source(api, null);
                column = PropertyMetadata.nativeMetric(api, md.metricType(api).orElseThrow())
                        .orElse(m);
            }
            columns.add(column);
            sources.add(s);
            natives.addAll(s.natives());
        }
        FilterExpression filter = filter(query.filters(), md, propertyId);
        return new ReportPlan(query, dims, columns, sources, new ArrayList<>(natives), filter, maxRowsPerRequest);
    }

    static String nativeDimension(DimensionName d, PropertyMetadata md, String propertyId) {
        String n;
        if (d.isCanonical()) {
            n = Ga4Vocabulary.nativeDimension(d)
                    .orElseThrow(() -> userError("GA4 has no dimension for canonical '" + d.name() + "'"));
        } else {
            if (!d.name().startsWith(Ga4Vocabulary.PROVIDER + ":")) {
                throw userError("dimension '" + d.name() + "' belongs to another provider; the ga4 connector answers"
                        + " canonical names and ga4:<apiName>");
            }
            n = d.localName();
        }
        if (!md.hasDimension(n)) {
            throw userError("GA4 property " + propertyId + " has no dimension '" + n + "'"
                    + (d.isCanonical() ? " (needed for '" + d.name() + "')" : ""));
        }
        return n;
    }

    private static @Nullable FilterExpression filter(
            List<DimensionFilter> filters, PropertyMetadata md, String propertyId) {
        if (filters.isEmpty()) {
            return null;
        }
        List<FilterExpression> parts = new ArrayList<>();
        for (DimensionFilter f : filters) {
            String field = nativeDimension(f.dimension(), md, propertyId);
            boolean date = f.dimension().equals(DimensionName.DATE);
            List<String> values = f.values().stream()
                    .map(v -> date ? Ga4Vocabulary.ga4Date(v) : v)
                    .toList();
            Filter.Builder fb = Filter.newBuilder().setFieldName(field);
            switch (f.match()) {
                case EXACT -> fb.setStringFilter(string(Filter.StringFilter.MatchType.EXACT, values.get(0)));
                case BEGINS_WITH ->
                    fb.setStringFilter(string(Filter.StringFilter.MatchType.BEGINS_WITH, values.get(0)));
                case CONTAINS -> fb.setStringFilter(string(Filter.StringFilter.MatchType.CONTAINS, values.get(0)));
                case REGEX -> fb.setStringFilter(string(Filter.StringFilter.MatchType.FULL_REGEXP, values.get(0)));
                case IN_LIST ->
                    fb.setInListFilter(Filter.InListFilter.newBuilder()
                            .addAllValues(values)
                            .setCaseSensitive(true));
            }
            parts.add(FilterExpression.newBuilder().setFilter(fb).build());
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return FilterExpression.newBuilder()
                .setAndGroup(FilterExpressionList.newBuilder().addAllExpressions(parts))
                .build();
    }

    private static Filter.StringFilter string(Filter.StringFilter.MatchType type, String value) {
        return Filter.StringFilter.newBuilder()
                .setMatchType(type)
                .setValue(value)
                .setCaseSensitive(true)
                .build();
    }

    /**
     * The most rows the first page can hold: one without dimensions, the number of days when the only dimension
     * is the date, else the page size.
     */
    long firstPageRows() {
        if (nativeDimensions.isEmpty()) {
            return 1;
        }
        if (nativeDimensions.equals(List.of("date"))) {
            return Math.min(pageSize, query.range().days());
        }
        return pageSize;
    }

    public int chunkCount() {
        return chunks.size();
    }

    /** The request for page {@code offset} of chunk {@code chunk}. */
    public RunReportRequest request(String property, int chunk, long offset) {
        RunReportRequest.Builder b = RunReportRequest.newBuilder()
                .setProperty(property)
                .addDateRanges(DateRange.newBuilder()
                        .setStartDate(query.range().start().toString())
                        .setEndDate(query.range().end().toString()))
                .setOffset(offset)
                .setLimit(pageSize)
                .setReturnPropertyQuota(true);
        nativeDimensions.forEach(d -> b.addDimensions(Dimension.newBuilder().setName(d)));
        chunks.get(chunk).forEach(m -> b.addMetrics(Metric.newBuilder().setName(m)));
        // Same order in every chunk and page: pages never overlap, and split chunks cover the same rows.
        nativeDimensions.forEach(d -> b.addOrderBys(OrderBy.newBuilder()
                .setDimension(OrderBy.DimensionOrderBy.newBuilder().setDimensionName(d))));
        if (!nativeDimensions.isEmpty() && offset == 0) {
            b.addMetricAggregations(MetricAggregation.TOTAL);
        }
        if (filter != null) {
            b.setDimensionFilter(filter);
        }
        return b.build();
    }

    /** A stable key of what checkCompatibility must approve: dimensions, GA4 metrics and the filter. */
    public String compatibilityKey() {
        return nativeDimensions + "|" + natives + "|" + (filter == null ? "" : filter.toString());
    }

    private static SitelensException userError(String message) {
        return new SitelensException(ErrorCode.INVALID_INPUT, Ga4Vocabulary.PROVIDER, message, null);
    }
}
