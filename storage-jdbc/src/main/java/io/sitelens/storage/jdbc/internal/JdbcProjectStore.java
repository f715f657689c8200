package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectId;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.ProjectStore;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Projects, their additional URLs and connector bindings (settings and secret references, never values). */
public final class JdbcProjectStore implements ProjectStore {
    /**
     * Every table a project owns, children before parents. {@code metric_points} and the crawl children go with
     * their series and runs (explicitly here, and by foreign key as well).
     */
    static final List<String> OWNED_TABLES = List.of(
            "binding_secret_refs",
            "binding_settings",
            "connector_bindings",
            "project_urls",
            "project_cadences",
            "project_retention",
            "run_records",
            "sync_states",
            "crawl_screenshots",
            "crawl_findings",
            "crawl_resources",
            "crawl_links",
            "crawl_pages",
            "crawl_runs",
            "work_items",
            "insights",
            "usage_records",
            "metric_series",
            "behaviour_events",
            "behaviour_sessions");

    private final Database db;

    public JdbcProjectStore(Database db) {
        this.db = db;
    }

    @Override
    public void put(Project project) {
        requireNonNull(project, "project");
        ProjectKey k = project.key();
        db.transaction("put project " + k, Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
            try (PreparedStatement ps = c.prepareStatement(db.dialect()
                    .upsert(
                            "projects",
                            List.of("tenant_id", "project_id", "name", "main_url", "zone_id", "archived", "updated_at"),
                            List.of("tenant_id", "project_id")))) {
                ps.setString(1, k.tenant().value());
                ps.setString(2, k.project().value());
                ps.setString(3, project.name());
                ps.setString(4, project.mainUrl().toString());
                ps.setString(5, project.zone().getId());
                ps.setBoolean(6, project.archived());
                Columns.setInstant(ps, 7, Instant.now());
                ps.executeUpdate();
            }
            for (String table :
                    List.of("binding_secret_refs", "binding_settings", "connector_bindings", "project_urls")) {
                deleteOwned(c, table, k);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO project_urls (tenant_id, project_id, url_index, url) VALUES (?, ?, ?, ?)")) {
                int i = 0;
                for (URI u : project.additionalUrls()) {
                    bindKey(ps, k);
                    ps.setInt(3, i++);
                    ps.setString(4, u.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement b = c.prepareStatement(
                            "INSERT INTO connector_bindings"
                                    + " (tenant_id, project_id, binding_id, binding_index, provider_id) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement s = c.prepareStatement(
                            "INSERT INTO binding_settings"
                                    + " (tenant_id, project_id, binding_id, setting_name, setting_value) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement r = c.prepareStatement(
                            "INSERT INTO binding_secret_refs (tenant_id, project_id, binding_id, secret_name,"
                                    + " ref_scheme, ref_location) VALUES (?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                for (ConnectorBinding binding : project.bindings()) {
                    bindKey(b, k);
                    b.setString(3, binding.bindingId());
                    b.setInt(4, i++);
                    b.setString(5, binding.providerId());
                    b.addBatch();
                    for (Map.Entry<String, String> e : binding.settings().entrySet()) {
                        bindKey(s, k);
                        s.setString(3, binding.bindingId());
                        s.setString(4, e.getKey());
                        s.setString(5, e.getValue());
                        s.addBatch();
                    }
                    for (Map.Entry<String, SecretRef> e : binding.secrets().entrySet()) {
                        bindKey(r, k);
                        r.setString(3, binding.bindingId());
                        r.setString(4, e.getKey());
                        r.setString(5, e.getValue().scheme());
                        r.setString(6, e.getValue().location());
                        r.addBatch();
                    }
                }
                b.executeBatch();
                s.executeBatch();
                r.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Project> find(ProjectKey key) {
        requireNonNull(key, "key");
        return db.transaction("find project " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, main_url, zone_id, archived FROM projects WHERE tenant_id = ? AND project_id = ?")) {
                bindKey(ps, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(
                            read(c, key, rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        });
    }

    @Override
    public List<Project> list(TenantId tenant) {
        requireNonNull(tenant, "tenant");
        return db.transaction("list projects of tenant " + tenant, c -> {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT project_id, name, main_url, zone_id, archived FROM projects WHERE tenant_id = ?")) {
                ps.setString(1, tenant.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            String.valueOf(rs.getBoolean(5))
                        });
                    }
                }
            }
            rows.sort(Comparator.comparing(r -> r[0]));
            List<Project> out = new ArrayList<>(rows.size());
            for (String[] r : rows) {
                out.add(read(
                        c, new ProjectKey(tenant, ProjectId.of(r[0])), r[1], r[2], r[3], Boolean.parseBoolean(r[4])));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public boolean delete(ProjectKey key) {
        requireNonNull(key, "key");
        return db.transaction("delete project " + key, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM metric_points WHERE series_id IN"
                    + " (SELECT series_id FROM metric_series WHERE tenant_id = ? AND project_id = ?)")) {
                bindKey(ps, key);
                ps.executeUpdate();
            }
            for (String table : OWNED_TABLES) {
                deleteOwned(c, table, key);
            }
            return deleteOwned(c, "projects", key) > 0;
        });
    }

    private Project read(Connection c, ProjectKey key, String name, String mainUrl, String zone, boolean archived)
            throws SQLException {
        Project.Builder b = Project.builder(key, URI.create(mainUrl))
                .name(name)
                .zone(ZoneId.of(zone))
                .archived(archived);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT job_name, every FROM project_cadences WHERE tenant_id = ? AND project_id = ?")) {
            bindKey(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.cadence(rs.getString(1), Duration.parse(rs.getString(2)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT data_category, keep_for FROM project_retention WHERE tenant_id = ? AND project_id = ?")) {
            bindKey(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.retention(rs.getString(1), Period.parse(rs.getString(2)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT url FROM project_urls WHERE tenant_id = ? AND project_id = ? ORDER BY url_index")) {
            bindKey(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    b.additionalUrl(URI.create(rs.getString(1)));
                }
            }
        }
        Map<String, Map<String, String>> settings = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT binding_id, setting_name, setting_value"
                + " FROM binding_settings WHERE tenant_id = ? AND project_id = ?")) {
            bindKey(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    settings.computeIfAbsent(rs.getString(1), x -> new HashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                }
            }
        }
        Map<String, Map<String, SecretRef>> secrets = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT binding_id, secret_name, ref_scheme, ref_location"
                + " FROM binding_secret_refs WHERE tenant_id = ? AND project_id = ?")) {
            bindKey(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    secrets.computeIfAbsent(rs.getString(1), x -> new HashMap<>())
                            .put(rs.getString(2), new SecretRef(rs.getString(3), rs.getString(4)));
                }
            }
        }
        Map<String, String> providers = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT binding_id, provider_id FROM connector_bindings"
                + " WHERE tenant_id = ? AND project_id = ? ORDER BY binding_index")) {
            bindKey(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    providers.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        providers.forEach((id, provider) -> b.binding(new ConnectorBinding(
                id, provider, settings.getOrDefault(id, Map.of()), secrets.getOrDefault(id, Map.of()))));
        return b.build();
    }

    static int deleteOwned(Connection c, String table, ProjectKey key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ? AND project_id = ?")) {
            bindKey(ps, key);
            return ps.executeUpdate();
        }
    }

    static void bindKey(PreparedStatement ps, ProjectKey key) throws SQLException {
        ps.setString(1, key.tenant().value());
        ps.setString(2, key.project().value());
    }
}
