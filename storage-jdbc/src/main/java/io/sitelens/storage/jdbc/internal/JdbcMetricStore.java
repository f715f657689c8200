package io.sitelens.storage.jdbc.internal;

import static io.sitelens.storage.jdbc.internal.JdbcProjectStore.bindKey;
import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DateRange;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.ValueType;
import io.sitelens.spi.storage.MetricStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Daily metric values in two tables: {@code metric_series} (one tenant-scoped row per source, metric and
 * dimension key) and {@code metric_points} (series id, day, value). An upsert resolves the series of the batch
 * (one lookup per 100 series, insert-if-absent for the missing ones), then writes the points in JDBC batches of
 * {@value #BATCH}, in key order so that concurrent writers lock rows in the same order (no deadlocks), all in
 * one transaction: plain INSERTs for series this transaction created (a first sync loads at raw speed),
 * upserts that leave unchanged values alone for the others.
 */
public final class JdbcMetricStore implements MetricStore {
    static final int BATCH = 1000;
    private static final int LOOKUP = 100;

    private record SeriesKey(String source, MetricName metric, String dimensionKey) {
        String hash() {
            return Columns.hash(source, metric.name(), dimensionKey);
        }
    }

    private static final String INSERT_POINT =
            "INSERT INTO metric_points (series_id, point_day, point_value) VALUES (?, ?, ?)";

    private final Database db;
    private final String upsertSeries;
    private final String upsertPoint;

    public JdbcMetricStore(Database db) {
        this.db = db;
        this.upsertSeries = db.dialect()
                .insertIfAbsent(
                        "metric_series",
                        List.of(
                                "tenant_id",
                                "project_id",
                                "series_hash",
                                "source_id",
                                "metric_name",
                                "metric_type",
                                "dimension_key"),
                        List.of("tenant_id", "project_id", "series_hash"));
        this.upsertPoint = upsertPointSql(db.dialect());
    }

    /**
     * Inserts a point or replaces its value, and leaves a row whose value is unchanged alone: a re-sync mostly
     * brings the values already stored, and not rewriting them spares the table and its log (PostgreSQL would
     * otherwise leave a dead row version behind for every point of every re-sync).
     */
    static String upsertPointSql(Dialect dialect) {
        return switch (dialect) {
            case H2 ->
                "MERGE INTO metric_points t USING (VALUES (CAST(? AS BIGINT), CAST(? AS DATE),"
                        + " CAST(? AS DOUBLE PRECISION))) AS s (series_id, point_day, point_value)"
                        + " ON t.series_id = s.series_id AND t.point_day = s.point_day"
                        + " WHEN MATCHED AND t.point_value <> s.point_value THEN UPDATE SET point_value = s.point_value"
                        + " WHEN NOT MATCHED THEN INSERT (series_id, point_day, point_value)"
                        + " VALUES (s.series_id, s.point_day, s.point_value)";
            case POSTGRESQL ->
                "INSERT INTO metric_points (series_id, point_day, point_value) VALUES (?, ?, ?)"
                        + " ON CONFLICT (series_id, point_day) DO UPDATE SET point_value = EXCLUDED.point_value"
                        + " WHERE metric_points.point_value <> EXCLUDED.point_value";
        };
    }

    @Override
    public int upsert(ProjectKey project, Collection<MetricPoint> points) {
        requireNonNull(project, "project");
        List<MetricPoint> copy = List.copyOf(points);
        // Validate everything before anything is written; the last value of a repeated key wins.
        Map<String, SeriesKey> seriesByHash = new HashMap<>();
        Map<String, TreeMap<LocalDate, Double>> values = new TreeMap<>();
        Map<SeriesKey, String> hashes = new HashMap<>();
        for (MetricPoint p : copy) {
            if (!Double.isFinite(p.value())) {
                throw new SitelensException(
                        ErrorCode.INVALID_INPUT,
                        "storage: metric value must be finite: " + p.source() + " " + p.metric() + " '"
                                + abbreviate(p.dimensionKey()) + "' on " + p.day() + " is " + p.value()
                                + "; nothing of the batch of " + copy.size() + " points was written");
            }
            SeriesKey k = new SeriesKey(p.source(), p.metric(), p.dimensionKey());
            String h = hashes.computeIfAbsent(k, SeriesKey::hash);
            seriesByHash.putIfAbsent(h, k);
            values.computeIfAbsent(h, x -> new TreeMap<>()).put(p.day(), p.value());
        }
        if (copy.isEmpty()) {
            return 0;
        }
        db.transaction(
                "upsert " + copy.size() + " metric points of " + project,
                Database.Retry.TRANSIENT_AND_UPSERT_RACE,
                c -> {
                    Set<String> created = new HashSet<>();
                    Map<String, Long> ids = resolveSeries(c, project, seriesByHash, created);
                    List<Map.Entry<Long, TreeMap<LocalDate, Double>>> existing = new ArrayList<>();
                    List<Map.Entry<Long, TreeMap<LocalDate, Double>>> fresh = new ArrayList<>();
                    values.forEach(
                            (h, days) -> (created.contains(h) ? fresh : existing).add(Map.entry(ids.get(h), days)));
                    writePoints(c, upsertPoint, existing);
                    // A series this transaction created has no points yet: plain INSERTs, as fast as a raw load.
                    // Should a concurrent writer have created it first, a duplicate key rolls back and retries.
                    writePoints(c, INSERT_POINT, fresh);
                    return null;
                });
        return copy.size();
    }

    /** Writes the points of each series in JDBC batches, ordered by series id then day (one lock order). */
    private static void writePoints(Connection c, String sql, List<Map.Entry<Long, TreeMap<LocalDate, Double>>> series)
            throws SQLException {
        if (series.isEmpty()) {
            return;
        }
        series.sort(Map.Entry.comparingByKey());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (Map.Entry<Long, TreeMap<LocalDate, Double>> s : series) {
                for (Map.Entry<LocalDate, Double> d : s.getValue().entrySet()) {
                    ps.setLong(1, s.getKey());
                    ps.setObject(2, d.getKey());
                    ps.setDouble(3, d.getValue());
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * Reads the id of every series of the batch, inserting the missing series rows; the hashes of the series
     * that were missing go to {@code created}.
     */
    private Map<String, Long> resolveSeries(
            Connection c, ProjectKey project, Map<String, SeriesKey> seriesByHash, Set<String> created)
            throws SQLException {
        List<String> sorted = new ArrayList<>(seriesByHash.keySet());
        Collections.sort(sorted);
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < sorted.size(); from += LOOKUP) {
            lookup(c, project, sorted.subList(from, Math.min(sorted.size(), from + LOOKUP)), ids);
        }
        if (ids.size() == sorted.size()) {
            return ids;
        }
        sorted.stream().filter(h -> !ids.containsKey(h)).forEach(created::add);
        try (PreparedStatement ps = c.prepareStatement(upsertSeries)) {
            int pending = 0;
            for (String h : sorted) {
                if (ids.containsKey(h)) {
                    continue;
                }
                SeriesKey k = seriesByHash.get(h);
                bindKey(ps, project);
                ps.setString(3, h);
                ps.setString(4, k.source());
                ps.setString(5, k.metric().name());
                ps.setString(6, k.metric().type().name());
                ps.setString(7, k.dimensionKey());
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        List<String> missing = sorted.stream().filter(h -> !ids.containsKey(h)).toList();
        for (int from = 0; from < missing.size(); from += LOOKUP) {
            lookup(c, project, missing.subList(from, Math.min(missing.size(), from + LOOKUP)), ids);
        }
        if (ids.size() != sorted.size()) {
            throw new SQLException(
                    "metric series vanished while points were being written (project deleted?)", "40001");
        }
        return ids;
    }

    private static void lookup(Connection c, ProjectKey project, List<String> hashes, Map<String, Long> into)
            throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT series_hash, series_id FROM metric_series WHERE tenant_id = ? AND project_id = ? AND series_hash IN (");
        for (int i = 0; i < LOOKUP; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bindKey(ps, project);
            for (int i = 0; i < LOOKUP; i++) {
                // pad with the last hash: one statement text for every lookup
                ps.setString(3 + i, hashes.get(Math.min(i, hashes.size() - 1)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
    }

    @Override
    public List<MetricPoint> series(
            ProjectKey project, String source, MetricName metric, String dimensionKey, DateRange range) {
        requireNonNull(project, "project");
        requireNonNull(range, "range");
        String hash = new SeriesKey(source, metric, dimensionKey).hash();
        return db.read("read a metric series of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.point_day, p.point_value, s.metric_type"
                    + " FROM metric_series s JOIN metric_points p ON p.series_id = s.series_id"
                    + " WHERE s.tenant_id = ? AND s.project_id = ? AND s.series_hash = ?"
                    + " AND p.point_day BETWEEN ? AND ? ORDER BY p.point_day")) {
                bindKey(ps, project);
                ps.setString(3, hash);
                ps.setObject(4, range.start());
                ps.setObject(5, range.end());
                List<MetricPoint> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    MetricName stored = null;
                    while (rs.next()) {
                        if (stored == null) {
                            stored = new MetricName(metric.name(), ValueType.valueOf(rs.getString(3)));
                        }
                        out.add(new MetricPoint(
                                source, stored, dimensionKey, rs.getObject(1, LocalDate.class), rs.getDouble(2)));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public List<String> dimensionKeys(ProjectKey project, String source, MetricName metric, DateRange range) {
        requireNonNull(project, "project");
        return db.read("list dimension keys of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.dimension_key FROM metric_series s"
                    + " WHERE s.tenant_id = ? AND s.project_id = ? AND s.source_id = ? AND s.metric_name = ?"
                    + " AND EXISTS (SELECT 1 FROM metric_points p WHERE p.series_id = s.series_id"
                    + " AND p.point_day BETWEEN ? AND ?)")) {
                bindKey(ps, project);
                ps.setString(3, source);
                ps.setString(4, metric.name());
                ps.setObject(5, range.start());
                ps.setObject(6, range.end());
                TreeSet<String> keys = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
                return List.copyOf(keys);
            }
        });
    }

    @Override
    public List<String> sources(ProjectKey project) {
        requireNonNull(project, "project");
        return db.read("list metric sources of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT s.source_id FROM metric_series s"
                    + " WHERE s.tenant_id = ? AND s.project_id = ?"
                    + " AND EXISTS (SELECT 1 FROM metric_points p WHERE p.series_id = s.series_id)")) {
                bindKey(ps, project);
                TreeSet<String> sources = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sources.add(rs.getString(1));
                    }
                }
                return List.copyOf(sources);
            }
        });
    }

    @Override
    public long count(ProjectKey project) {
        requireNonNull(project, "project");
        return db.read("count metric points of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM metric_points p"
                            + " JOIN metric_series s ON p.series_id = s.series_id WHERE s.tenant_id = ? AND s.project_id = ?")) {
                bindKey(ps, project);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
