package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.crawl.RenderMetrics;
import io.sitelens.spi.storage.ScreenshotRecord;
import io.sitelens.spi.storage.ScreenshotStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Screenshot metadata, upserted on (run, SHA-256 of URL and viewport). A save checks, in its transaction, that
 * every run it names belongs to the caller's project; what the browser measured is kept as JSON text.
 */
public final class JdbcScreenshotStore implements ScreenshotStore {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final Database db;
    private final String upsert;

    public JdbcScreenshotStore(Database db) {
        this.db = db;
        this.upsert = db.dialect()
                .upsert(
                        "crawl_screenshots",
                        List.of(
                                "run_id",
                                "shot_hash",
                                "tenant_id",
                                "project_id",
                                "url",
                                "viewport",
                                "width",
                                "height",
                                "image_sha256",
                                "taken_at",
                                "metrics_json"),
                        List.of("run_id", "shot_hash"));
    }

    @Override
    public void save(ProjectKey project, Collection<ScreenshotRecord> records) {
        requireNonNull(project, "project");
        Map<String, ScreenshotRecord> rows = new LinkedHashMap<>();
        for (ScreenshotRecord r : List.copyOf(records)) {
            rows.put(String.format("%020d", r.crawlRunId()) + Columns.hash(r.url(), r.viewport()), r);
        }
        if (rows.isEmpty()) {
            return;
        }
        List<Map.Entry<String, ScreenshotRecord>> sorted = new ArrayList<>(rows.entrySet());
        sorted.sort(Map.Entry.comparingByKey()); // one lock order for concurrent writers
        TreeSet<Long> runs = new TreeSet<>();
        rows.values().forEach(r -> runs.add(r.crawlRunId()));
        db.transaction(
                "save " + rows.size() + " screenshots of " + project, Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT 1 FROM crawl_runs WHERE run_id = ? AND tenant_id = ? AND project_id = ?")) {
                        for (long run : runs) {
                            ps.setLong(1, run);
                            ps.setString(2, project.tenant().value());
                            ps.setString(3, project.project().value());
                            try (ResultSet rs = ps.executeQuery()) {
                                if (!rs.next()) {
                                    throw new SitelensException(
                                            ErrorCode.NOT_FOUND,
                                            "storage: no crawl run " + run + " in project " + project);
                                }
                            }
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(upsert)) {
                        int pending = 0;
                        for (Map.Entry<String, ScreenshotRecord> e : sorted) {
                            ScreenshotRecord r = e.getValue();
                            ps.setLong(1, r.crawlRunId());
                            ps.setString(2, e.getKey().substring(20));
                            ps.setString(3, project.tenant().value());
                            ps.setString(4, project.project().value());
                            ps.setString(5, r.url());
                            ps.setString(6, r.viewport());
                            ps.setInt(7, r.width());
                            ps.setInt(8, r.height());
                            ps.setString(9, r.sha256());
                            Columns.setInstant(ps, 10, r.takenAt());
                            ps.setString(11, write(r.metrics()));
                            ps.addBatch();
                            if (++pending == JdbcMetricStore.BATCH) {
                                ps.executeBatch();
                                pending = 0;
                            }
                        }
                        if (pending > 0) {
                            ps.executeBatch();
                        }
                    }
                    return null;
                });
    }

    @Override
    public List<ScreenshotRecord> list(ProjectKey project, long crawlRunId) {
        requireNonNull(project, "project");
        return db.read("list the screenshots of crawl run " + crawlRunId + " of " + project, c -> {
            List<ScreenshotRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT url, viewport, width, height, image_sha256,"
                    + " taken_at, metrics_json FROM crawl_screenshots"
                    + " WHERE run_id = ? AND tenant_id = ? AND project_id = ?")) {
                ps.setLong(1, crawlRunId);
                ps.setString(2, project.tenant().value());
                ps.setString(3, project.project().value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ScreenshotRecord(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                rs.getString(5),
                                requireNonNull(Columns.instant(rs, "taken_at")),
                                crawlRunId,
                                read(rs.getString(7))));
                    }
                }
            }
            out.sort(Comparator.comparing(ScreenshotRecord::url).thenComparing(ScreenshotRecord::viewport));
            return List.copyOf(out);
        });
    }

    private static String write(RenderMetrics m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("render metrics could not be written as JSON", e);
        }
    }

    private static RenderMetrics read(String json) {
        try {
            return JSON.readValue(json, RenderMetrics.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored render metrics are not valid JSON", e);
        }
    }
}
