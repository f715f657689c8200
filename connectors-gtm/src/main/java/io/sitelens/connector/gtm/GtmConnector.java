package io.sitelens.connector.gtm;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DataQualityNote;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.TrackingPlan;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.DimensionDescriptor;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricDescriptor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code gtm} connector of one binding. Its container comes from an export file or the Tag Manager API
 * (read once, on first use). {@link #trackingPlan()} and {@link #inspection()} describe it; {@link #query}
 * answers event count and key events for the container's GA4 events by asking the project's
 * {@link ConnectorCapability#GA4_EVENTS} binding (through the {@link PluginContext}), restricted to the event
 * names the container sends; {@link #eventActivity(DateRange)} matches those numbers to each tracked event.
 */
public final class GtmConnector implements MetricConnector {
    private static final List<MetricName> METRICS = List.of(MetricName.EVENT_COUNT, MetricName.CONVERSIONS);
    /**
     * The container's event name as written ({@code video_{{dlv - video_status}}}) that a GA4 event matched; a
     * GA4 row that matches several tracked names counts once for each of them.
     */
    public static final DimensionName TRACKED_EVENT = new DimensionName("gtm:tracked_event");

    private static final List<DimensionName> DIMENSIONS =
            List.of(DimensionName.DATE, DimensionName.EVENT_NAME, TRACKED_EVENT);
    private static final List<DimensionName> FILTERABLE = List.of(DimensionName.DATE, DimensionName.EVENT_NAME);

    private final String bindingId;
    private final PluginContext context;
    private final Supplier<GtmContainer> loader;
    private final String describedSource;
    private volatile @Nullable GtmInspection inspection;

    private GtmConnector(
            String bindingId, PluginContext context, Supplier<GtmContainer> loader, String describedSource) {
        this.bindingId = bindingId;
        this.context = context;
        this.loader = loader;
        this.describedSource = describedSource;
    }

    /** A connector over an already read container (for hosts that parse exports themselves). */
    public static GtmConnector of(GtmContainer container, PluginContext context) {
        requireNonNull(container, "container");
        return new GtmConnector("gtm", requireNonNull(context, "context"), () -> container, container.source());
    }

    static GtmConnector create(ConnectorConfig config, PluginContext context) {
        var file = config.string(GtmConnectorFactory.EXPORT_FILE);
        var account = config.string(GtmConnectorFactory.ACCOUNT_ID);
        var container = config.string(GtmConnectorFactory.CONTAINER_ID);
        if (file.isPresent() && (account.isPresent() || container.isPresent())) {
            throw config.invalid(
                    GtmConnectorFactory.EXPORT_FILE,
                    "and " + GtmConnectorFactory.ACCOUNT_ID + "/" + GtmConnectorFactory.CONTAINER_ID
                            + " name two sources; give an export file or an API container, not both");
        }
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            return new GtmConnector(
                    config.bindingId(), context, () -> GtmContainer.parseExport(path), "export " + path);
        }
        if (account.isEmpty() || container.isEmpty()) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    "gtm",
                    "binding '" + config.bindingId() + "' needs " + GtmConnectorFactory.EXPORT_FILE + ", or "
                            + GtmConnectorFactory.ACCOUNT_ID + " and " + GtmConnectorFactory.CONTAINER_ID
                            + " with a " + GtmConnectorFactory.CREDENTIALS + " or " + GtmConnectorFactory.ACCESS_TOKEN
                            + " secret",
                    null);
        }
        for (String key : List.of(
                GtmConnectorFactory.ACCOUNT_ID, GtmConnectorFactory.CONTAINER_ID, GtmConnectorFactory.WORKSPACE_ID)) {
            config.string(key).filter(v -> !v.matches("[0-9]{1,20}")).ifPresent(v -> {
                throw config.invalid(key, "must be a number, got '" + v + "'");
            });
        }
        if (!config.hasSecret(GtmConnectorFactory.CREDENTIALS) && !config.hasSecret(GtmConnectorFactory.ACCESS_TOKEN)) {
            throw config.invalid(
                    GtmConnectorFactory.CREDENTIALS,
                    "(or " + GtmConnectorFactory.ACCESS_TOKEN + ") is required to read a container through the API");
        }
        double rate = parseRate(config);
        String baseUrl = config.string(GtmConnectorFactory.API_BASE_URL).orElse(GtmApiClient.DEFAULT_BASE_URL);
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        if (okhttp3.HttpUrl.parse(baseUrl) == null) {
            throw config.invalid(GtmConnectorFactory.API_BASE_URL, "must be an http(s) URL, got '" + baseUrl + "'");
        }
        String base = baseUrl;
        String a = account.get();
        String c = container.get();
        var workspace = config.string(GtmConnectorFactory.WORKSPACE_ID);
        Supplier<GtmContainer> load = () -> {
            GtmApiClient.Builder b = GtmApiClient.builder()
                    .baseUrl(base)
                    .http(context.http())
                    .requestsPerSecond(rate)
                    .backoff(new Backoff(
                            Backoff.DEFAULT.base(),
                            Backoff.DEFAULT.max(),
                            context.http().maxRetries() + 1))
                    .usage(context.usage());
            if (config.hasSecret(GtmConnectorFactory.CREDENTIALS)) {
                b.serviceAccount(config.secret(GtmConnectorFactory.CREDENTIALS));
            } else {
                b.accessToken(config.secret(GtmConnectorFactory.ACCESS_TOKEN));
            }
            try (GtmApiClient api = b.build()) {
                return workspace.isPresent() ? api.workspace(a, c, workspace.get()) : api.liveVersion(a, c);
            }
        };
        return new GtmConnector(
                config.bindingId(),
                context,
                load,
                "API accounts/" + a + "/containers/" + c
                        + workspace.map(w -> "/workspaces/" + w).orElse(" (live)"));
    }

    private static double parseRate(ConnectorConfig config) {
        String v = config.string(GtmConnectorFactory.REQUESTS_PER_SECOND).orElse(null);
        if (v == null) {
            return GtmApiClient.DEFAULT_REQUESTS_PER_SECOND;
        }
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && d <= 100) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw config.invalid(
                GtmConnectorFactory.REQUESTS_PER_SECOND, "must be a number above 0 and at most 100, got '" + v + "'");
    }

    @Override
    public String providerId() {
        return GtmConnectorFactory.ID;
    }

    /** The container's inspection (read and analysed once). */
    public GtmInspection inspection() {
        GtmInspection i = inspection;
        if (i == null) {
            synchronized (this) {
                i = inspection;
                if (i == null) {
                    i = GtmInspection.of(loader.get());
                    inspection = i;
                }
            }
        }
        return i;
    }

    @Override
    public TrackingPlan trackingPlan() {
        return inspection().plan();
    }

    @Override
    public Catalog catalog() {
        return new Catalog(
                List.of(
                        new MetricDescriptor(MetricName.EVENT_COUNT, "eventCount", "Event count", false),
                        new MetricDescriptor(MetricName.CONVERSIONS, "keyEvents", "Key events", false)),
                List.of(
                        new DimensionDescriptor(DimensionName.DATE, "date", "Date", false),
                        new DimensionDescriptor(DimensionName.EVENT_NAME, "eventName", "Event name", false),
                        new DimensionDescriptor(
                                TRACKED_EVENT, "tracked_event", "Tracked event (as written in the container)", false)));
    }

    /**
     * Event count and key events of the container's GA4 events, from the project's GA4 binding. Metrics:
     * {@code event_count}, {@code conversions} (key events); dimensions: {@code date}, {@code event_name} (as GA4
     * reports it) and {@link #TRACKED_EVENT} (the container's name as written). Rows of events the container
     * does not send are left out.
     */
    @Override
    public MetricTable query(MetricQuery query) {
        for (MetricName m : query.metrics()) {
            if (METRICS.stream().noneMatch(x -> x.name().equals(m.name()))) {
                throw new SitelensException(
                        ErrorCode.INVALID_INPUT,
                        "gtm",
                        "metric '" + m + "' is not offered; the gtm connector answers " + METRICS
                                + " for the container's GA4 events",
                        null);
            }
        }
        for (DimensionName d : query.dimensions()) {
            if (!DIMENSIONS.contains(d)) {
                throw new SitelensException(
                        ErrorCode.INVALID_INPUT,
                        "gtm",
                        "dimension '" + d + "' is not offered; the gtm connector breaks down by " + DIMENSIONS,
                        null);
            }
        }
        for (var f : query.filters()) {
            if (!FILTERABLE.contains(f.dimension())) {
                throw new SitelensException(
                        ErrorCode.INVALID_INPUT,
                        "gtm",
                        "a filter on '" + f.dimension() + "' is not offered; the gtm connector filters on "
                                + FILTERABLE,
                        null);
            }
        }
        GtmInspection i = inspection();
        // event names as written -> the patterns of the tags that send them
        Map<String, List<Pattern>> tracked = new LinkedHashMap<>();
        for (GtmInspection.Ga4Event e : i.ga4Events()) {
            List<Pattern> ps = tracked.computeIfAbsent(e.name(), k -> new ArrayList<>());
            if (ps.stream().noneMatch(p -> p.pattern().equals(e.namePattern()))) {
                ps.add(Pattern.compile(e.namePattern()));
            }
        }
        List<DimensionName> askDims = new ArrayList<>(query.dimensions());
        askDims.remove(TRACKED_EVENT);
        if (!askDims.contains(DimensionName.EVENT_NAME)) {
            askDims.add(DimensionName.EVENT_NAME);
        }
        MetricQuery.Builder ask =
                MetricQuery.builder(query.range()).metrics(query.metrics()).dimensions(askDims);
        query.filters().forEach(ask::filter);
        GtmEventActivity.nameFilter(i).ifPresent(ask::filter);
        MetricTable answer = ga4(ask.build());

        int nameIndex = answer.dimensionIndex(DimensionName.EVENT_NAME);
        boolean byTracked = query.dimensions().contains(TRACKED_EVENT);
        Map<List<String>, double[]> rows = new LinkedHashMap<>();
        for (MetricRow r : answer.rows()) {
            String name = r.dimension(nameIndex);
            List<String> matched = tracked.entrySet().stream()
                    .filter(t ->
                            t.getValue().stream().anyMatch(p -> p.matcher(name).matches()))
                    .map(Map.Entry::getKey)
                    .toList();
            if (matched.isEmpty()) {
                continue;
            }
            for (String trackedName : byTracked ? matched : matched.subList(0, 1)) {
                List<String> key = new ArrayList<>();
                for (DimensionName d : query.dimensions()) {
                    key.add(d.equals(TRACKED_EVENT) ? trackedName : r.dimension(answer.dimensionIndex(d)));
                }
                double[] acc = rows.computeIfAbsent(
                        List.copyOf(key), k -> new double[query.metrics().size()]);
                for (int m = 0; m < query.metrics().size(); m++) {
                    acc[m] += r.value(answer.metricIndex(query.metrics().get(m)));
                }
            }
        }
        MetricTable.Builder out = MetricTable.builder(query.dimensions(), query.metrics());
        answer.notes().forEach(n -> out.note(n.kind(), n.message()));
        for (Map.Entry<List<String>, double[]> e : rows.entrySet()) {
            if (out.rowCount() >= query.rowLimit()) {
                out.note(DataQualityNote.Kind.TRUNCATED, "gtm: cut at the query's row limit of " + query.rowLimit());
                break;
            }
            out.row(e.getKey(), e.getValue());
        }
        return out.build();
    }

    /** {@link #eventActivity(DateRange)} for the last 365 days, ending yesterday in the context clock's zone. */
    public GtmEventActivity eventActivity() {
        LocalDate yesterday = LocalDate.now(context.clock()).minusDays(1);
        return eventActivity(DateRange.lastDays(yesterday, 365));
    }

    /**
     * How often each GA4 event of the container fired over {@code range} (at most a year), daily, and which
     * never fired in the range's last 90 days: one query to the project's GA4 binding.
     */
    public GtmEventActivity eventActivity(DateRange range) {
        return GtmEventActivity.of(this, range);
    }

    private MetricTable ga4(MetricQuery q) {
        MetricConnector ga4 = context.connectorWith(ConnectorCapability.GA4_EVENTS)
                .orElseThrow(() -> new SitelensException(
                        ErrorCode.NOT_FOUND,
                        "gtm",
                        "project " + context.project() + " has no binding with capability GA4_EVENTS (such as ga4); "
                                + "the gtm connector asks it how often the container's events fired",
                        null));
        return ga4.query(q);
    }

    @Override
    public String toString() {
        return "GtmConnector[" + bindingId + ", " + describedSource + "]";
    }
}
