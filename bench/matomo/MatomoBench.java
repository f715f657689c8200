/*
 * Benchmark (not a test): a year of daily page metrics for a site of 2,000 pages, fetched from a local Matomo
 * stub that adds 100 ms to every HTTP request, by
 *   (1) a naive client: one Actions.getPageUrls request per day (filter_limit=-1), one after the other;
 *   (2) the sitelens Matomo connector: bulk requests (API.getBulkRequest) of windows of days, paged with
 *       filter_limit/filter_offset.
 * Prints HTTP requests, wall time and rows for both, and the ratios. Run with bench/matomo/run.sh.
 */
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sitelens.connector.matomo.MatomoConnectorFactory;
import io.sitelens.memory.InMemoryBlobStore;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.UsageMeter;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.storage.BlobStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

public class MatomoBench {
    static final int PAGES = Integer.getInteger("pages", 2000);
    static final long DELAY_MS = Long.getLong("delayMs", 100);
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate END = START.plusDays(364);
    static final AtomicLong HTTP_REQUESTS = new AtomicLong();
    static final AtomicLong BYTES = new AtomicLong();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("stub")) {
            serveStub();
            return;
        }
        // the stub runs in its own JVM so that its garbage (it builds every answer in memory) is not the client's
        Process stub = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx2g",
                        "-Dpages=" + PAGES,
                        "-DdelayMs=" + DELAY_MS,
                        "-cp",
                        System.getProperty("java.class.path"),
                        System.getProperty("bench.source", "bench/matomo/MatomoBench.java"),
                        "stub")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String base;
        try (java.io.BufferedReader r = new java.io.BufferedReader(
                new java.io.InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8))) {
            base = r.readLine();
        }
        System.out.printf("stub Matomo at %s: %d pages, %s..%s, +%d ms per HTTP request%n", base, PAGES, START, END, DELAY_MS);
        try {
            // warm-up of both clients on one week (not counted)
            naive(base, START, START.plusDays(6));
            sitelens(base, DateRange.of(START, START.plusDays(6)), Map.of());
            if (Boolean.getBoolean("profile")) {
                // only the connector, for a profiler
                print("sitelens defaults", sitelens(base, DateRange.of(START, END), Map.of()), new Result(1, 1, 0, 0, 0));
                return;
            }
            Result naive = naive(base, START, END);
            Result defaults = sitelens(base, DateRange.of(START, END), Map.of());
            Result tuned = sitelens(base, DateRange.of(START, END), Map.of("pageSize", "5000", "bulkSize", "20"));
            print("naive (1 request per report per day)", naive, naive);
            print("sitelens defaults (pageSize 1000, windowDays 7, bulkSize 10, concurrency 2)", defaults, naive);
            print("sitelens pageSize 5000, bulkSize 20", tuned, naive);
            if (naive.rows != defaults.rows || naive.rows != tuned.rows || naive.pageViews != defaults.pageViews) {
                throw new IllegalStateException("clients disagree on the data: " + naive + " " + defaults + " " + tuned);
            }
        } finally {
            stub.destroy();
        }
    }

    static void serveStub() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/index.php", MatomoBench::handle);
        server.createContext("/stats", ex -> {
            byte[] b = (HTTP_REQUESTS.get() + " " + BYTES.get()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        });
        server.start();
        System.out.println("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        System.out.flush();
    }

    /** Requests and bytes the stub has served so far. */
    static long[] stats(String base) throws Exception {
        String s = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(base + "stats")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String[] parts = s.trim().split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    record Result(long requests, long millis, long rows, long pageViews, long bytes) {}

    static void print(String name, Result r, Result naive) {
        System.out.printf(
                "%-76s requests %5d  wall %7d ms  rows %,d  page views %,d  bytes %,d  (requests x%.1f fewer, wall x%.1f faster than naive)%n",
                name, r.requests, r.millis, r.rows, r.pageViews, r.bytes,
                (double) naive.requests / r.requests, (double) naive.millis / r.millis);
    }

    /** One POST per day asking for every row of the day's page report. */
    static Result naive(String base, LocalDate from, LocalDate to) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        long[] before = stats(base);
        long rows = 0, views = 0;
        long start = System.nanoTime();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            String form = "module=API&method=Actions.getPageUrls&format=JSON&format_metrics=0&idSite=1&period=day&date="
                    + d + "&flat=1&filter_limit=-1&token_auth=benchtoken";
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "index.php"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            for (com.fasterxml.jackson.databind.JsonNode row : json.readTree(r.body())) {
                rows++;
                views += row.get("nb_hits").asLong();
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long[] after = stats(base);
        return new Result(after[0] - before[0], millis, rows, views, after[1] - before[1]);
    }

    static Result sitelens(String base, DateRange range, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("baseUrl", base, "siteId", "1"));
        settings.putAll(extra);
        ConnectorConfig config = new ConnectorConfig(
                "matomo", "bench", TenantId.DEFAULT, settings,
                Map.of("token", SecretRef.parse("env:MATOMO_TOKEN")),
                (tenant, ref) -> Optional.of(Secret.of("benchtoken")));
        long[] before = stats(base);
        long start = System.nanoTime();
        try (MetricConnector c = new MatomoConnectorFactory().create(config, new Context())) {
            MetricTable t = c.query(MetricQuery.builder(range)
                    .metrics(List.of(MetricName.PAGE_VIEWS, MetricName.SESSIONS, MetricName.BOUNCE_RATE))
                    .dimensions(List.of(DimensionName.DATE, DimensionName.PAGE))
                    .build());
            long views = 0;
            for (MetricRow r : t.rows()) {
                views += Math.round(r.value(0));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long[] after = stats(base);
            return new Result(after[0] - before[0], millis, t.rows().size(), views, after[1] - before[1]);
        }
    }

    // ---- the stub -----------------------------------------------------------------------------------------

    static void handle(HttpExchange ex) throws IOException {
        HTTP_REQUESTS.incrementAndGet();
        Map<String, String> form = decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            Thread.sleep(DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder out = new StringBuilder(1 << 16);
        if ("API.getBulkRequest".equals(form.get("method"))) {
            out.append('[');
            for (int i = 0; form.containsKey("urls[" + i + "]"); i++) {
                if (i > 0) {
                    out.append(',');
                }
                answer(decode(URLDecoder.decode(form.get("urls[" + i + "]"), StandardCharsets.UTF_8)), out);
            }
            out.append(']');
        } else {
            answer(form, out);
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        BYTES.addAndGet(body.length);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    /** Actions.getPageUrls (flat) for one day or a date=A,B range (keyed by day), paged like Matomo. */
    static void answer(Map<String, String> p, StringBuilder out) {
        if (!"Actions.getPageUrls".equals(p.get("method"))) {
            out.append("{\"result\":\"error\",\"message\":\"The method '").append(p.get("method"))
                    .append("' does not exist or is not available in the module.\"}");
            return;
        }
        int limit = Integer.parseInt(p.getOrDefault("filter_limit", "100"));
        int offset = Integer.parseInt(p.getOrDefault("filter_offset", "0"));
        String date = p.get("date");
        if (!date.contains(",")) {
            day(LocalDate.parse(date), limit, offset, out);
            return;
        }
        String[] ends = date.split(",");
        out.append('{');
        boolean first = true;
        for (LocalDate d = LocalDate.parse(ends[0]); !d.isAfter(LocalDate.parse(ends[1])); d = d.plusDays(1)) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append('"').append(d).append("\":");
            day(d, limit, offset, out);
        }
        out.append('}');
    }

    static void day(LocalDate d, int limit, int offset, StringBuilder out) {
        out.append('[');
        int end = limit < 0 ? PAGES : Math.min(PAGES, offset + limit);
        long seed = d.toEpochDay();
        for (int i = offset; i < end; i++) {
            if (i > offset) {
                out.append(',');
            }
            // rows sorted by visits, descending, as Matomo sorts them
            long visits = Math.max(1, (PAGES - i) / 4 + (seed * 31 + i) % 5);
            long hits = visits + (seed + i) % 7;
            long entries = visits / 2;
            long bounces = entries / 3;
            out.append("{\"label\":\"/page-").append(i).append("\",\"nb_visits\":").append(visits)
                    .append(",\"nb_uniq_visitors\":").append(visits).append(",\"nb_hits\":").append(hits)
                    .append(",\"sum_time_spent\":").append(hits * 37).append(",\"entry_nb_visits\":").append(entries)
                    .append(",\"entry_bounce_count\":").append(bounces)
                    .append(",\"avg_time_on_page\":37,\"bounce_rate\":0.33,\"exit_rate\":0.2")
                    .append(",\"url\":\"https://bench.example/page-").append(i).append("\"}");
        }
        out.append(']');
    }

    static Map<String, String> decode(String q) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    static final class Context implements PluginContext {
        public ProjectKey project() { return ProjectKey.of("default", "bench"); }
        public HttpSettings http() { return HttpSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(300)); }
        public Clock clock() { return Clock.systemUTC(); }
        public UsageMeter usage() { return UsageMeter.NONE; }
        public Logger logger(Class<?> type) { return NOPLogger.NOP_LOGGER; }
        public BlobStore blobs() { return new InMemoryBlobStore(); }
        public Optional<MetricConnector> connectorWith(ConnectorCapability capability) { return Optional.empty(); }
    }
}
