package io.sitelens.example;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.model.ValueType;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.DimensionDescriptor;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricDescriptor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A connector over deterministic made-up data (a stand-in for a provider's API): page views, sessions and
 * bounce rate per day and page. It shows what a real connector must do: canonical units, the requested
 * column order, the row limit, a user error for unknown metrics, usage metering, and the secret read only
 * when a call needs it.
 */
final class ExampleConnector implements MetricConnector {
    static final MetricName NATIVE_HITS = MetricName.nativeName("example", "hits", ValueType.COUNT);
    private static final List<MetricName> METRICS =
            List.of(MetricName.PAGE_VIEWS, MetricName.SESSIONS, MetricName.BOUNCE_RATE, NATIVE_HITS);

    private final ConnectorConfig config;
    private final PluginContext context;
    private final int pages;
    private final long seed;

    ExampleConnector(ConnectorConfig config, PluginContext context, int pages, long seed) {
        this.config = config;
        this.context = context;
        this.pages = pages;
        this.seed = seed;
    }

    @Override
    public String providerId() {
        return ExampleConnectorFactory.ID;
    }

    @Override
    public Catalog catalog() {
        List<MetricDescriptor> metrics = new ArrayList<>();
        for (MetricName m : METRICS) {
            metrics.add(new MetricDescriptor(m, m.localName(), m.localName().replace('_', ' '), false));
        }
        return new Catalog(
                metrics,
                List.of(
                        new DimensionDescriptor(DimensionName.DATE, "date", "Date", false),
                        new DimensionDescriptor(DimensionName.PAGE, "page", "Page path", false)));
    }

    @Override
    public MetricTable query(MetricQuery query) {
        for (MetricName m : query.metrics()) {
            if (METRICS.stream().noneMatch(k -> k.name().equals(m.name()))) {
                throw new SitelensException(ErrorCode.INVALID_INPUT, providerId(), "unknown metric '" + m + "'", null);
            }
        }
        for (DimensionName d : query.dimensions()) {
            if (!d.equals(DimensionName.DATE) && !d.equals(DimensionName.PAGE)) {
                throw new SitelensException(
                        ErrorCode.INVALID_INPUT, providerId(), "unknown dimension '" + d + "'", null);
            }
        }
        config.optionalSecret("apiKey"); // a real connector would authenticate here, resolving the secret now
        context.usage().apiCall();
        List<MetricName> typed = query.metrics().stream()
                .map(m -> METRICS.stream()
                        .filter(k -> k.name().equals(m.name()))
                        .findFirst()
                        .orElseThrow())
                .toList();
        MetricTable.Builder t = MetricTable.builder(query.dimensions(), typed);
        boolean byDate = query.dimensions().contains(DimensionName.DATE);
        boolean byPage = query.dimensions().contains(DimensionName.PAGE);
        List<LocalDate> days =
                byDate ? query.range().stream().toList() : List.of(query.range().start());
        int pageCount = byPage ? pages : 1;
        for (LocalDate day : days) {
            for (int p = 0; p < pageCount; p++) {
                if (t.rowCount() >= query.rowLimit()) {
                    return t.build();
                }
                List<String> dims = new ArrayList<>();
                for (DimensionName d : query.dimensions()) {
                    dims.add(d.equals(DimensionName.DATE) ? day.toString() : "/page-" + p);
                }
                double[] values = new double[typed.size()];
                for (int i = 0; i < typed.size(); i++) {
                    values[i] = value(
                            typed.get(i),
                            day,
                            byPage ? p : -1,
                            byDate ? 1 : query.range().days());
                }
                t.row(dims, values);
            }
        }
        return t.build();
    }

    private double value(MetricName m, LocalDate day, int page, long days) {
        long base = Math.floorMod(seed * 31 + day.toEpochDay() * 7 + page * 13L, 50) + 10;
        return switch (m.name()) {
            case "page_views", "example:hits" -> (double) base * 3 * days;
            case "sessions" -> (double) base * days;
            case "bounce_rate" -> (base % 10) / 10.0;
            default -> throw new IllegalStateException("checked above: " + m);
        };
    }
}
