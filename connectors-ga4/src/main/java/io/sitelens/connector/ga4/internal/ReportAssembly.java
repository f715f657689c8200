package io.sitelens.connector.ga4.internal;

import com.google.analytics.data.v1beta.DimensionValue;
import com.google.analytics.data.v1beta.MetricHeader;
import com.google.analytics.data.v1beta.ResponseMetaData;
import com.google.analytics.data.v1beta.Row;
import com.google.analytics.data.v1beta.RunReportResponse;
import com.google.analytics.data.v1beta.SamplingMetadata;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DataQualityNote;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Collects the pages of one {@link ReportPlan} and joins its chunks into one {@link MetricTable}: rows keyed on
 * their dimension values, values converted to canonical units from each response's {@code metricHeaders[].type},
 * and GA4's data-quality flags turned into notes.
 */
final class ReportAssembly {
    final ReportPlan plan;
    private final List<TreeMap<Long, PageRows>> pages = new ArrayList<>();
    private final List<DataQualityNote> notes = new ArrayList<>();

    /** One response, converted on arrival so that the protobuf (large on HTTP/JSON) is not kept. */
    private record PageRows(
            long rowCount, List<List<String>> keys, List<double[]> values, double @Nullable [] totals) {}

    ReportAssembly(ReportPlan plan) {
        this.plan = plan;
        for (int i = 0; i < plan.chunks.size(); i++) {
            pages.add(new TreeMap<>());
        }
    }

    void accept(int chunk, long offset, RunReportResponse r) {
        int nativeCount = plan.natives.size();
        int[] target = new int[r.getMetricHeadersCount()];
        double[] scale = new double[r.getMetricHeadersCount()];
        for (int j = 0; j < r.getMetricHeadersCount(); j++) {
            MetricHeader h = r.getMetricHeaders(j);
            target[j] = plan.natives.indexOf(h.getName());
            scale[j] = Ga4Vocabulary.scale(h.getType());
        }
        if (r.getRowsCount() > 0 && r.getDimensionHeadersCount() != plan.nativeDimensions.size()) {
            throw malformed("a report has " + r.getDimensionHeadersCount() + " dimensions, expected "
                    + plan.nativeDimensions.size());
        }
        List<List<String>> keys = new ArrayList<>(r.getRowsCount());
        List<double[]> values = new ArrayList<>(r.getRowsCount());
        for (Row row : r.getRowsList()) {
            keys.add(key(row));
            double[] v = new double[nativeCount];
            Arrays.fill(v, Double.NaN);
            read(row, target, scale, v);
            values.add(v);
        }
        double[] totals = null;
        if (r.getTotalsCount() > 0) {
            totals = new double[nativeCount];
            Arrays.fill(totals, Double.NaN);
            read(r.getTotals(0), target, scale, totals);
        }
        MetricTable.Builder noteSink = MetricTable.builder(List.of(), List.of());
        notes(r, noteSink);
        List<DataQualityNote> found = noteSink.build().notes();
        synchronized (this) {
            pages.get(chunk).put(offset, new PageRows(r.getRowCount(), keys, values, totals));
            notes.addAll(found);
        }
    }

    synchronized long rowCount(int chunk) {
        TreeMap<Long, PageRows> p = pages.get(chunk);
        return p.isEmpty() ? 0 : p.firstEntry().getValue().rowCount();
    }

