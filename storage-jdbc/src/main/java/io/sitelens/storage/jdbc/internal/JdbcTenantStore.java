package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.Tenant;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.BlobStore;
import io.sitelens.spi.storage.TenantStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tenants, and the delete that removes a tenant with every row it owns in every table (one transaction), then
 * its blobs (files, after the commit: a crash between the two leaves only unreferenced blobs, which the next
 * delete of the tenant removes).
 */
public final class JdbcTenantStore implements TenantStore {
    private static final String COLUMNS = "tenant_id, name, created_at, relationship_ended, archived_at";

    private final Database db;
    private final BlobStore blobs;
    private final String upsert;

    public JdbcTenantStore(Database db, BlobStore blobs) {
        this.db = db;
        this.blobs = blobs;
        this.upsert = db.dialect()
                .upsert(
                        "tenants",
                        List.of("tenant_id", "name", "created_at", "relationship_ended", "archived_at"),
                        List.of("tenant_id"));
    }

    @Override
    public void put(Tenant tenant) {
        requireNonNull(tenant, "tenant");
        db.transaction("put tenant " + tenant.id(), Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                ps.setString(1, tenant.id().value());
                ps.setString(2, tenant.name());
                Columns.setInstant(ps, 3, tenant.createdAt());
                Columns.setDate(ps, 4, tenant.relationshipEnded());
                Columns.setInstant(ps, 5, tenant.archivedAt());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        requireNonNull(id, "id");
        return db.transaction("find tenant " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tenants WHERE tenant_id = ?")) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Tenant> list() {
        return db.transaction("list tenants", c -> {
            List<Tenant> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tenants");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            out.sort(Comparator.comparing(t -> t.id().value()));
            return List.copyOf(out);
        });
    }

    @Override
    public boolean delete(TenantId id) {
        requireNonNull(id, "id");
        boolean existed = db.transaction("delete tenant " + id, c -> {
            deleteAll(
                    c,
                    "DELETE FROM metric_points WHERE series_id IN"
                            + " (SELECT series_id FROM metric_series WHERE tenant_id = ?)",
                    id);
            for (String table : JdbcProjectStore.OWNED_TABLES) {
                deleteAll(c, "DELETE FROM " + table + " WHERE tenant_id = ?", id);
            }
            deleteAll(c, "DELETE FROM projects WHERE tenant_id = ?", id);
            deleteAll(c, "DELETE FROM consent_records WHERE tenant_id = ?", id);
            for (String table : JdbcPrivacyStore.TENANT_TABLES) {
                deleteAll(c, "DELETE FROM " + table + " WHERE tenant_id = ?", id);
            }
            return deleteAll(c, "DELETE FROM tenants WHERE tenant_id = ?", id) > 0;
        });
        for (BlobRef b : blobs.list(id)) {
            blobs.delete(id, b.sha256());
        }
        return existed;
    }

    private static int deleteAll(Connection c, String sql, TenantId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.value());
            return ps.executeUpdate();
        }
    }

    private static Tenant read(ResultSet rs) throws SQLException {
        return new Tenant(
                TenantId.of(rs.getString("tenant_id")),
                rs.getString("name"),
                requireNonNull(Columns.instant(rs, "created_at")),
                Columns.date(rs, "relationship_ended"),
                Columns.instant(rs, "archived_at"));
    }
}
