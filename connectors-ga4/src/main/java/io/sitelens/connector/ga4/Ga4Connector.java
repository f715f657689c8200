package io.sitelens.connector.ga4;

import com.google.analytics.data.v1beta.BetaAnalyticsDataClient;
import com.google.analytics.data.v1beta.CheckCompatibilityRequest;
import com.google.analytics.data.v1beta.CheckCompatibilityResponse;
import com.google.analytics.data.v1beta.Compatibility;
import com.google.analytics.data.v1beta.Dimension;
import com.google.analytics.data.v1beta.DimensionCompatibility;
import com.google.analytics.data.v1beta.Metric;
import com.google.analytics.data.v1beta.MetricCompatibility;
import com.google.analytics.data.v1beta.MinuteRange;
import com.google.analytics.data.v1beta.PropertyQuota;
import com.google.analytics.data.v1beta.Row;
import com.google.analytics.data.v1beta.RunRealtimeReportRequest;
import com.google.analytics.data.v1beta.RunRealtimeReportResponse;
import com.google.analytics.data.v1beta.RunReportResponse;
import com.google.api.client.http.HttpTransport;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.connector.ga4.internal.Ga4Calls;
import io.sitelens.connector.ga4.internal.Ga4Clients;
import io.sitelens.connector.ga4.internal.Ga4Credentials;
import io.sitelens.connector.ga4.internal.Ga4Settings;
import io.sitelens.connector.ga4.internal.Ga4Vocabulary;
import io.sitelens.connector.ga4.internal.PropertyMetadata;
import io.sitelens.connector.ga4.internal.ReportPlan;
import io.sitelens.connector.ga4.internal.ReportRunner;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.UsageKind;
import io.sitelens.model.ValueType;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.MetricConnector;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The {@code ga4} connector for one GA4 property, on the official Data API client (HTTP/JSON transport).
 * Thread-safe. Beyond {@link MetricConnector} it offers {@link #queryAll} (several queries sharing
 * {@code batchRunReports} round trips), {@link #realtime} (the last 30 minutes) and {@link #quota()}.
 *
 * <p>A query names canonical metrics and dimensions or GA4 ones as {@code ga4:apiName}. The property's
 * metadata is read once; each new combination of dimensions, metrics and filter is checked with
 * {@code checkCompatibility} once; then reports are paged (up to 250,000 rows a request), split into requests of
 * at most 10 metrics when needed and joined back, and batched five to a request.
 */
public final class Ga4Connector implements MetricConnector {
    /** The GA4 dimension that makes {@link #query} a realtime report (only the realtime API has it). */
    public static final DimensionName MINUTES_AGO = new DimensionName("ga4:minutesAgo");

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String bindingId;
    private final Ga4Settings settings;
    private final Ga4Credentials credentials;
    private final HttpSettings http;
    private final HttpTransport transport;
    private final Ga4Calls calls;
    private final Clock clock;
    private final Semaphore permits;
    private final long maxRowsPerRequest;
    private final Set<String> compatible = ConcurrentHashMap.newKeySet();
    /** At most two full pages in flight per connector: HTTP/JSON responses are parsed whole in memory. */
    private final int rowBudget;

    private final Semaphore rowsInFlight;
    private final AtomicReference<@Nullable Ga4Quota> lastQuota = new AtomicReference<>();
    private volatile @Nullable BetaAnalyticsDataClient client;
    private volatile @Nullable PropertyMetadata metadata;
    private volatile @Nullable ExecutorService executor;
    private volatile boolean closed;

    Ga4Connector(
            String bindingId,
            Ga4Settings settings,
            Ga4Credentials credentials,
            HttpSettings http,
            HttpTransport transport,
            Ga4Calls calls,
            Clock clock,
            Semaphore permits,
            long maxRowsPerRequest,
            Logger log) {
        this.bindingId = bindingId;
        this.settings = settings;
        this.credentials = credentials;
        this.http = http;
        this.transport = transport;
        this.calls = calls;
        this.clock = clock;
        this.permits = permits;
        this.maxRowsPerRequest = maxRowsPerRequest;
        this.rowBudget = (int) Math.min(Integer.MAX_VALUE, 2 * maxRowsPerRequest);
        this.rowsInFlight = new Semaphore(rowBudget, true);
    }

    @Override
    public String providerId() {
        return Ga4ConnectorFactory.ID;
    }

    /** The numeric GA4 property id. */
    public String propertyId() {
        return settings.propertyId();
    }

    @Override
    public Catalog catalog() {
        return metadata().catalog();
    }

    @Override
    public MetricTable query(MetricQuery query) {
        if (query.dimensions().contains(MINUTES_AGO)) {
            return realtime(query.metrics(), query.dimensions(), 30);
        }
        return queryAll(List.of(query)).get(0);
    }

    /**
     * Answers several queries at once, sharing {@code batchRunReports} round trips between them; the tables come
     * back in the queries' order.
     */
    public List<MetricTable> queryAll(List<MetricQuery> queries) {
        PropertyMetadata md = metadata();
        List<ReportPlan> plans = new ArrayList<>();
        for (MetricQuery q : queries) {
            ReportPlan plan = ReportPlan.of(q, md, settings.propertyId(), maxRowsPerRequest);
            checkCompatibility(plan);
            plans.add(plan);
        }
        ReportRunner runner = new ReportRunner(
                settings.property(),
                client(),
                calls,
                permits,
                executor(),
                this::recordQuota,
                maxRowsPerRequest,
                rowsInFlight,
                rowBudget);
        return runner.run(plans, LocalDate.now(clock));
    }

    /**
     * A realtime report over the last {@code minutes} minutes (1..30 on standard properties): canonical
     * {@code users}, {@code page_views}, {@code event_count}, {@code conversions} and any {@code ga4:} realtime
     * metric; dimensions {@code page_title} (GA4's unifiedScreenName), {@code event_name}, {@code device},
     * {@code country} and any {@code ga4:} realtime dimension such as {@code ga4:minutesAgo}.
     */
    public MetricTable realtime(List<MetricName> metrics, List<DimensionName> dimensions, int minutes) {
        if (minutes < 1 || minutes > 60) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT,
                    providerId(),
                    "realtime minutes must be within 1..60 (30 on standard properties), got " + minutes,
                    null);
        }
        RunRealtimeReportRequest.Builder b = RunRealtimeReportRequest.newBuilder()
                .setProperty(settings.property())
                .addMinuteRanges(
                        MinuteRange.newBuilder().setStartMinutesAgo(minutes - 1).setEndMinutesAgo(0))
                .setLimit(maxRowsPerRequest)
                .setReturnPropertyQuota(true);
        List<String> natives = new ArrayList<>();
        List<MetricName> columns = new ArrayList<>();
        for (MetricName m : metrics) {
            String n = realtimeMetric(m);
            natives.add(n);
            columns.add(m.isCanonical() ? MetricName.canonical(m.name()).orElse(m) : m);
            b.addMetrics(Metric.newBuilder().setName(n));
        }
        for (DimensionName d : dimensions) {
            b.addDimensions(Dimension.newBuilder().setName(realtimeDimension(d)));
        }
        RunRealtimeReportResponse r = calls.call("runRealtimeReport", () -> client().runRealtimeReport(b.build()));
        if (r.hasPropertyQuota()) {
            recordQuota(r.getPropertyQuota());
        }
        List<ValueType> types = new ArrayList<>();
        double[] scale = new double[r.getMetricHeadersCount()];
        for (int j = 0; j < r.getMetricHeadersCount(); j++) {
            var h = r.getMetricHeaders(j);
            scale[j] = Ga4Vocabulary.scale(h.getType());
            types.add(Ga4Vocabulary.valueType(h.getName(), h.getType()));
        }
        for (int i = 0; i < columns.size(); i++) {
            MetricName c = columns.get(i);
            if (!c.isCanonical() && i < types.size()) {
                columns.set(i, new MetricName(c.name(), types.get(i)));
            }
        }
        MetricTable.Builder out = MetricTable.builder(dimensions, columns);
        for (Row row : r.getRowsList()) {
            List<String> key =
                    row.getDimensionValuesList().stream().map(v -> v.getValue()).toList();
            double[] v = new double[columns.size()];
            for (int j = 0; j < v.length; j++) {
                String text =
                        j < row.getMetricValuesCount() ? row.getMetricValues(j).getValue() : "";
                v[j] = text.isEmpty() ? Double.NaN : Double.parseDouble(text) * (j < scale.length ? scale[j] : 1.0);
            }
            out.row(new MetricRow(key, v));
        }
        return out.build();
    }

    private String realtimeMetric(MetricName m) {
        if (!m.isCanonical()) {
            if (!m.provider().orElse("").equals(Ga4Vocabulary.PROVIDER)) {
                throw userError("metric '" + m.name() + "' belongs to another provider");
            }
            return m.localName();
        }
        return switch (m.name()) {
            case "users" -> "activeUsers";
            case "page_views" -> "screenPageViews";
            case "event_count" -> "eventCount";
            case "conversions" -> "keyEvents";
            default ->
                throw userError("the GA4 realtime API has no equivalent of canonical metric '" + m.name()
                        + "'; use users, page_views, event_count, conversions or a ga4: realtime metric");
        };
    }

    private String realtimeDimension(DimensionName d) {
        if (!d.isCanonical()) {
            if (!d.name().startsWith(Ga4Vocabulary.PROVIDER + ":")) {
                throw userError("dimension '" + d.name() + "' belongs to another provider");
            }
            return d.localName();
        }
        return Ga4Vocabulary.nativeRealtimeDimension(d)
                .orElseThrow(() -> userError("the GA4 realtime API has no equivalent of canonical dimension '"
                        + d.name() + "'; use page_title, event_name, device, country or a ga4: realtime dimension"));
    }

    /** The quota GA4 reported with the last report, if any report ran. */
    public Optional<Ga4Quota> quota() {
        return Optional.ofNullable(lastQuota.get());
    }

    private void recordQuota(RunReportResponse r) {
        if (r.hasPropertyQuota()) {
            recordQuota(r.getPropertyQuota());
        }
    }

    private void recordQuota(PropertyQuota q) {
        Ga4Quota quota = Ga4Quota.from(q);
        lastQuota.set(quota);
        if (quota.tokensConsumed() > 0) {
            calls.usage().record(UsageKind.QUOTA_TOKENS, quota.tokensConsumed());
        }
    }

    private void checkCompatibility(ReportPlan plan) {
        String key = plan.compatibilityKey();
        if (compatible.contains(key)) {
            return;
        }
        CheckCompatibilityRequest.Builder b =
                CheckCompatibilityRequest.newBuilder().setProperty(settings.property());
        plan.request(settings.property(), 0, 0).getDimensionsList().forEach(b::addDimensions);
        for (int c = 0; c < plan.chunkCount(); c++) {
            plan.request(settings.property(), c, 0).getMetricsList().forEach(b::addMetrics);
        }
        var filter = plan.request(settings.property(), 0, 0);
        if (filter.hasDimensionFilter()) {
            b.setDimensionFilter(filter.getDimensionFilter());
        }
        CheckCompatibilityResponse r = calls.call("checkCompatibility", () -> client().checkCompatibility(b.build()));
        List<String> badDims = r.getDimensionCompatibilitiesList().stream()
                .filter(d -> d.getCompatibility() == Compatibility.INCOMPATIBLE)
                .map(DimensionCompatibility::getDimensionMetadata)
                .map(m -> m.getApiName())
                .toList();
        List<String> badMetrics = r.getMetricCompatibilitiesList().stream()
                .filter(m -> m.getCompatibility() == Compatibility.INCOMPATIBLE)
                .map(MetricCompatibility::getMetricMetadata)
                .map(m -> m.getApiName())
                .toList();
        if (!badDims.isEmpty() || !badMetrics.isEmpty()) {
            throw userError("GA4 property " + settings.propertyId() + " cannot combine these in one report;"
                    + " incompatible dimensions " + badDims + ", incompatible metrics " + badMetrics
                    + " (drop them or query them separately)");
        }
        compatible.add(key);
    }

    private PropertyMetadata metadata() {
        PropertyMetadata md = metadata;
        if (md == null) {
            synchronized (this) {
                if (metadata == null) {
                    metadata = PropertyMetadata.of(
                            calls.call("getMetadata", () -> client().getMetadata(settings.property() + "/metadata")));
                }
                md = metadata;
            }
        }
        return md;
    }

    private BetaAnalyticsDataClient client() {
        BetaAnalyticsDataClient c = client;
        if (c == null) {
            synchronized (this) {
                ensureOpen();
                if (client == null) {
                    client = Ga4Clients.dataClient(providerId(), settings, credentials, http, transport);
                }
                c = client;
            }
        }
        return c;
    }

    private ExecutorService executor() {
        ExecutorService e = executor;
        if (e == null) {
            synchronized (this) {
                ensureOpen();
                if (executor == null) {
                    executor = Executors.newFixedThreadPool(settings.maxConcurrentRequests(), r -> {
                        Thread t = new Thread(r, "sitelens-ga4-" + THREADS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                e = executor;
            }
        }
        return e;
    }

    private void ensureOpen() {
        if (closed) {
            throw new SitelensException(ErrorCode.INVALID_INPUT, providerId(), "connector is closed", null);
        }
    }

    private static SitelensException userError(String message) {
        return new SitelensException(ErrorCode.INVALID_INPUT, Ga4ConnectorFactory.ID, message, null);
    }

    @Override
    public synchronized void close() {
        closed = true;
        ExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
        BetaAnalyticsDataClient c = client;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return "Ga4Connector[binding=" + bindingId + ", property=" + settings.propertyId() + ", credentials="
                + credentials + ", settings=" + Map.of("maxConcurrentRequests", settings.maxConcurrentRequests()) + "]";
    }
}