    synchronized MetricTable table(LocalDate today) {
        int nativeCount = plan.natives.size();
        Map<List<String>, double[]> rows = new LinkedHashMap<>();
        double[] totals = null;
        MetricTable.Builder out = MetricTable.builder(plan.query.dimensions(), plan.columns);
        notes.forEach(n -> out.note(n.kind(), n.message()));
        long limit = plan.query.rowLimit();
        for (int c = 0; c < plan.chunks.size(); c++) {
            List<Integer> chunkNatives =
                    plan.chunks.get(c).stream().map(plan.natives::indexOf).toList();
            for (PageRows page : pages.get(c).values()) {
                for (int i = 0; i < page.keys().size(); i++) {
                    List<String> key = page.keys().get(i);
                    double[] v = rows.get(key);
                    if (v == null) {
                        if (c > 0 && rows.size() >= limit) {
                            continue;
                        }
                        if (c == 0) {
                            rows.put(key, page.values().get(i));
                            continue;
                        }
                        v = new double[nativeCount];
                        Arrays.fill(v, Double.NaN);
                        rows.put(key, v);
                    }
                    double[] in = page.values().get(i);
                    for (int n : chunkNatives) {
                        v[n] = in[n];
                    }
                }
                if (page.totals() != null) {
                    if (totals == null) {
                        totals = new double[nativeCount];
                        Arrays.fill(totals, Double.NaN);
                    }
                    for (int n : chunkNatives) {
                        if (Double.isNaN(totals[n])) {
                            totals[n] = page.totals()[n];
                        }
                    }
                }
            }
            if (rowCount(c) > limit) {
                out.note(
                        DataQualityNote.Kind.TRUNCATED,
                        "GA4 has " + rowCount(c) + " rows for this report; only the first " + limit
                                + " (the row limit) were fetched");
            }
        }
        // GA4 leaves out rows whose metrics are all zero: a row one chunk has and a complete chunk lacks is 0.
        if (plan.chunks.size() > 1) {
            for (int c = 0; c < plan.chunks.size(); c++) {
                if (rowCount(c) > limit) {
                    continue;
                }
                List<Integer> chunkNatives =
                        plan.chunks.get(c).stream().map(plan.natives::indexOf).toList();
                for (double[] v : rows.values()) {
                    for (int i : chunkNatives) {
                        if (Double.isNaN(v[i])) {
                            v[i] = 0;
                        }
                    }
                }
            }
        }
        int n = 0;
        for (Map.Entry<List<String>, double[]> e : rows.entrySet()) {
            if (n++ >= limit) {
                break;
            }
            out.row(new MetricRow(e.getKey(), columns(e.getValue())));
        }
        if (totals != null) {
            out.totals(columns(totals));
        }
        if (!plan.query.range().end().isBefore(today.minusDays(2))) {
            out.note(
                    DataQualityNote.Kind.UNSETTLED,
                    "GA4 is still processing the last days of this range (up to 72 hours); their numbers may grow");
        }
        return out.build();
    }

    private List<String> key(Row row) {
        List<String> key = new ArrayList<>(row.getDimensionValuesCount());
        for (int i = 0; i < row.getDimensionValuesCount(); i++) {
            DimensionValue dv = row.getDimensionValues(i);
            key.add(plan.isoDate[i] ? Ga4Vocabulary.isoDate(dv.getValue()) : dv.getValue());
        }
        return key;
    }

    private static void read(Row row, int[] target, double[] scale, double[] into) {
        for (int j = 0; j < row.getMetricValuesCount() && j < target.length; j++) {
            if (target[j] < 0) {
                continue;
            }
            String text = row.getMetricValues(j).getValue();
            if (text.isEmpty()) {
                continue;
            }
            try {
                into[target[j]] = Double.parseDouble(text) * scale[j];
            } catch (NumberFormatException e) {
                throw malformed("metric value '" + text + "' is not a number");
            }
        }
    }

    private double[] columns(double[] nativeValues) {
        double[] out = new double[plan.columns.size()];
        for (int i = 0; i < out.length; i++) {
            Ga4Vocabulary.Source s = plan.sources.get(i);
            double num = nativeValues[plan.natives.indexOf(s.numerator())];
            if (s.denominator() == null) {
                out[i] = num;
            } else {
                double den = nativeValues[plan.natives.indexOf(s.denominator())];
                out[i] = den == 0 || Double.isNaN(den) ? Double.NaN : num / den;
            }
        }
        return out;
    }

    static void notes(RunReportResponse r, MetricTable.Builder out) {
        if (!r.hasMetadata()) {
            return;
        }
        ResponseMetaData md = r.getMetadata();
        if (md.getSubjectToThresholding()) {
            out.note(
                    DataQualityNote.Kind.THRESHOLDED,
                    "GA4 applied privacy thresholds to this report: rows with few users may be withheld, so small"
                            + " numbers can be missing or low");
        }
        if (md.getDataLossFromOtherRow()) {
            out.note(
                    DataQualityNote.Kind.OTHER_ROW,
                    "GA4 folded some rows into an '(other)' row because the report exceeded its cardinality limit;"
                            + " use a shorter range or a filter to see them");
        }
        for (SamplingMetadata s : md.getSamplingMetadatasList()) {
            double pct = s.getSamplingSpaceSize() == 0 ? 0 : 100.0 * s.getSamplesReadCount() / s.getSamplingSpaceSize();
            out.note(
                    DataQualityNote.Kind.SAMPLED,
                    String.format(
                            java.util.Locale.ROOT,
                            "GA4 sampled this report: it read %d of %d events (%.1f%%); numbers are estimates",
                            s.getSamplesReadCount(),
                            s.getSamplingSpaceSize(),
                            pct));
        }
    }

    private static SitelensException malformed(String message) {
        return new SitelensException(ErrorCode.EXTERNAL_MALFORMED, Ga4Vocabulary.PROVIDER, message, null);
    }
}
