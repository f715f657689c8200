package io.sitelens.storage.jdbc.internal;

import static io.sitelens.storage.jdbc.internal.JdbcProjectStore.bindKey;
import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.SyncState;
import io.sitelens.spi.storage.SyncStateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Where each (source, stream) of a project's sync stands; one row each, replaced by {@link #put}. */
public final class JdbcSyncStateStore implements SyncStateStore {
    private static final String COLUMNS = "source_id, stream_name, settled_through, resume_cursor, updated_at";
    private final Database db;
    private final String upsert;

    public JdbcSyncStateStore(Database db) {
        this.db = db;
        this.upsert = db.dialect()
                .upsert(
                        "sync_states",
                        List.of(
                                "tenant_id",
                                "project_id",
                                "source_id",
                                "stream_name",
                                "settled_through",
                                "resume_cursor",
                                "updated_at"),
                        List.of("tenant_id", "project_id", "source_id", "stream_name"));
    }

    @Override
    public Optional<SyncState> find(ProjectKey project, String source, String stream) {
        requireNonNull(project, "project");
        return db.transaction("read sync state of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sync_states"
                    + " WHERE tenant_id = ? AND project_id = ? AND source_id = ? AND stream_name = ?")) {
                bindKey(ps, project);
                ps.setString(3, source);
                ps.setString(4, stream);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(ProjectKey project, SyncState state) {
        requireNonNull(project, "project");
        requireNonNull(state, "state");
        db.transaction("save sync state of " + project, Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                bindKey(ps, project);
                ps.setString(3, state.source());
                ps.setString(4, state.stream());
                Columns.setDate(ps, 5, state.settledThrough());
                Columns.setString(ps, 6, state.cursor());
                Columns.setInstant(ps, 7, state.updatedAt());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<SyncState> list(ProjectKey project) {
        requireNonNull(project, "project");
        return db.transaction("list sync states of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM sync_states WHERE tenant_id = ? AND project_id = ?")) {
                bindKey(ps, project);
                List<SyncState> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                out.sort(Comparator.comparing(SyncState::source).thenComparing(SyncState::stream));
                return List.copyOf(out);
            }
        });
    }

    private static SyncState read(ResultSet rs) throws SQLException {
        return new SyncState(
                rs.getString("source_id"),
                rs.getString("stream_name"),
                Columns.date(rs, "settled_through"),
                rs.getString("resume_cursor"),
                requireNonNull(Columns.instant(rs, "updated_at")));
    }
}
