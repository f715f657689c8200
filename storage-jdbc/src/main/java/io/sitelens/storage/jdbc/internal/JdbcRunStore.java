package io.sitelens.storage.jdbc.internal;

import static io.sitelens.storage.jdbc.internal.JdbcProjectStore.bindKey;
import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.RunRecord;
import io.sitelens.spi.storage.RunStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recorded runs, one row each, replaced by {@link #put} as the run progresses and ends. */
public final class JdbcRunStore implements RunStore {
    private static final String COLUMNS =
            "run_id, run_kind, requested_by, started_at, finished_at, run_status, outcomes_json, usage_json";

    private final Database db;
    private final String upsert;

    public JdbcRunStore(Database db) {
        this.db = db;
        this.upsert = db.dialect()
                .upsert(
                        "run_records",
                        List.of(
                                "tenant_id",
                                "project_id",
                                "run_id",
                                "run_kind",
                                "requested_by",
                                "started_at",
                                "finished_at",
                                "run_status",
                                "outcomes_json",
                                "usage_json"),
                        List.of("tenant_id", "project_id", "run_id"));
    }

    @Override
    public void put(RunRecord run) {
        requireNonNull(run, "run");
        db.transaction(
                "record run " + run.id() + " of " + run.project(), Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
                    try (PreparedStatement ps = c.prepareStatement(upsert)) {
                        bindKey(ps, run.project());
                        ps.setString(3, run.id());
                        ps.setString(4, run.kind().name());
                        ps.setString(5, run.requestedBy());
                        Columns.setInstant(ps, 6, run.startedAt());
                        Columns.setInstant(ps, 7, run.finishedAt());
                        ps.setString(8, run.status().name());
                        ps.setString(9, RunJson.ofOutcomes(run.outcomes()));
                        ps.setString(10, RunJson.ofUsage(run.usage()));
                        return ps.executeUpdate();
                    }
                });
    }

    @Override
    public Optional<RunRecord> find(ProjectKey project, String runId) {
        requireNonNull(project, "project");
        requireNonNull(runId, "runId");
        return db.transaction("read run " + runId + " of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM run_records"
                    + " WHERE tenant_id = ? AND project_id = ? AND run_id = ?")) {
                bindKey(ps, project);
                ps.setString(3, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(project, rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<RunRecord> list(ProjectKey project, int limit) {
        requireNonNull(project, "project");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return db.transaction("list runs of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM run_records"
                    + " WHERE tenant_id = ? AND project_id = ? ORDER BY started_at DESC, run_id DESC LIMIT ?")) {
                bindKey(ps, project);
                ps.setInt(3, limit);
                List<RunRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(project, rs));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    private static RunRecord read(ProjectKey project, ResultSet rs) throws SQLException {
        return new RunRecord(
                rs.getString("run_id"),
                project,
                RunRecord.Kind.valueOf(rs.getString("run_kind")),
                rs.getString("requested_by"),
                requireNonNull(Columns.instant(rs, "started_at")),
                Columns.instant(rs, "finished_at"),
                RunRecord.Status.valueOf(rs.getString("run_status")),
                RunJson.toOutcomes(rs.getString("outcomes_json")),
                RunJson.toUsage(rs.getString("usage_json")));
    }
}
