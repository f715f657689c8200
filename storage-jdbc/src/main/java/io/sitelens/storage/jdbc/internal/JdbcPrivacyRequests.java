package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.StoredRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Data-subject requests of {@link JdbcPrivacyStore}: a row per request and its subjects' pseudonyms. */
final class JdbcPrivacyRequests {
    private final Database db;

    JdbcPrivacyRequests(Database db) {
        this.db = db;
    }

    public void putRequest(StoredRequest r) {
        requireNonNull(r, "request");
        db.durableTransaction(
                "store privacy request " + r.id() + " of tenant " + r.tenant(),
                Database.Retry.TRANSIENT_AND_UPSERT_RACE,
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(db.dialect()
                            .upsert(
                                    "privacy_requests",
                                    List.of("tenant_id", "request_id", "state", "received_at", "deadline", "document"),
                                    List.of("tenant_id", "request_id")))) {
                        ps.setString(1, r.tenant().value());
                        ps.setString(2, r.id());
                        ps.setString(3, r.state());
                        Columns.setInstant(ps, 4, r.receivedAt());
                        Columns.setInstant(ps, 5, r.deadline());
                        ps.setString(6, r.document());
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "DELETE FROM privacy_request_subjects WHERE tenant_id = ? AND request_id = ?")) {
                        ps.setString(1, r.tenant().value());
                        ps.setString(2, r.id());
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO privacy_request_subjects (tenant_id, request_id, pseudonym) VALUES (?, ?, ?)")) {
                        for (String p : new java.util.TreeSet<>(r.subjectPseudonyms())) {
                            ps.setString(1, r.tenant().value());
                            ps.setString(2, r.id());
                            ps.setString(3, p);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
    }

    public Optional<StoredRequest> request(TenantId tenant, String id) {
        List<StoredRequest> l = requestsWhere(tenant, "r.request_id = ?", List.of(id));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    public List<StoredRequest> requests(TenantId tenant) {
        return requestsWhere(tenant, "1 = 1", List.of());
    }

    public List<StoredRequest> requestsBySubject(TenantId tenant, Collection<String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(pseudonyms.size(), "?"));
        return requestsWhere(
                tenant,
                "r.request_id IN (SELECT s.request_id FROM privacy_request_subjects s WHERE s.tenant_id = r.tenant_id"
                        + " AND s.pseudonym IN (" + in + "))",
                List.copyOf(pseudonyms));
    }

    private List<StoredRequest> requestsWhere(TenantId tenant, String where, List<String> params) {
        requireNonNull(tenant, "tenant");
        return db.transaction("read privacy requests of tenant " + tenant, c -> {
            Map<String, StoredRequest> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT r.request_id, r.state, r.received_at, r.deadline, r.document FROM privacy_requests r"
                            + " WHERE r.tenant_id = ? AND " + where + " ORDER BY r.received_at, r.request_id")) {
                ps.setString(1, tenant.value());
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 2, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString("request_id");
                        out.put(
                                id,
                                new StoredRequest(
                                        tenant,
                                        id,
                                        rs.getString("state"),
                                        requireNonNull(Columns.instant(rs, "received_at")),
                                        requireNonNull(Columns.instant(rs, "deadline")),
                                        pseudonymsOf(c, tenant, id),
                                        rs.getString("document")));
                    }
                }
            }
            return List.copyOf(out.values());
        });
    }

    private static Set<String> pseudonymsOf(Connection c, TenantId tenant, String id) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pseudonym FROM privacy_request_subjects"
                + " WHERE tenant_id = ? AND request_id = ? ORDER BY pseudonym")) {
            ps.setString(1, tenant.value());
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
