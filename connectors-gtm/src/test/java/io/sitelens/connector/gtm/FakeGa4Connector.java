package io.sitelens.connector.gtm;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.DimensionDescriptor;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricDescriptor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A hand-written stand-in for a GA4-capable binding: daily event counts and key events by event name, with
 * GA4's filter semantics (REGEX is a full match). Records every query it was asked.
 */
final class FakeGa4Connector implements MetricConnector {
    record Row(LocalDate date, String eventName, long count, long keyEvents) {}

    final List<Row> rows = new ArrayList<>();
    final List<MetricQuery> queries = new ArrayList<>();

    FakeGa4Connector add(String date, String eventName, long count, long keyEvents) {
        rows.add(new Row(LocalDate.parse(date), eventName, count, keyEvents));
        return this;
    }

    @Override
    public String providerId() {
        return "ga4";
    }

    @Override
    public Catalog catalog() {
        return new Catalog(
                List.of(
                        new MetricDescriptor(MetricName.EVENT_COUNT, "eventCount", "Event count", false),
                        new MetricDescriptor(MetricName.CONVERSIONS, "keyEvents", "Key events", false)),
                List.of(
                        new DimensionDescriptor(DimensionName.DATE, "date", "Date", false),
                        new DimensionDescriptor(DimensionName.EVENT_NAME, "eventName", "Event name", false)));
    }

    @Override
    public synchronized MetricTable query(MetricQuery q) {
        queries.add(q);
        MetricTable.Builder t = MetricTable.builder(q.dimensions(), q.metrics());
        for (Row r : rows) {
            if (!q.range().contains(r.date()) || !q.filters().stream().allMatch(f -> matches(f, r))) {
                continue;
            }
            List<String> dims = new ArrayList<>();
            for (DimensionName d : q.dimensions()) {
                if (d.equals(DimensionName.DATE)) {
                    dims.add(r.date().toString());
                } else if (d.equals(DimensionName.EVENT_NAME)) {
                    dims.add(r.eventName());
                } else {
                    throw new SitelensException(ErrorCode.INVALID_INPUT, "ga4", "fake has no dimension " + d, null);
                }
            }
            double[] values = new double[q.metrics().size()];
            for (int i = 0; i < values.length; i++) {
                String m = q.metrics().get(i).name();
                values[i] = switch (m) {
                    case "event_count" -> r.count();
                    case "conversions" -> r.keyEvents();
                    default ->
                        throw new SitelensException(ErrorCode.INVALID_INPUT, "ga4", "fake has no metric " + m, null);
                };
            }
            t.row(dims, values);
        }
        return t.build();
    }

    private static boolean matches(DimensionFilter f, Row r) {
        String v = f.dimension().equals(DimensionName.EVENT_NAME)
                ? r.eventName()
                : r.date().toString();
        return switch (f.match()) {
            case EXACT -> v.equals(f.values().get(0));
            case BEGINS_WITH -> v.startsWith(f.values().get(0));
            case CONTAINS -> v.contains(f.values().get(0));
            case REGEX -> Pattern.compile(f.values().get(0)).matcher(v).matches();
            case IN_LIST -> f.values().contains(v);
        };
    }
}
