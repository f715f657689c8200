package io.sitelens.storage.jdbc.internal;

import static io.sitelens.storage.jdbc.internal.JdbcProjectStore.bindKey;
import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Finding;
import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import io.sitelens.model.ResourceType;
import io.sitelens.model.Severity;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.CrawlStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Crawl runs and what they found. Child rows are upserted on (run, SHA-256 of their natural key), so a resumed
 * crawl never duplicates them; every write first checks, in the same transaction, that the run belongs to the
 * project (and so to the tenant) named by the caller.
 */
public final class JdbcCrawlStore implements CrawlStore {
    private static final String RUN_COLUMNS = "run_id, root_url, run_status, started_at, finished_at";
    private static final List<String> PAGE_COLUMNS = List.of(
            "run_id",
            "url_hash",
            "tenant_id",
            "project_id",
            "url",
            "status_code",
            "content_type",
            "depth",
            "byte_count",
            "response_nanos",
            "title",
            "indexable",
            "body_sha256",
            "redirect_target",
            "fetched_at");
    private static final List<String> LINK_COLUMNS = List.of(
            "run_id",
            "link_hash",
            "tenant_id",
            "project_id",
            "from_url",
            "to_url",
            "anchor_text",
            "nofollow",
            "internal_link");
    private static final List<String> RESOURCE_COLUMNS = List.of(
            "run_id",
            "url_hash",
            "tenant_id",
            "project_id",
            "url",
            "resource_type",
            "status_code",
            "content_type",
            "byte_count",
            "body_sha256",
            "external_resource");
    private static final List<String> FINDING_COLUMNS = List.of(
            "run_id",
            "finding_hash",
            "tenant_id",
            "project_id",
            "check_id",
            "severity",
            "url",
            "message",
            "evidence_json");

    /** Binds one row's columns after run id, row hash, tenant and project (parameters 5 and on). */
    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private final Database db;
    /**
     * Where a kind of crawl result goes: its table, the hash column of its key, and the statements that write a
     * new row and replace an existing one.
     */
    private record Target(String table, String hashColumn, String insert, String upsert) {}

    private final Target upsertPage;
    private final Target upsertLink;
    private final Target upsertResource;
    private final Target upsertFinding;

    public JdbcCrawlStore(Database db) {
        this.db = db;
        Dialect d = db.dialect();
        this.upsertPage = target(d, "crawl_pages", PAGE_COLUMNS, "url_hash");
        this.upsertLink = target(d, "crawl_links", LINK_COLUMNS, "link_hash");
        this.upsertResource = target(d, "crawl_resources", RESOURCE_COLUMNS, "url_hash");
        this.upsertFinding = target(d, "crawl_findings", FINDING_COLUMNS, "finding_hash");
    }

