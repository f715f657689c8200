package io.sitelens.storage.jdbc.internal;

import static io.sitelens.storage.jdbc.internal.JdbcProjectStore.bindKey;
import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.WorkItem;
import io.sitelens.spi.storage.WorkQueue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Work shared by workers in several processes. A claim selects pending or expired rows with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and leases them in the same transaction, so two workers never get
 * the same row and neither waits for the other's locks; an expired lease makes a row claimable again.
 */
public final class JdbcWorkQueue implements WorkQueue {
    private final Database db;
    private final String enqueue;

    public JdbcWorkQueue(Database db) {
        this.db = db;
        this.enqueue = db.dialect()
                .insertIfAbsent(
                        "work_items",
                        List.of("tenant_id", "project_id", "queue_name", "item_hash", "item", "done", "attempts"),
                        List.of("tenant_id", "project_id", "queue_name", "item_hash"));
    }

    @Override
    public int enqueue(ProjectKey project, String queue, Collection<String> items) {
        requireNonNull(project, "project");
        requireNonNull(queue, "queue");
        List<String> distinct = List.copyOf(new LinkedHashSet<>(List.copyOf(items)));
        if (distinct.isEmpty()) {
            return 0;
        }
        return db.transaction(
                "enqueue " + distinct.size() + " items on " + queue + " of " + project,
                Database.Retry.TRANSIENT_AND_UPSERT_RACE,
                c -> {
                    int added = 0;
                    for (int from = 0; from < distinct.size(); from += JdbcMetricStore.BATCH) {
                        List<String> chunk =
                                distinct.subList(from, Math.min(distinct.size(), from + JdbcMetricStore.BATCH));
                        added += db.dialect() == Dialect.POSTGRESQL
                                ? enqueueArrays(c, project, queue, chunk)
                                : enqueueBatch(c, project, queue, chunk);
                    }
                    return added;
                });
    }

