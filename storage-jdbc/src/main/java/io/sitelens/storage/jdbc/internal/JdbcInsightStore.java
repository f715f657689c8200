package io.sitelens.storage.jdbc.internal;

import static io.sitelens.storage.jdbc.internal.JdbcProjectStore.bindKey;
import static java.util.Objects.requireNonNull;

import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Insight;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.InsightStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The current ranked insights of a project, replaced as a whole in one transaction. */
public final class JdbcInsightStore implements InsightStore {
    private final Database db;

    public JdbcInsightStore(Database db) {
        this.db = db;
    }

    @Override
    public void replace(ProjectKey project, List<Insight> insights, Instant computedAt) {
        requireNonNull(project, "project");
        requireNonNull(computedAt, "computedAt");
        List<Insight> sorted = new ArrayList<>(List.copyOf(insights));
        sorted.sort(Comparator.comparingDouble(Insight::score).reversed().thenComparing(Insight::dedupKey));
        db.transaction("replace the insights of " + project, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM insights WHERE tenant_id = ? AND project_id = ?")) {
                bindKey(ps, project);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO insights (tenant_id, project_id, rank_index,"
                    + " insight_type, score, entity_kind, entity_id, period_start, period_end, evidence_json,"
                    + " explanation, suggested_action, provider_id, computed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int rank = 0;
                for (Insight i : sorted) {
                    bindKey(ps, project);
                    ps.setInt(3, rank++);
                    ps.setString(4, i.type());
                    ps.setDouble(5, i.score());
                    ps.setString(6, i.entity().kind().name());
                    ps.setString(7, i.entity().id());
                    ps.setObject(8, i.period().start());
                    ps.setObject(9, i.period().end());
                    ps.setString(10, EvidenceJson.ofList(i.evidence()));
                    ps.setString(11, i.explanation());
                    ps.setString(12, i.suggestedAction());
                    ps.setString(13, i.providerId());
                    Columns.setInstant(ps, 14, computedAt);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Insight> list(ProjectKey project) {
        requireNonNull(project, "project");
        return db.transaction("list the insights of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT insight_type, score, entity_kind, entity_id,"
                    + " period_start, period_end, evidence_json, explanation, suggested_action, provider_id"
                    + " FROM insights WHERE tenant_id = ? AND project_id = ? ORDER BY rank_index")) {
                bindKey(ps, project);
                List<Insight> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Insight(
                                rs.getString(1),
                                rs.getDouble(2),
                                new EntityRef(EntityRef.Kind.valueOf(rs.getString(3)), rs.getString(4)),
                                DateRange.of(rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)),
                                EvidenceJson.toList(rs.getString(7)),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10)));
                    }
                }
                return List.copyOf(out);
            }
        });
    }
}
