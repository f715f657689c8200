import io.sitelens.collector.Collector;
import io.sitelens.collector.CollectorSite;
import io.sitelens.collector.IngestResult;
import io.sitelens.collector.Tracker;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.storage.jdbc.JdbcStorage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * BATCHES tracker batches of EVENTS_PER_BATCH events from VISITORS addresses and 8 user agents (the Yauaa cache is
 * warmed by a first pass into a throw-away memory store) through Collector.ingest with THREADS threads, per store;
 * then the very rows the collector stored, inserted with a plain JDBC batch INSERT into the same table of a fresh
 * store (batches of 1,000 rows, one commit each; and batches of EVENTS_PER_BATCH rows with one commit each, which
 * is the collector's unit of work).
 */
public final class CollectorBenchmark {
    static final int BATCHES = 5_000;
    static final int EVENTS_PER_BATCH = 20;
    static final int VISITORS = 2_000;
    static final int THREADS = 2;
    static final ProjectKey P = ProjectKey.of("bench", "shop");
    static final String PG_URL = System.getenv().getOrDefault(
            "SITELENS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String[] UAS = {
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
    };

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        System.out.printf(
                "collector benchmark: %,d batches x %d events, %,d addresses, %d threads, %d cores, load %.1f, java %s%n",
                BATCHES, EVENTS_PER_BATCH, VISITORS, THREADS, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        trackerSize();
        Path tmp = Files.createTempDirectory("sitelens-collector-bench");
        ingest("warm-up (memory)", new InMemoryStorageAdapter(), null);
        if (which.equals("all") || which.equals("memory")) {
            ingest("memory", new InMemoryStorageAdapter(), null);
        }
        if (which.equals("all") || which.equals("h2")) {
            Path dir = tmp.resolve("h2");
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("sitelens") + ";AUTO_SERVER=TRUE;USER=sitelens";
            List<BehaviourEvent> rows = ingest("h2", JdbcStorage.embedded(dir), null);
            Path rawDir = tmp.resolve("h2-raw");
            JdbcStorage.embedded(rawDir).close();
            raw("h2", "jdbc:h2:file:" + rawDir.toAbsolutePath().resolve("sitelens") + ";USER=sitelens", rows);
        }
        if (which.equals("all") || which.equals("postgres")) {
            String url = schema();
            List<BehaviourEvent> rows = ingest("postgresql", JdbcStorage.postgres(url, null, tmp.resolve("pg-blobs")), null);
            String rawUrl = schema();
            JdbcStorage.postgres(rawUrl, null, tmp.resolve("pg-blobs2")).close();
            raw("postgresql", rawUrl, rows);
        }
    }

    static void trackerSize() throws Exception {
        byte[] min = Tracker.minified();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(min);
        }
        int g = out.size();
        System.out.printf(
                "tracker: sitelens.min.js %,d bytes, %,d gzipped; Umami 2.2 KB (x%.2f), Plausible 2.7 KB (x%.2f)%n",
                min.length, g, g / 2200.0, g / 2700.0);
    }

    static String schema() throws Exception {
        String schema = "sitelens_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(PG_URL); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static List<byte[]> batches(long now) {
        List<byte[]> out = new ArrayList<>(BATCHES);
        for (int b = 0; b < BATCHES; b++) {
            StringBuilder e = new StringBuilder();
            long t = now - 5_000;
            for (int i = 0; i < EVENTS_PER_BATCH; i++) {
                if (i > 0) {
                    e.append(',');
                }
                long at = t + i * 100L;
                switch (i % 5) {
                    case 0 -> e.append("{\"k\":\"pv\",\"t\":").append(at).append('}');
                    case 1, 2 -> e.append("{\"k\":\"c\",\"t\":").append(at).append(",\"x\":").append(100 + i * 7)
                            .append(",\"y\":").append(200 + b % 900).append(",\"q\":\"main>section:nth-of-type(")
                            .append(i % 4 + 1).append(")>a\"}");
                    case 3 -> e.append("{\"k\":\"s\",\"t\":").append(at).append(",\"d\":0.").append(b % 9 + 1).append('}');
                    default -> e.append("{\"k\":\"en\",\"t\":").append(at).append(",\"d\":").append(1000 + b % 5000).append('}');
                }
            }
            String json = "{\"v\":1,\"s\":\"shop\",\"t\":" + now + ",\"c\":{\"b\":1,\"g\":0,\"r\":0,\"n\":\"v1\"},"
                    + "\"p\":{\"u\":\"/page/" + (b % 200) + "\",\"r\":\"https://search.example/\",\"w\":1280,\"h\":800,"
                    + "\"sw\":1920,\"sh\":1080,\"z\":\"Europe/Paris\",\"l\":\"fr-FR\"},\"e\":[" + e + "]}";
            out.add(json.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    static List<BehaviourEvent> ingest(String name, StorageAdapter store, Object unused) throws Exception {
        store.projects().put(Project.builder(P, URI.create("https://www.example.org/")).build());
        List<byte[]> batches = batches(System.currentTimeMillis());
        InetAddress[] addresses = new InetAddress[VISITORS];
        for (int i = 0; i < VISITORS; i++) {
            addresses[i] = InetAddress.getByName("10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256));
        }
        try (Collector collector = Collector.builder()
                .storage(store)
                .site(CollectorSite.of("shop", P))
                .rateLimit(1_000_000, 1_000_000)
                .build()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger stored = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                        IngestResult r = collector.ingest(
                                batches.get(i), Map.of("User-Agent", UAS[i % UAS.length]), addresses[i % VISITORS]);
                        if (r.status() != 204) {
                            throw new IllegalStateException(r.toString());
                        }
                        stored.addAndGet(r.stored());
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf("%-18s Collector.ingest: %,d events in %.2f s = %,.0f events/s (%,.0f batches/s)%n",
                    name, stored.get(), secs, stored.get() / secs, batches.size() / secs);
            List<BehaviourEvent> rows = store.behaviour().events(P, Instant.EPOCH, Instant.now().plusSeconds(3600), 1_000_000);
            store.close();
            return rows;
        }
    }

    static void raw(String name, String url, List<BehaviourEvent> rows) throws Exception {
        for (int batch : new int[] {1_000, EVENTS_PER_BATCH}) {
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM behaviour_events");
                }
                c.commit();
                long start = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO behaviour_events (tenant_id, project_id,"
                        + " occurred_at, session_id, visitor_id, cookie_id, event_kind, page, css_selector, form_id,"
                        + " pos_x, pos_y, viewport_w, viewport_h, event_value)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int n = 0;
                    for (BehaviourEvent e : rows) {
                        ps.setString(1, P.tenant().value());
                        ps.setString(2, P.project().value());
                        ps.setObject(3, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                        ps.setString(4, e.sessionId());
                        ps.setString(5, e.visitorId());
                        ps.setString(6, e.cookieId());
                        ps.setString(7, e.kind().name());
                        ps.setString(8, e.page());
                        ps.setString(9, e.selector());
                        ps.setString(10, e.formId());
                        ps.setInt(11, e.x());
                        ps.setInt(12, e.y());
                        ps.setInt(13, e.viewportWidth());
                        ps.setInt(14, e.viewportHeight());
                        ps.setDouble(15, e.value());
                        ps.addBatch();
                        if (++n % batch == 0) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("%-18s raw JDBC batch insert (%,d rows/commit, 1 thread): %,d rows in %.2f s = %,.0f rows/s%n",
                        name, batch, rows.size(), secs, rows.size() / secs);
            }
        }
    }
}
