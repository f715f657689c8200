package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.IdentityType;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.SubjectRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Records about people of {@link JdbcPrivacyStore}, with the identities they are found by. */
final class JdbcSubjectRecords {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RECORD_COLUMNS =
            "record_id, category, fields_json, blobs_json, created_at, relationship_end";

    private final Database db;

    JdbcSubjectRecords(Database db) {
        this.db = db;
    }

    public void putSubjectRecord(SubjectRecord r) {
        requireNonNull(r, "record");
        db.durableTransaction(
                "store record " + r.id() + " of tenant " + r.tenant(), Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
                    try (PreparedStatement ps = c.prepareStatement(db.dialect()
                            .upsert(
                                    "privacy_subject_records",
                                    List.of(
                                            "tenant_id",
                                            "record_id",
                                            "category",
                                            "fields_json",
                                            "blobs_json",
                                            "created_at",
                                            "relationship_end"),
                                    List.of("tenant_id", "record_id")))) {
                        ps.setString(1, r.tenant().value());
                        ps.setString(2, r.id());
                        ps.setString(3, r.category());
                        ps.setString(4, json(new TreeMap<>(r.fields())));
                        ps.setString(5, json(r.blobs()));
                        Columns.setInstant(ps, 6, r.createdAt());
                        Columns.setInstant(ps, 7, r.relationshipEnd());
                        ps.executeUpdate();
                    }
                    deleteIdentities(c, r.tenant(), r.id());
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO privacy_subject_identities (tenant_id,"
                                    + " record_id, position, identity_type, identity_hash, identity_value) VALUES (?, ?, ?, ?, ?, ?)")) {
                        for (int i = 0; i < r.identities().size(); i++) {
                            SubjectIdentity id = r.identities().get(i);
                            ps.setString(1, r.tenant().value());
                            ps.setString(2, r.id());
                            ps.setInt(3, i);
                            ps.setString(4, id.type().name());
                            ps.setString(5, identityHash(id));
                            ps.setString(6, id.value());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
    }

    public List<SubjectRecord> subjectRecords(TenantId tenant, Collection<SubjectIdentity> identities) {
        if (identities.isEmpty()) {
            return List.of();
        }
        List<SubjectIdentity> ids = List.copyOf(new LinkedHashSet<>(identities));
        String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> params = new ArrayList<>();
        ids.forEach(i -> params.add(identityHash(i)));
        return recordsWhere(
                tenant,
                "r.record_id IN (SELECT i.record_id FROM privacy_subject_identities i WHERE i.tenant_id = r.tenant_id"
                        + " AND i.identity_hash IN (" + in + "))",
                params);
    }

    public List<SubjectRecord> subjectRecordsEndedBefore(TenantId tenant, String category, Instant cutoff) {
        return recordsWhere(
                tenant,
                "r.category = ? AND r.relationship_end IS NOT NULL AND r.relationship_end < ?",
                List.of(category, cutoff));
    }

    public List<SubjectRecord> subjectRecordsCreatedBefore(TenantId tenant, String category, Instant cutoff) {
        return recordsWhere(tenant, "r.category = ? AND r.created_at < ?", List.of(category, cutoff));
    }

    public List<SubjectRecord> subjectRecords(TenantId tenant, String category) {
        return recordsWhere(tenant, "r.category = ?", List.of(category));
    }

    private List<SubjectRecord> recordsWhere(TenantId tenant, String where, List<Object> params) {
        requireNonNull(tenant, "tenant");
        return db.transaction("read records about people of tenant " + tenant, c -> {
            List<SubjectRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS
                    + " FROM privacy_subject_records r WHERE r.tenant_id = ? AND " + where + " ORDER BY r.record_id")) {
                ps.setString(1, tenant.value());
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof Instant t) {
                        Columns.setInstant(ps, i + 2, t);
                    } else {
                        ps.setString(i + 2, (String) p);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString("record_id");
                        out.add(new SubjectRecord(
                                tenant,
                                id,
                                rs.getString("category"),
                                identitiesOf(c, tenant, id),
                                read(rs.getString("fields_json"), new TypeReference<Map<String, String>>() {}),
                                read(rs.getString("blobs_json"), new TypeReference<List<String>>() {}),
                                requireNonNull(Columns.instant(rs, "created_at")),
                                Columns.instant(rs, "relationship_end")));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    private static List<SubjectIdentity> identitiesOf(Connection c, TenantId tenant, String id) throws SQLException {
        List<SubjectIdentity> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT identity_type, identity_value FROM"
                + " privacy_subject_identities WHERE tenant_id = ? AND record_id = ? ORDER BY position")) {
            ps.setString(1, tenant.value());
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SubjectIdentity(IdentityType.valueOf(rs.getString(1)), rs.getString(2)));
                }
            }
        }
        return out;
    }

    public boolean deleteSubjectRecord(TenantId tenant, String id) {
        return db.durableTransaction("delete record " + id + " of tenant " + tenant, c -> {
            deleteIdentities(c, tenant, id);
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM privacy_subject_records WHERE tenant_id = ? AND record_id = ?")) {
                ps.setString(1, tenant.value());
                ps.setString(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static void deleteIdentities(Connection c, TenantId tenant, String id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM privacy_subject_identities WHERE tenant_id = ? AND record_id = ?")) {
            ps.setString(1, tenant.value());
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    private static String identityHash(SubjectIdentity s) {
        return Columns.hash(s.type().name(), s.value());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SitelensException(ErrorCode.INTERNAL, "cannot write a record as JSON", e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SitelensException(
                    ErrorCode.STORAGE_INCOMPATIBLE, "a stored record about a person is unreadable", e);
        }
    }
}