    @Override
    public CrawlRun startRun(ProjectKey project, String root, Instant startedAt) {
        requireNonNull(project, "project");
        requireNonNull(root, "root");
        requireNonNull(startedAt, "startedAt");
        Instant at = Columns.micros(startedAt);
        return db.transaction("start a crawl run of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO crawl_runs (tenant_id, project_id, root_url, run_status, started_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bindKey(ps, project);
                ps.setString(3, root);
                ps.setString(4, CrawlRun.Status.RUNNING.name());
                Columns.setInstant(ps, 5, at);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new CrawlRun(keys.getLong("run_id"), root, CrawlRun.Status.RUNNING, at, null);
                }
            }
        });
    }

    @Override
    public void finishRun(ProjectKey project, long runId, CrawlRun.Status status, Instant finishedAt) {
        requireNonNull(project, "project");
        requireNonNull(status, "status");
        requireNonNull(finishedAt, "finishedAt");
        db.transaction("finish crawl run " + runId + " of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE crawl_runs SET run_status = ?, finished_at = ?"
                    + " WHERE run_id = ? AND tenant_id = ? AND project_id = ?")) {
                ps.setString(1, status.name());
                Columns.setInstant(ps, 2, finishedAt);
                ps.setLong(3, runId);
                ps.setString(4, project.tenant().value());
                ps.setString(5, project.project().value());
                if (ps.executeUpdate() == 0) {
                    throw noSuchRun(project, runId);
                }
            }
            return null;
        });
    }

    @Override
    public Optional<CrawlRun> run(ProjectKey project, long runId) {
        requireNonNull(project, "project");
        return db.transaction("read crawl run " + runId + " of " + project, c -> findRun(c, project, runId));
    }

    @Override
    public Optional<CrawlRun> latestRun(ProjectKey project, String root) {
        requireNonNull(project, "project");
        requireNonNull(root, "root");
        return db.transaction("read the latest crawl run of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM crawl_runs"
                    + " WHERE tenant_id = ? AND project_id = ? AND root_url = ? ORDER BY run_id DESC LIMIT 1")) {
                bindKey(ps, project);
                ps.setString(3, root);
                return readRun(ps);
            }
        });
    }

    @Override
    public Optional<CrawlRun> latestCompletedRun(ProjectKey project) {
        requireNonNull(project, "project");
        return db.transaction("read the latest completed crawl run of " + project, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM crawl_runs"
                    + " WHERE tenant_id = ? AND project_id = ? AND run_status = ? ORDER BY run_id DESC LIMIT 1")) {
                bindKey(ps, project);
                ps.setString(3, CrawlRun.Status.COMPLETED.name());
                return readRun(ps);
            }
        });
    }

    @Override
    public void savePages(ProjectKey project, long runId, Collection<Page> pages) {
        Map<String, Page> rows = new LinkedHashMap<>();
        for (Page p : List.copyOf(pages)) {
            rows.put(Columns.hash(p.url()), p);
        }
        save("pages", project, runId, upsertPage, rows, (ps, p) -> {
            ps.setString(5, p.url());
            ps.setInt(6, p.statusCode());
            Columns.setString(ps, 7, p.contentType());
            ps.setInt(8, p.depth());
            ps.setLong(9, p.bytes());
            ps.setLong(10, p.responseTime().toNanos());
            Columns.setString(ps, 11, p.title());
            ps.setBoolean(12, p.indexable());
            Columns.setString(ps, 13, p.bodySha256());
            Columns.setString(ps, 14, p.redirectTarget());
            Columns.setInstant(ps, 15, p.fetchedAt());
        });
    }

    @Override
    public void saveLinks(ProjectKey project, long runId, Collection<Link> links) {
        Map<String, Link> rows = new LinkedHashMap<>();
        for (Link l : List.copyOf(links)) {
            rows.put(Columns.hash(l.from(), l.to()), l);
        }
        save("links", project, runId, upsertLink, rows, (ps, l) -> {
            ps.setString(5, l.from());
            ps.setString(6, l.to());
            ps.setString(7, l.anchorText());
            ps.setBoolean(8, l.nofollow());
            ps.setBoolean(9, l.internal());
        });
    }

    @Override
    public void saveResources(ProjectKey project, long runId, Collection<Resource> resources) {
        Map<String, Resource> rows = new LinkedHashMap<>();
        for (Resource r : List.copyOf(resources)) {
            rows.put(Columns.hash(r.url()), r);
        }
        save("resources", project, runId, upsertResource, rows, (ps, r) -> {
            ps.setString(5, r.url());
            ps.setString(6, r.type().name());
            ps.setInt(7, r.statusCode());
            Columns.setString(ps, 8, r.contentType());
            ps.setLong(9, r.bytes());
            Columns.setString(ps, 10, r.sha256());
            ps.setBoolean(11, r.external());
        });
    }

    @Override
    public void saveFindings(ProjectKey project, long runId, Collection<Finding> findings) {
        Map<String, Finding> rows = new LinkedHashMap<>();
        for (Finding f : List.copyOf(findings)) {
            rows.put(Columns.hash(f.checkId(), f.url(), f.message()), f);
        }
        save("findings", project, runId, upsertFinding, rows, (ps, f) -> {
            ps.setString(5, f.checkId());
            ps.setString(6, f.severity().name());
            ps.setString(7, f.url());
            ps.setString(8, f.message());
            ps.setString(9, EvidenceJson.ofMap(f.evidence()));
        });
    }

    private static Target target(Dialect d, String table, List<String> columns, String hashColumn) {
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        return new Target(table, hashColumn, insert, d.upsert(table, columns, List.of("run_id", hashColumn)));
    }

    /**
     * The keys of {@code keys} already stored for the run, one primary-key look-up each (H2 evaluates a long
     * {@code IN} list by comparing every row of the run with every value, and chose the run's foreign-key index
     * for a per-row {@code MERGE}, scanning the run each time).
     */
    private static java.util.Set<String> existing(Connection c, Target t, long runId, List<String> keys)
            throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT 1 FROM " + t.table() + " WHERE run_id = ? AND " + t.hashColumn() + " = ?")) {
            for (String key : keys) {
                ps.setLong(1, runId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.add(key);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Writes rows in one transaction. PostgreSQL upserts every row ({@code ON CONFLICT} uses the key's index).
     * H2 first inserts the whole batch inside a savepoint: the rows of a crawl are new unless a run is resumed or
     * a row written again, so this is the common case and costs only the inserts. A key already stored fails
     * that attempt; it is rolled back to the savepoint and the batch is written again row by row, inserting new
     * keys and merging stored ones.
     */
    private <T> void save(
            String what, ProjectKey project, long runId, Target target, Map<String, T> rows, RowBinder<T> binder) {
        requireNonNull(project, "project");
        if (rows.isEmpty()) {
            return;
        }
        List<Map.Entry<String, T>> sorted = new ArrayList<>(rows.entrySet());
        sorted.sort(Map.Entry.comparingByKey()); // one lock order for concurrent writers
        db.transaction(
                "save " + rows.size() + " " + what + " of crawl run " + runId + " of " + project,
                Database.Retry.TRANSIENT_AND_UPSERT_RACE,
                c -> {
                    if (findRun(c, project, runId).isEmpty()) {
                        throw noSuchRun(project, runId);
                    }
                    if (db.dialect() == Dialect.POSTGRESQL) {
                        write(c, target.upsert(), project, runId, sorted, binder);
                        return null;
                    }
                    return Database.unlessDuplicate(
                            c,
                            tx -> {
                                write(tx, target.insert(), project, runId, sorted, binder);
                                return null;
                            },
                            tx -> {
                                java.util.Set<String> stored = existing(
                                        tx,
                                        target,
                                        runId,
                                        sorted.stream().map(Map.Entry::getKey).toList());
                                List<Map.Entry<String, T>> fresh = new ArrayList<>();
                                List<Map.Entry<String, T>> known = new ArrayList<>();
                                for (Map.Entry<String, T> row : sorted) {
                                    (stored.contains(row.getKey()) ? known : fresh).add(row);
                                }
                                write(tx, target.insert(), project, runId, fresh, binder);
                                write(tx, target.upsert(), project, runId, known, binder);
                                return null;
                            });
                });
    }

    private static <T> void write(
            Connection c,
            String sql,
            ProjectKey project,
            long runId,
            List<Map.Entry<String, T>> rows,
            RowBinder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (Map.Entry<String, T> row : rows) {
                ps.setLong(1, runId);
                ps.setString(2, row.getKey());
                ps.setString(3, project.tenant().value());
                ps.setString(4, project.project().value());
                binder.bind(ps, row.getValue());
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
    }

    @Override
    public List<Page> pages(ProjectKey project, long runId) {
        List<Page> out = readChildren(
                "pages",
                project,
                runId,
                "SELECT url, status_code, content_type, depth,"
                        + " byte_count, response_nanos, title, indexable, body_sha256, redirect_target, fetched_at"
                        + " FROM crawl_pages",
                rs -> new Page(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        Duration.ofNanos(rs.getLong(6)),
                        rs.getString(7),
                        rs.getBoolean(8),
                        rs.getString(9),
                        rs.getString(10),
                        requireNonNull(Columns.instant(rs, "fetched_at"))));
        out.sort(Comparator.comparing(Page::url));
        return List.copyOf(out);
    }

    @Override
    public List<Link> links(ProjectKey project, long runId) {
        List<Link> out = readChildren(
                "links",
                project,
                runId,
                "SELECT from_url, to_url, anchor_text, nofollow, internal_link FROM crawl_links",
                rs -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)));
        out.sort(Comparator.comparing(Link::from).thenComparing(Link::to));
        return List.copyOf(out);
    }

    @Override
    public List<Resource> resources(ProjectKey project, long runId) {
        List<Resource> out = readChildren(
                "resources",
                project,
                runId,
                "SELECT url, resource_type, status_code,"
                        + " content_type, byte_count, body_sha256, external_resource FROM crawl_resources",
                rs -> new Resource(
                        rs.getString(1),
                        ResourceType.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getBoolean(7)));
        out.sort(Comparator.comparing(Resource::url));
        return List.copyOf(out);
    }

    @Override
    public List<Finding> findings(ProjectKey project, long runId) {
        List<Finding> out = readChildren(
                "findings",
                project,
                runId,
                "SELECT check_id, severity, url, message, evidence_json FROM crawl_findings",
                rs -> new Finding(
                        rs.getString(1),
                        Severity.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        EvidenceJson.toMap(rs.getString(5))));
        out.sort(Comparator.comparing(Finding::checkId)
                .thenComparing(Finding::url)
                .thenComparing(Finding::message));
        return List.copyOf(out);
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> readChildren(String what, ProjectKey project, long runId, String select, RowReader<T> reader) {
        requireNonNull(project, "project");
        return db.transaction("read the " + what + " of crawl run " + runId + " of " + project, c -> {
            if (findRun(c, project, runId).isEmpty()) {
                throw noSuchRun(project, runId);
            }
            List<T> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement(select + " WHERE run_id = ? AND tenant_id = ? AND project_id = ?")) {
                ps.setLong(1, runId);
                ps.setString(2, project.tenant().value());
                ps.setString(3, project.project().value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(reader.read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Optional<CrawlRun> findRun(Connection c, ProjectKey project, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM crawl_runs"
                + " WHERE run_id = ? AND tenant_id = ? AND project_id = ?")) {
            ps.setLong(1, runId);
            ps.setString(2, project.tenant().value());
            ps.setString(3, project.project().value());
            return readRun(ps);
        }
    }

    private static Optional<CrawlRun> readRun(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new CrawlRun(
                    rs.getLong("run_id"),
                    rs.getString("root_url"),
                    CrawlRun.Status.valueOf(rs.getString("run_status")),
                    requireNonNull(Columns.instant(rs, "started_at")),
                    Columns.instant(rs, "finished_at")));
        }
    }

    private static SitelensException noSuchRun(ProjectKey project, long runId) {
        return new SitelensException(ErrorCode.NOT_FOUND, "storage: no crawl run " + runId + " in project " + project);
    }
}