    /** One statement over arrays: its update count is the number of new rows even with batch rewriting on. */
    private static int enqueueArrays(Connection c, ProjectKey project, String queue, List<String> items)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_items"
                + " (tenant_id, project_id, queue_name, item_hash, item, done, attempts)"
                + " SELECT ?, ?, ?, u.h, u.i, FALSE, 0 FROM unnest(?::varchar[], ?::varchar[]) WITH ORDINALITY AS u(h, i, n)"
                + " ORDER BY u.n ON CONFLICT (tenant_id, project_id, queue_name, item_hash) DO NOTHING")) {
            bindKey(ps, project);
            ps.setString(3, queue);
            ps.setArray(
                    4,
                    c.createArrayOf("varchar", items.stream().map(Columns::hash).toArray(String[]::new)));
            ps.setArray(5, c.createArrayOf("varchar", items.toArray(String[]::new)));
            return ps.executeUpdate();
        }
    }

    /**
     * H2: inserts the chunk inside a savepoint (the usual case: a crawler offers only URLs it has not seen), and
     * only when an item is already queued rolls back and offers each item with an insert-if-absent (H2 plans
     * that {@code MERGE} as a scan of the queue, so it is kept off the common path).
     */
    private int enqueueBatch(Connection c, ProjectKey project, String queue, List<String> items) throws SQLException {
        return Database.unlessDuplicate(
                c,
                tx -> {
                    insertAll(tx, INSERT, project, queue, items);
                    return items.size();
                },
                tx -> {
                    int added = 0;
                    for (int n : insertAll(tx, enqueue, project, queue, items)) {
                        added += Math.max(0, n);
                    }
                    return added;
                });
    }

    private static final String INSERT = "INSERT INTO work_items"
            + " (tenant_id, project_id, queue_name, item_hash, item, done, attempts) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private static int[] insertAll(Connection c, String sql, ProjectKey project, String queue, List<String> items)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String item : items) {
                bindKey(ps, project);
                ps.setString(3, queue);
                ps.setString(4, Columns.hash(item));
                ps.setString(5, item);
                ps.setBoolean(6, false);
                ps.setInt(7, 0);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    @Override
    public List<WorkItem> claim(ProjectKey project, String queue, String worker, int max, Duration lease, Instant now) {
        requireNonNull(project, "project");
        requireNonNull(queue, "queue");
        requireNonNull(worker, "worker");
        requireNonNull(lease, "lease");
        requireNonNull(now, "now");
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, got " + max);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, got " + lease);
        }
        Instant until = Columns.micros(now.plus(lease));
        return db.transaction("claim work on " + queue + " of " + project, c -> {
            List<long[]> rows = new ArrayList<>();
            List<String> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT item_id, item, attempts FROM work_items"
                    + " WHERE tenant_id = ? AND project_id = ? AND queue_name = ? AND done = FALSE"
                    + " AND (lease_until IS NULL OR lease_until <= ?)"
                    + " ORDER BY item_id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                bindKey(ps, project);
                ps.setString(3, queue);
                Columns.setInstant(ps, 4, now);
                ps.setInt(5, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new long[] {rs.getLong(1), rs.getInt(3)});
                        items.add(rs.getString(2));
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.<WorkItem>of();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE work_items SET worker = ?, lease_until = ?,"
                    + " attempts = attempts + 1 WHERE item_id = ? AND tenant_id = ? AND project_id = ?")) {
                for (long[] r : rows) {
                    ps.setString(1, worker);
                    Columns.setInstant(ps, 2, until);
                    ps.setLong(3, r[0]);
                    ps.setString(4, project.tenant().value());
                    ps.setString(5, project.project().value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<WorkItem> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                out.add(new WorkItem(rows.get(i)[0], queue, items.get(i), worker, until, (int) rows.get(i)[1] + 1));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public int complete(ProjectKey project, String queue, String worker, Collection<Long> ids) {
        requireNonNull(project, "project");
        requireNonNull(worker, "worker");
        List<Long> copy = List.copyOf(new LinkedHashSet<>(List.copyOf(ids)));
        if (copy.isEmpty()) {
            return 0;
        }
        return db.transaction("complete work on " + queue + " of " + project, c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE work_items SET done = TRUE, lease_until = NULL"
                    + " WHERE item_id = ? AND tenant_id = ? AND project_id = ? AND queue_name = ?"
                    + " AND worker = ? AND done = FALSE")) {
                for (Long id : copy) {
                    ps.setLong(1, id);
                    ps.setString(2, project.tenant().value());
                    ps.setString(3, project.project().value());
                    ps.setString(4, queue);
                    ps.setString(5, worker);
                    ps.addBatch();
                }
                for (int k : ps.executeBatch()) {
                    n += Math.max(0, k);
                }
            }
            return n;
        });
    }

    @Override
    public int release(ProjectKey project, String queue, String worker, Collection<Long> ids) {
        requireNonNull(project, "project");
        requireNonNull(worker, "worker");
        List<Long> copy = List.copyOf(new LinkedHashSet<>(List.copyOf(ids)));
        if (copy.isEmpty()) {
            return 0;
        }
        return db.transaction("release work on " + queue + " of " + project, c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("UPDATE work_items SET worker = NULL, lease_until = NULL"
                    + " WHERE item_id = ? AND tenant_id = ? AND project_id = ? AND queue_name = ?"
                    + " AND worker = ? AND done = FALSE")) {
                for (Long id : copy) {
                    ps.setLong(1, id);
                    ps.setString(2, project.tenant().value());
                    ps.setString(3, project.project().value());
                    ps.setString(4, queue);
                    ps.setString(5, worker);
                    ps.addBatch();
                }
                for (int k : ps.executeBatch()) {
                    n += Math.max(0, k);
                }
            }
            return n;
        });
    }

    @Override
    public long remaining(ProjectKey project, String queue) {
        requireNonNull(project, "project");
        return db.read("count work on " + queue + " of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM work_items"
                    + " WHERE tenant_id = ? AND project_id = ? AND queue_name = ? AND done = FALSE")) {
                bindKey(ps, project);
                ps.setString(3, queue);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void clear(ProjectKey project, String queue) {
        requireNonNull(project, "project");
        db.transaction("clear " + queue + " of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM work_items WHERE tenant_id = ? AND project_id = ? AND queue_name = ?")) {
                bindKey(ps, project);
                ps.setString(3, queue);
                return ps.executeUpdate();
            }
        });
    }
}
