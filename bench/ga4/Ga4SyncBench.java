import com.google.analytics.data.v1beta.BetaAnalyticsDataClient;
import com.google.analytics.data.v1beta.BetaAnalyticsDataSettings;
import com.google.analytics.data.v1beta.DateRange;
import com.google.analytics.data.v1beta.Dimension;
import com.google.analytics.data.v1beta.Metric;
import com.google.analytics.data.v1beta.RunReportRequest;
import com.google.analytics.data.v1beta.RunReportResponse;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sitelens.connector.ga4.Ga4Connector;
import io.sitelens.connector.ga4.Ga4ConnectorFactory;
import io.sitelens.memory.InMemoryBlobStore;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.UsageMeter;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.storage.BlobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * A year of daily metrics for 2,000 pages (730,000 rows) from a local GA4 Data API stub that adds a fixed
 * latency to every request. Compares the ga4 connector with a plain client loop (runReport page after page).
 * Run through bench/ga4/run.sh.
 */
public class Ga4SyncBench {
    static final int PAGES = 2000;
    static final LocalDate START = LocalDate.parse("2025-01-01");
    static final int DAYS = 365;
    static final long ROWS = (long) PAGES * DAYS;
    static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    static final List<String> METRICS = List.of(
            "screenPageViews", "sessions", "activeUsers", "bounceRate", "engagementRate",
            "userEngagementDuration", "averageSessionDuration", "eventCount", "newUsers", "keyEvents",
            "screenPageViewsPerSession", "sessionsPerUser");
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("screenPageViews", "TYPE_INTEGER"), Map.entry("sessions", "TYPE_INTEGER"),
            Map.entry("activeUsers", "TYPE_INTEGER"), Map.entry("bounceRate", "TYPE_FLOAT"),
            Map.entry("engagementRate", "TYPE_FLOAT"), Map.entry("userEngagementDuration", "TYPE_SECONDS"),
            Map.entry("averageSessionDuration", "TYPE_SECONDS"), Map.entry("eventCount", "TYPE_INTEGER"),
            Map.entry("newUsers", "TYPE_INTEGER"), Map.entry("keyEvents", "TYPE_INTEGER"),
            Map.entry("screenPageViewsPerSession", "TYPE_FLOAT"), Map.entry("sessionsPerUser", "TYPE_FLOAT"));

    static long delayMs;
    static final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        delayMs = Long.parseLong(args.length > 0 ? args[0] : "150");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(12, r -> {
            Thread t = new Thread(r, "stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", Ga4SyncBench::handle);
        server.start();
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        GoogleCredentials creds = GoogleCredentials.create(
                new AccessToken("bench-token", new Date(System.currentTimeMillis() + 3_600_000)));

        // 1. Cold start: connector creation + first call (getMetadata) in this fresh JVM, no added latency.
        long saved = delayMs;
        delayMs = 0;
        long t0 = System.nanoTime();
        Counting usage = new Counting();
        Ga4Connector connector = Ga4ConnectorFactory.withCredentials(creds).create(config(endpoint), context(usage));
        connector.catalog();
        long coldMs = (System.nanoTime() - t0) / 1_000_000;
        long sinceJvm = System.currentTimeMillis() - jvmStart;
        System.out.printf("cold start: connector + first call %d ms (%d ms since JVM start)%n", coldMs, sinceJvm);
        delayMs = saved;
        requests.clear();

        // 2. The year for 2,000 pages, 8 metrics (one request per page of 250,000 rows).
        run(connector, usage, METRICS.subList(0, 8));
        // 3. The same with 12 metrics (split into 10 + 2 and joined); skipped with a second argument "8".
        if (args.length < 2 || !args[1].equals("8")) {
            run(connector, usage, METRICS);
        }
        connector.close();

        // 4. Peer: the official client alone, runReport page after page (what a straightforward loop does).
        requests.clear();
        BetaAnalyticsDataSettings.Builder sb = BetaAnalyticsDataSettings.newHttpJsonBuilder()
                .setEndpoint(endpoint)
                .setCredentialsProvider(FixedCredentialsProvider.create(creds));
        try (BetaAnalyticsDataClient client = BetaAnalyticsDataClient.create(sb.build())) {
            long t = System.nanoTime();
            List<RunReportResponse> kept = new ArrayList<>(); // a plain loop keeps what it fetched
            long rows = 0;
            long offset = 0;
            long total;
            do {
                RunReportRequest.Builder rb = RunReportRequest.newBuilder()
                        .setProperty("properties/1")
                        .addDateRanges(DateRange.newBuilder().setStartDate(START.toString())
                                .setEndDate(START.plusDays(DAYS - 1).toString()))
                        .addDimensions(Dimension.newBuilder().setName("date"))
                        .addDimensions(Dimension.newBuilder().setName("pagePath"))
                        .setLimit(250_000).setOffset(offset);
                METRICS.subList(0, 8).forEach(m -> rb.addMetrics(Metric.newBuilder().setName(m)));
                RunReportResponse r = client.runReport(rb.build());
                kept.add(r);
                rows += r.getRowsCount();
                total = r.getRowCount();
                offset += 250_000;
            } while (offset < total);
            long ms = (System.nanoTime() - t) / 1_000_000;
            System.out.printf("peer (plain client loop, 8 metrics, responses kept): %d rows, %d requests %s, %d ms%n",
                    rows, requests.values().stream().mapToInt(AtomicInteger::get).sum(), requests, ms);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("  heap in use after the loop: %d MB (%d responses)%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, kept.size());
        }
        server.stop(0);
        System.exit(0);
    }

    static void run(Ga4Connector connector, Counting usage, List<String> metrics) {
        requests.clear();
        usage.calls.set(0);
        usage.tokens.set(0);
        MetricQuery.Builder q = MetricQuery.builder(
                        io.sitelens.model.DateRange.of(START, START.plusDays(DAYS - 1)))
                .dimension(DimensionName.DATE)
                .dimension(DimensionName.PAGE);
        metrics.forEach(m -> q.metric(MetricName.nativeName("ga4", m, io.sitelens.model.ValueType.NUMBER)));
        long t = System.nanoTime();
        MetricTable table = connector.query(q.build());
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (table.rows().size() != ROWS) {
            throw new AssertionError("expected " + ROWS + " rows, got " + table.rows().size());
        }
        double last = table.rows().get(table.rows().size() - 1).value(metrics.size() - 1);
        if (Double.isNaN(last)) {
            throw new AssertionError("joined value missing");
        }
        long pages = (ROWS + 249_999) / 250_000;
        long chunks = (metrics.size() + 9) / 10;
        long minimum = (pages * chunks + 4) / 5;
        System.out.printf(
                "ga4 connector, %d metrics: %d rows, %d report requests %s (+ metadata/compatibility), minimum the"
                        + " limits allow %d (%d pages x %d chunks / 5 per batch), %d ms, %d quota tokens%n",
                metrics.size(), table.rows().size(),
                requests.getOrDefault("runReport", new AtomicInteger()).get()
                        + requests.getOrDefault("batchRunReports", new AtomicInteger()).get(),
                requests, minimum, pages, chunks, ms, usage.tokens.get());
        Runtime rt = Runtime.getRuntime();
        System.out.printf("  heap in use after the query: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    static ConnectorConfig config(String endpoint) {
        return ConnectorConfig.of("ga4", "bench", Map.of("propertyId", "1", "endpoint", endpoint));
    }

    static final class Counting implements UsageMeter {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong tokens = new AtomicLong();

        @Override
        public void record(UsageKind kind, long amount) {
            if (kind == UsageKind.API_CALL) calls.addAndGet(amount);
            if (kind == UsageKind.QUOTA_TOKENS) tokens.addAndGet(amount);
        }
    }

    static PluginContext context(UsageMeter usage) {
        return new PluginContext() {
            public ProjectKey project() { return ProjectKey.of("default", "bench"); }
            public HttpSettings http() { return HttpSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(300)); }
            public Clock clock() { return Clock.systemUTC(); }
            public UsageMeter usage() { return usage; }
            public Logger logger(Class<?> type) { return NOPLogger.NOP_LOGGER; }
            public BlobStore blobs() { return new InMemoryBlobStore(); }
            public Optional<MetricConnector> connectorWith(ConnectorCapability c) { return Optional.empty(); }
        };
    }

    // ---- the stub -------------------------------------------------------------------------------------------

    static void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = path.substring(path.lastIndexOf(path.contains(":") ? ':' : '/') + 1);
        requests.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            Thread.sleep(delayMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder out = new StringBuilder(1 << 16);
        switch (method) {
            case "metadata" -> metadata(out);
            case "checkCompatibility" -> out.append("{}");
            case "runReport" -> report(JsonParser.parseString(body).getAsJsonObject(), out);
            case "batchRunReports" -> {
                out.append("{\"reports\":[");
                JsonArray reqs = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("requests");
                for (int i = 0; i < reqs.size(); i++) {
                    if (i > 0) out.append(',');
                    report(reqs.get(i).getAsJsonObject(), out);
                }
                out.append("]}");
            }
            default -> out.append("{}");
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    static void metadata(StringBuilder out) {
        out.append("{\"name\":\"properties/1/metadata\",\"dimensions\":[");
        String[] dims = {"date", "pagePath", "hostName", "pageTitle"};
        for (int i = 0; i < dims.length; i++) {
            out.append(i > 0 ? "," : "").append("{\"apiName\":\"").append(dims[i]).append("\",\"uiName\":\"")
                    .append(dims[i]).append("\"}");
        }
        out.append("],\"metrics\":[");
        for (int i = 0; i < METRICS.size(); i++) {
            String m = METRICS.get(i);
            out.append(i > 0 ? "," : "").append("{\"apiName\":\"").append(m).append("\",\"uiName\":\"").append(m)
                    .append("\",\"type\":\"").append(TYPES.get(m)).append("\"}");
        }
        out.append("]}");
    }

    static long num(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null ? 0 : e.getAsLong();
    }

    static void report(JsonObject req, StringBuilder out) {
        long offset = num(req, "offset");
        long limit = req.has("limit") ? num(req, "limit") : 10_000;
        List<String> metrics = new ArrayList<>();
        req.getAsJsonArray("metrics").forEach(m -> metrics.add(m.getAsJsonObject().get("name").getAsString()));
        out.append("{\"dimensionHeaders\":[{\"name\":\"date\"},{\"name\":\"pagePath\"}],\"metricHeaders\":[");
        for (int j = 0; j < metrics.size(); j++) {
            out.append(j > 0 ? "," : "").append("{\"name\":\"").append(metrics.get(j)).append("\",\"type\":\"")
                    .append(TYPES.get(metrics.get(j))).append("\"}");
        }
        out.append("],\"rows\":[");
        long end = Math.min(ROWS, offset + limit);
        for (long i = offset; i < end; i++) {
            if (i > offset) out.append(',');
            String day = START.plusDays(i / PAGES).format(YMD);
            out.append("{\"dimensionValues\":[{\"value\":\"").append(day).append("\"},{\"value\":\"/page-")
                    .append(i % PAGES).append("\"}],\"metricValues\":[");
            for (int j = 0; j < metrics.size(); j++) {
                out.append(j > 0 ? "," : "").append("{\"value\":\"");
                String t = TYPES.get(metrics.get(j));
                if (t.equals("TYPE_FLOAT")) out.append((i * 7 + j) % 100 / 100.0);
                else out.append((i * 31 + j) % 997 + 1);
                out.append("\"}");
            }
            out.append("]}");
        }
        out.append("],\"rowCount\":").append(ROWS)
                .append(",\"metadata\":{\"currencyCode\":\"EUR\",\"timeZone\":\"Europe/Berlin\"},")
                .append("\"propertyQuota\":{\"tokensPerDay\":{\"consumed\":25,\"remaining\":199000},")
                .append("\"tokensPerHour\":{\"consumed\":25,\"remaining\":39000}}}");
    }
}
