import io.sitelens.model.DateRange;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.ProjectKey;
import io.sitelens.storage.jdbc.JdbcStorage;
import io.sitelens.storage.jdbc.JdbcStorageAdapter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * 1,000,000 metric points (10,000 pages x 100 days) written through JdbcStorageAdapter.metrics().upsert (calls
 * of 10,000 points: 100 pages x 100 days) and, in the same run, the same rows into the same schema with a plain
 * JDBC batch INSERT (series rows with client-chosen ids, points in batches of 1,000, a commit per 10,000) and,
 * on PostgreSQL, COPY; then reads of one page's
 * year (365 daily points) through the adapter. Each variant writes into its own empty database/schema.
 */
public final class StorageBenchmark {
    static final int PAGES = 10_000;
    static final int DAYS = 100;
    static final int PAGES_PER_CALL = 100;
    static final LocalDate D0 = LocalDate.of(2025, 1, 1);
    static final ProjectKey P = ProjectKey.of("bench", "site");
    static final String PG_URL = System.getenv().getOrDefault(
            "SITELENS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        System.out.printf("storage benchmark: %,d points (%,d pages x %d days), %d cores, load average %.1f, java %s%n",
                PAGES * DAYS, PAGES, DAYS, Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage(),
                System.getProperty("java.version"));
        Path tmp = Files.createTempDirectory("sitelens-bench");
        if (which.equals("all") || which.equals("h2")) {
            h2(tmp);
        }
        if (which.equals("all") || which.equals("postgres")) {
            postgres(tmp);
        }
    }

    // ---- H2 ----

    static void h2(Path tmp) throws Exception {
        System.out.println("\n== H2 (embedded file, AUTO_SERVER) ==");
        warmUp(() -> JdbcStorage.embedded(tmp.resolve("h2-warm-" + UUID.randomUUID())));
        Path rawWarm = tmp.resolve("h2-raw-warm");
        JdbcStorage.embedded(rawWarm).close();
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + rawWarm.toAbsolutePath().resolve("sitelens") + ";AUTO_SERVER=TRUE", "sitelens", "")) {
            rawBatchInsert(c); // warm-up of the raw path: same work, thrown away
        }
        Path rawDir = tmp.resolve("h2-raw");
        JdbcStorage.embedded(rawDir).close(); // creates the schema
        double raw;
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + rawDir.toAbsolutePath().resolve("sitelens") + ";AUTO_SERVER=TRUE", "sitelens", "")) {
            cpuSince();
            raw = rawBatchInsert(c);
        }
        double rawCpu = cpuSince();
        System.out.printf("raw JDBC batch INSERT      %8.2f s  %,10.0f points/s  JVM CPU %.2f s%n", raw, PAGES * DAYS / raw, rawCpu);
        try (JdbcStorageAdapter store = JdbcStorage.embedded(tmp.resolve("h2-adapter"))) {
            cpuSince();
            double adapter = adapterUpsert(store);
            double adapterCpu = cpuSince();
            System.out.printf("adapter upsert (new rows)  %8.2f s  %,10.0f points/s  JVM CPU %.2f s  ratio to raw: wall %.2fx, CPU %.2fx%n",
                    adapter, PAGES * DAYS / adapter, adapterCpu, adapter / raw, adapterCpu / rawCpu);
            double again = adapterUpsert(store);
            double againCpu = cpuSince();
            System.out.printf("adapter upsert (re-sync)   %8.2f s  %,10.0f points/s  JVM CPU %.2f s  ratio to raw: wall %.2fx, CPU %.2fx%n",
                    again, PAGES * DAYS / again, againCpu, again / raw, againCpu / rawCpu);
            reads(store);
        }
    }

    // ---- PostgreSQL ----

    static void postgres(Path tmp) throws Exception {
        System.out.println("\n== PostgreSQL (" + PG_URL.replaceAll("\\?.*", "") + ") ==");
        try (Connection c = DriverManager.getConnection(PG_URL)) {
            System.out.println(c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion());
        }
        List<String> schemas = new ArrayList<>();
        try {
            warmUp(() -> JdbcStorage.postgres(schemaUrl(schemas), null, tmp.resolve("pg-blobs")));
            String rawUrl = schemaUrl(schemas);
            JdbcStorage.postgres(rawUrl, null, tmp.resolve("pg-blobs")).close();
            double raw;
            try (Connection c = DriverManager.getConnection(rawUrl + "&reWriteBatchedInserts=true")) {
                raw = rawBatchInsert(c);
            }
            System.out.printf("raw JDBC batch INSERT      %8.2f s  %,10.0f points/s  (reWriteBatchedInserts=true)%n",
                    raw, PAGES * DAYS / raw);
            String copyUrl = schemaUrl(schemas);
            JdbcStorage.postgres(copyUrl, null, tmp.resolve("pg-blobs")).close();
            double copy;
            try (Connection c = DriverManager.getConnection(copyUrl)) {
                copy = copyInsert(c);
            }
            System.out.printf("COPY (CopyManager)         %8.2f s  %,10.0f points/s%n", copy, PAGES * DAYS / copy);
            try (JdbcStorageAdapter store = JdbcStorage.postgres(schemaUrl(schemas), null, tmp.resolve("pg-blobs"))) {
                double adapter = adapterUpsert(store);
                System.out.printf("adapter upsert (new rows)  %8.2f s  %,10.0f points/s  ratio to raw %.2fx, to COPY %.2fx%n",
                        adapter, PAGES * DAYS / adapter, adapter / raw, adapter / copy);
                double again = adapterUpsert(store);
                System.out.printf("adapter upsert (re-sync)   %8.2f s  %,10.0f points/s  ratio to raw %.2fx%n",
                        again, PAGES * DAYS / again, again / raw);
                reads(store);
            }
        } finally {
            try (Connection c = DriverManager.getConnection(PG_URL); Statement st = c.createStatement()) {
                for (String s : schemas) {
                    st.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
                }
            }
        }
    }

    static String schemaUrl(List<String> schemas) throws Exception {
        String schema = "sitelens_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG_URL); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    // ---- the variants ----

    interface Opener {
        JdbcStorageAdapter open() throws Exception;
    }

    /** 100,000 points through the adapter on a throwaway store, so the JIT has compiled the paths measured. */
    static void warmUp(Opener opener) throws Exception {
        try (JdbcStorageAdapter s = opener.open()) {
            for (int call = 0; call < 10; call++) {
                s.metrics().upsert(P, chunk(call * PAGES_PER_CALL));
            }
        }
    }

    static List<MetricPoint> chunk(int firstPage) {
        List<MetricPoint> pts = new ArrayList<>(PAGES_PER_CALL * DAYS);
        for (int p = firstPage; p < firstPage + PAGES_PER_CALL; p++) {
            String key = "page=/section-" + (p % 50) + "/article-" + p;
            for (int d = 0; d < DAYS; d++) {
                pts.add(new MetricPoint("ga4", MetricName.PAGE_VIEWS, key, D0.plusDays(d), (p * 31 + d) % 997));
            }
        }
        return pts;
    }

    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** CPU seconds this JVM spent since the last call (H2 runs in this JVM; PostgreSQL's work is not in it). */
    static double cpuSince() {
        long now = OS.getProcessCpuTime();
        double d = (now - lastCpu) / 1e9;
        lastCpu = now;
        return d;
    }

    static long lastCpu;

    static double adapterUpsert(JdbcStorageAdapter store) {
        long t0 = System.nanoTime();
        for (int first = 0; first < PAGES; first += PAGES_PER_CALL) {
            store.metrics().upsert(P, chunk(first));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The same rows, plain INSERTs in JDBC batches of 1,000, a commit per 10,000 rows: the baseline. */
    static double rawBatchInsert(Connection c) throws Exception {
        c.setAutoCommit(false);
        long t0 = System.nanoTime();
        long[] ids = new long[PAGES];
        try (PreparedStatement s = c.prepareStatement("INSERT INTO metric_series (series_id, tenant_id, project_id,"
                + " series_hash, source_id, metric_name, metric_type, dimension_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < PAGES; p++) {
                String key = "page=/section-" + (p % 50) + "/article-" + p;
                ids[p] = p + 1; // ids chosen by the client: the cheapest way to insert parent rows in batches
                s.setLong(1, ids[p]);
                s.setString(2, "bench");
                s.setString(3, "site");
                s.setString(4, hash("ga4", "page_views", key));
                s.setString(5, "ga4");
                s.setString(6, "page_views");
                s.setString(7, "COUNT");
                s.setString(8, key);
                s.addBatch();
                if ((p + 1) % 1000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        c.commit();
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO metric_points (series_id, point_day, point_value) VALUES (?, ?, ?)")) {
            int n = 0;
            for (int p = 0; p < PAGES; p++) {
                for (int d = 0; d < DAYS; d++) {
                    ps.setLong(1, ids[p]);
                    ps.setObject(2, D0.plusDays(d));
                    ps.setDouble(3, (p * 31 + d) % 997);
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                    if (n % 10_000 == 0) {
                        c.commit();
                    }
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** PostgreSQL COPY of the series, then of the points (one COPY per 100 pages), through CopyManager. */
    static double copyInsert(Connection c) throws Exception {
        CopyManager copy = c.unwrap(BaseConnection.class).getCopyAPI();
        long t0 = System.nanoTime();
        StringBuilder series = new StringBuilder();
        for (int p = 0; p < PAGES; p++) {
            String key = "page=/section-" + (p % 50) + "/article-" + p;
            series.append(p + 1).append(",bench,site,").append(hash("ga4", "page_views", key))
                    .append(",ga4,page_views,COUNT,").append(key).append('\n');
        }
        copy.copyIn("COPY metric_series (series_id, tenant_id, project_id, series_hash, source_id, metric_name,"
                + " metric_type, dimension_key) FROM STDIN (FORMAT csv)", new StringReader(series.toString()));
        for (int first = 0; first < PAGES; first += PAGES_PER_CALL) {
            StringBuilder sb = new StringBuilder();
            for (int p = first; p < first + PAGES_PER_CALL; p++) {
                for (int d = 0; d < DAYS; d++) {
                    sb.append(p + 1).append(',').append(D0.plusDays(d)).append(',')
                            .append((double) ((p * 31 + d) % 997)).append('\n');
                }
            }
            copy.copyIn("COPY metric_points (series_id, point_day, point_value) FROM STDIN (FORMAT csv)",
                    new StringReader(sb.toString()));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * One page's year: 100 pages with 365 daily points each are written, then read in rotation (so no database
     * can answer from the result of the identical previous query), 500 warm-up reads, then 2,000 timed.
     */
    static void reads(JdbcStorageAdapter store) {
        int yearPages = 100;
        for (int p = 0; p < yearPages; p++) {
            List<MetricPoint> year = new ArrayList<>();
            for (int d = 0; d < 365; d++) {
                year.add(new MetricPoint("ga4", MetricName.PAGE_VIEWS, "page=/year/" + p, D0.plusDays(d), d + p));
            }
            store.metrics().upsert(P, year);
        }
        DateRange range = DateRange.of(D0, D0.plusDays(364));
        for (int i = 0; i < 500; i++) {
            store.metrics().series(P, "ga4", MetricName.PAGE_VIEWS, "page=/year/" + (i % yearPages), range);
        }
        int n = 2000;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            String key = "page=/year/" + ((i * 37) % yearPages);
            long t0 = System.nanoTime();
            int got = store.metrics().series(P, "ga4", MetricName.PAGE_VIEWS, key, range).size();
            t[i] = System.nanoTime() - t0;
            if (got != 365) {
                throw new IllegalStateException("read " + got + " points, expected 365");
            }
        }
        Arrays.sort(t);
        System.out.printf("read one page's year (365 points): median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms"
                        + " (%d reads over %d pages)%n",
                t[n / 2] / 1e6, t[n * 9 / 10] / 1e6, t[n * 99 / 100] / 1e6, t[n - 1] / 1e6, n, yearPages);
        // pages from the 1,000,000 (100 days each), read over a whole year's range
        long t0 = System.nanoTime();
        int got = 0;
        for (int i = 0; i < 200; i++) {
            int p = (i * 53) % PAGES;
            got = store.metrics()
                    .series(P, "ga4", MetricName.PAGE_VIEWS, "page=/section-" + (p % 50) + "/article-" + p, range)
                    .size();
        }
        System.out.printf("read a bulk page over a year's range (%d points): mean %.2f ms (200 pages)%n",
                got, (System.nanoTime() - t0) / 200 / 1e6);
    }

    static String hash(String... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                md.update((byte) 0);
            }
            md.update(parts[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
