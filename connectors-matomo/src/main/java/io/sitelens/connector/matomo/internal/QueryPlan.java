package io.sitelens.connector.matomo.internal;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.connector.matomo.internal.Vocabulary.Resolved;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MetricQuery} resolved against Matomo: whether it is by date, which row report (if any) answers its
 * other dimensions, and where each metric comes from. Everything a user wrote wrong is reported here, before
 * any request.
 */
record QueryPlan(
        MetricQuery query, boolean byDate, @Nullable RowReport report, List<Slot> dimensions, List<Resolved> metrics) {

    /** How one output dimension is filled: the date, or a row dimension. */
    record Slot(DimensionName name, @Nullable RowDimension row) {}

    static QueryPlan of(MetricQuery query, Supplier<MatomoCatalog> catalog) {
        boolean byDate = false;
        RowReport report = null;
        List<Slot> slots = new ArrayList<>();
        for (DimensionName d : query.dimensions()) {
            if (d.equals(DimensionName.DATE)) {
                byDate = true;
                slots.add(new Slot(d, null));
                continue;
            }
            RowDimension rd = RowDimension.of(d)
                    .orElseThrow(
                            () -> invalid("dimension '" + d + "' is not available from Matomo; use date and one of "
                                    + java.util.Arrays.stream(RowDimension.values())
                                            .map(x -> x.name.name())
                                            .toList()));
            if (report != null && report != rd.report) {
                throw invalid("dimensions " + query.dimensions() + " come from different Matomo reports ("
                        + report.method + ", " + rd.report.method + ") and cannot be combined in one query");
            }
            report = rd.report;
            slots.add(new Slot(d, rd));
        }
        for (DimensionFilter f : query.filters()) {
            if (!query.dimensions().contains(f.dimension())) {
                throw invalid("a filter on '" + f.dimension() + "' needs that dimension in the query");
            }
            if (f.match() == DimensionFilter.Match.REGEX) {
                try {
                    java.util.regex.Pattern.compile(f.values().get(0));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw invalid("the regular expression of the filter on '" + f.dimension() + "' is invalid: "
                            + e.getDescription());
                }
            }
        }
        List<Resolved> metrics = new ArrayList<>();
        for (MetricName m : query.metrics()) {
            metrics.add(resolve(m, report, catalog));
        }
        return new QueryPlan(query, byDate, report, slots, metrics);
    }

    private static Resolved resolve(MetricName m, @Nullable RowReport report, Supplier<MatomoCatalog> catalog) {
        String where = report == null ? "for the whole site" : "by the rows of " + report.method;
        if (m.isCanonical()) {
            Optional<Resolved> r = report == null ? Vocabulary.site(m) : Vocabulary.rows(report, m);
            return r.orElseThrow(
                    () -> invalid("metric '" + m + "' is not available " + where + "; canonical metrics there: "
                            + (report == null ? Vocabulary.canonicalForSite() : Vocabulary.canonicalFor(report))
                            + ", or any Matomo metric as matomo:NAME"));
        }
        if (!m.provider().orElse("").equals(MatomoErrors.PROVIDER)) {
            throw invalid("metric '" + m + "' belongs to another provider; write a canonical name or matomo:NAME");
        }
        String key = m.localName();
        Optional<Resolved> known = MatomoCatalog.known(report, key);
        if (known.isPresent()) {
            return known.get();
        }
        MatomoCatalog c = catalog.get();
        Optional<Resolved> r = report == null ? c.nativeSite(key) : c.nativeRows(report, key);
        return r.orElseThrow(() -> invalid("metric '" + m + "' (Matomo name '" + key + "') is not offered " + where
                + " by this Matomo; the catalog lists every metric it has"));
    }

    private static SitelensException invalid(String message) {
        return new SitelensException(ErrorCode.INVALID_INPUT, MatomoErrors.PROVIDER, message, null);
    }

    List<MetricName> metricNames() {
        return metrics.stream().map(Resolved::name).toList();
    }
}
