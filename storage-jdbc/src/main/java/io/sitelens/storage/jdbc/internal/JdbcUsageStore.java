package io.sitelens.storage.jdbc.internal;

import static io.sitelens.storage.jdbc.internal.JdbcProjectStore.bindKey;
import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageKind;
import io.sitelens.model.UsageRecord;
import io.sitelens.model.UsageSummary;
import io.sitelens.spi.storage.UsageStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Usage records, appended in one transaction per call and totalled per provider and kind. */
public final class JdbcUsageStore implements UsageStore {
    private final Database db;

    public JdbcUsageStore(Database db) {
        this.db = db;
    }

    @Override
    public void record(Collection<UsageRecord> records) {
        List<UsageRecord> copy = List.copyOf(records);
        if (copy.isEmpty()) {
            return;
        }
        db.transaction("record " + copy.size() + " usage records", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO usage_records"
                            + " (tenant_id, project_id, provider_id, usage_kind, amount, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (UsageRecord r : copy) {
                    bindKey(ps, r.project());
                    ps.setString(3, r.providerId());
                    ps.setString(4, r.kind().name());
                    ps.setLong(5, r.amount());
                    Columns.setInstant(ps, 6, r.at());
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
    public UsageSummary summarize(ProjectKey project, Instant from, Instant to) {
        requireNonNull(project, "project");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        return db.transaction("summarize usage of " + project, c -> {
            Map<String, Map<UsageKind, Long>> totals = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT provider_id, usage_kind, SUM(amount)"
                    + " FROM usage_records WHERE tenant_id = ? AND project_id = ? AND recorded_at >= ? AND recorded_at < ?"
                    + " GROUP BY provider_id, usage_kind")) {
                bindKey(ps, project);
                Columns.setInstant(ps, 3, from);
                Columns.setInstant(ps, 4, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        totals.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(UsageKind.class))
                                .put(UsageKind.valueOf(rs.getString(2)), rs.getLong(3));
                    }
                }
            }
            Map<String, Map<UsageKind, Long>> frozen = new TreeMap<>();
            totals.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
            return new UsageSummary(project, from, to, frozen);
        });
    }
}
