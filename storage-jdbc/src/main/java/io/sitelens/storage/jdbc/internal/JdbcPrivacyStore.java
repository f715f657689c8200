package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.ConsentMethod;
import io.sitelens.model.IdentityType;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.AuditEntry;
import io.sitelens.spi.storage.ConsentResidue;
import io.sitelens.spi.storage.PrivacyStore;
import io.sitelens.spi.storage.StoredRequest;
import io.sitelens.spi.storage.SubjectRecord;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@link PrivacyStore} over JDBC. Audit appends are serialised per tenant by locking the tenant's row in
 * {@code privacy_audit_heads} ({@code SELECT … FOR UPDATE}), which holds across processes on PostgreSQL and H2.
 */
public final class JdbcPrivacyStore implements PrivacyStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RECORD_COLUMNS =
            "record_id, category, fields_json, blobs_json, created_at, relationship_end";

    /** Every table of this store; all rows carry the tenant (deleting a tenant empties them). */
    static final List<String> TENANT_TABLES = List.of(
            "privacy_keys",
            "privacy_request_subjects",
            "privacy_requests",
            "privacy_audit_log",
            "privacy_audit_heads",
            "privacy_subject_identities",
            "privacy_subject_records",
            "privacy_restrictions",
            "privacy_objections",
            "privacy_consent_residue");

    private final Database db;

    public JdbcPrivacyStore(Database db) {
        this.db = requireNonNull(db, "db");
    }

    @Override
    public byte[] tenantKey(TenantId tenant, String name) {
        requireNonNull(tenant, "tenant");
        requireNonNull(name, "name");
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        String hex = db.transaction(
                "read the " + name + " key of tenant " + tenant, Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
                    try (PreparedStatement ps = c.prepareStatement(db.dialect()
                            .insertIfAbsent(
                                    "privacy_keys",
                                    List.of("tenant_id", "key_name", "key_hex", "created_at"),
                                    List.of("tenant_id", "key_name")))) {
                        ps.setString(1, tenant.value());
                        ps.setString(2, name);
                        ps.setString(3, HexFormat.of().formatHex(fresh));
                        Columns.setInstant(ps, 4, Instant.now());
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT key_hex FROM privacy_keys WHERE tenant_id = ? AND key_name = ?")) {
                        ps.setString(1, tenant.value());
                        ps.setString(2, name);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getString(1);
                        }
                    }
                });
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public List<TenantId> tenants() {
        return db.transaction("list tenants with privacy data", c -> {
            List<TenantId> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id FROM privacy_keys"
                            + " UNION SELECT tenant_id FROM privacy_requests"
                            + " UNION SELECT tenant_id FROM privacy_audit_heads"
                            + " UNION SELECT tenant_id FROM privacy_subject_records ORDER BY 1");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(TenantId.of(rs.getString(1)));
                }
            }
            return List.copyOf(out);
        });
    }

    // requests

    @Override
    public void putRequest(StoredRequest r) {
        requireNonNull(r, "request");
        db.transaction(
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

    @Override
    public Optional<StoredRequest> request(TenantId tenant, String id) {
        List<StoredRequest> l = requestsWhere(tenant, "r.request_id = ?", List.of(id));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<StoredRequest> requests(TenantId tenant) {
        return requestsWhere(tenant, "1 = 1", List.of());
    }

    @Override
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

    // audit log

    @Override
    public AuditEntry appendAudit(TenantId tenant, Function<AuditEntry.Head, AuditEntry> next) {
        requireNonNull(tenant, "tenant");
        requireNonNull(next, "next");
        return db.transaction(
                "append to the audit log of tenant " + tenant, Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
                    try (PreparedStatement ps = c.prepareStatement(db.dialect()
                            .insertIfAbsent(
                                    "privacy_audit_heads",
                                    List.of("tenant_id", "entry_count", "head_hash"),
                                    List.of("tenant_id")))) {
                        ps.setString(1, tenant.value());
                        ps.setLong(2, 0);
                        ps.setString(3, AuditEntry.Head.GENESIS);
                        ps.executeUpdate();
                    }
                    AuditEntry.Head head;
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT entry_count, head_hash FROM privacy_audit_heads WHERE tenant_id = ? FOR UPDATE")) {
                        ps.setString(1, tenant.value());
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            head = new AuditEntry.Head(rs.getLong(1), rs.getString(2));
                        }
                    }
                    AuditEntry e = requireNonNull(next.apply(head), "audit entry");
                    if (!e.tenant().equals(tenant)
                            || e.sequence() != head.count() + 1
                            || !e.previousHash().equals(head.hash())) {
                        throw new SitelensException(
                                ErrorCode.STORAGE_CONFLICT,
                                "audit entry " + e.sequence() + " does not follow the head of tenant " + tenant + " ("
                                        + head.count() + " entries)");
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO privacy_audit_log (tenant_id, sequence_no,"
                                    + " logged_at, action, details, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, tenant.value());
                        ps.setLong(2, e.sequence());
                        Columns.setInstant(ps, 3, e.at());
                        ps.setString(4, e.action());
                        ps.setString(5, e.details());
                        ps.setString(6, e.previousHash());
                        ps.setString(7, e.hash());
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE privacy_audit_heads SET entry_count = ?, head_hash = ? WHERE tenant_id = ?")) {
                        ps.setLong(1, e.sequence());
                        ps.setString(2, e.hash());
                        ps.setString(3, tenant.value());
                        ps.executeUpdate();
                    }
                    return e;
                });
    }

    @Override
    public List<AuditEntry> auditEntries(TenantId tenant, long afterSequence, int limit) {
        requireNonNull(tenant, "tenant");
        return db.transaction("read the audit log of tenant " + tenant, c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT sequence_no, logged_at, action, details,"
                    + " previous_hash, entry_hash FROM privacy_audit_log WHERE tenant_id = ? AND sequence_no > ?"
                    + " ORDER BY sequence_no LIMIT ?")) {
                ps.setString(1, tenant.value());
                ps.setLong(2, afterSequence);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(
                                tenant,
                                rs.getLong(1),
                                requireNonNull(Columns.instant(rs, "logged_at")),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    // records about people

    @Override
    public void putSubjectRecord(SubjectRecord r) {
        requireNonNull(r, "record");
        db.transaction(
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

    @Override
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

    @Override
    public List<SubjectRecord> subjectRecordsEndedBefore(TenantId tenant, String category, Instant cutoff) {
        return recordsWhere(
                tenant,
                "r.category = ? AND r.relationship_end IS NOT NULL AND r.relationship_end < ?",
                List.of(category, cutoff));
    }

    @Override
    public List<SubjectRecord> subjectRecordsCreatedBefore(TenantId tenant, String category, Instant cutoff) {
        return recordsWhere(tenant, "r.category = ? AND r.created_at < ?", List.of(category, cutoff));
    }

    @Override
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

    @Override
    public boolean deleteSubjectRecord(TenantId tenant, String id) {
        return db.transaction("delete record " + id + " of tenant " + tenant, c -> {
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

    // flags

    @Override
    public void setRestricted(TenantId tenant, String pseudonym, boolean restricted) {
        requireNonNull(pseudonym, "pseudonym");
        db.transaction("set a restriction of tenant " + tenant, Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
            String sql = restricted
                    ? db.dialect()
                            .insertIfAbsent(
                                    "privacy_restrictions",
                                    List.of("tenant_id", "pseudonym"),
                                    List.of("tenant_id", "pseudonym"))
                    : "DELETE FROM privacy_restrictions WHERE tenant_id = ? AND pseudonym = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenant.value());
                ps.setString(2, pseudonym);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean restricted(TenantId tenant, String pseudonym) {
        return db.transaction("read a restriction of tenant " + tenant, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT 1 FROM privacy_restrictions WHERE tenant_id = ? AND pseudonym = ?")) {
                ps.setString(1, tenant.value());
                ps.setString(2, pseudonym);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public void addObjection(TenantId tenant, String pseudonym, Purpose purpose, Instant at) {
        requireNonNull(purpose, "purpose");
        db.transaction("record an objection of tenant " + tenant, Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
            try (PreparedStatement ps = c.prepareStatement(db.dialect()
                    .insertIfAbsent(
                            "privacy_objections",
                            List.of("tenant_id", "pseudonym", "purpose", "objected_at"),
                            List.of("tenant_id", "pseudonym", "purpose")))) {
                ps.setString(1, tenant.value());
                ps.setString(2, pseudonym);
                ps.setString(3, purpose.name());
                Columns.setInstant(ps, 4, at);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Set<Purpose> objections(TenantId tenant, String pseudonym) {
        return db.transaction("read objections of tenant " + tenant, c -> {
            Set<Purpose> out = EnumSet.noneOf(Purpose.class);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT purpose FROM privacy_objections WHERE tenant_id = ? AND pseudonym = ?")) {
                ps.setString(1, tenant.value());
                ps.setString(2, pseudonym);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Purpose.valueOf(rs.getString(1)));
                    }
                }
            }
            return Set.copyOf(out);
        });
    }

    // consent ledger erasure

    @Override
    public long eraseConsentRecords(TenantId tenant, SubjectIdentity subject) {
        return db.transaction("erase consent records of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM consent_records WHERE tenant_id = ?"
                    + " AND subject_hash = ? AND subject_type = ? AND subject_value = ?")) {
                bindSubject(ps, 1, tenant, subject);
                return (long) ps.executeUpdate();
            }
        });
    }

    @Override
    public long rekeyConsentRecords(TenantId tenant, SubjectIdentity from, SubjectIdentity to) {
        return db.transaction("rectify consent records of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE consent_records SET subject_hash = ?,"
                    + " subject_type = ?, subject_value = ? WHERE tenant_id = ? AND subject_hash = ?"
                    + " AND subject_type = ? AND subject_value = ?")) {
                ps.setString(1, consentHash(to));
                ps.setString(2, to.type().name());
                ps.setString(3, to.value());
                bindSubject(ps, 4, tenant, from);
                return (long) ps.executeUpdate();
            }
        });
    }

    private static void bindSubject(PreparedStatement ps, int from, TenantId tenant, SubjectIdentity s)
            throws SQLException {
        ps.setString(from, tenant.value());
        ps.setString(from + 1, consentHash(s));
        ps.setString(from + 2, s.type().name());
        ps.setString(from + 3, s.value());
    }

    /** The subject hash the consent ledger ({@link JdbcConsentStore}) keys its rows by. */
    private static String consentHash(SubjectIdentity s) {
        return Columns.hash(s.type().name(), s.value());
    }

    private static String identityHash(SubjectIdentity s) {
        return Columns.hash(s.type().name(), s.value());
    }

    @Override
    public void addConsentResidue(ConsentResidue r) {
        requireNonNull(r, "residue");
        db.transaction("keep consent residue of tenant " + r.tenant(), Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
            try (PreparedStatement ps = c.prepareStatement(db.dialect()
                    .insertIfAbsent(
                            "privacy_consent_residue",
                            List.of(
                                    "tenant_id",
                                    "pseudonym",
                                    "purpose",
                                    "withdrawn_at",
                                    "notice_version",
                                    "consent_method"),
                            List.of("tenant_id", "pseudonym", "purpose", "withdrawn_at")))) {
                ps.setString(1, r.tenant().value());
                ps.setString(2, r.pseudonym());
                ps.setString(3, r.purpose().name());
                Columns.setInstant(ps, 4, r.withdrawnAt());
                ps.setString(5, r.noticeVersion());
                ps.setString(6, r.method().name());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<ConsentResidue> consentResidue(TenantId tenant, String pseudonym) {
        return db.transaction("read consent residue of tenant " + tenant, c -> {
            List<ConsentResidue> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT purpose, withdrawn_at, notice_version,"
                    + " consent_method FROM privacy_consent_residue WHERE tenant_id = ? AND pseudonym = ?"
                    + " ORDER BY withdrawn_at, purpose")) {
                ps.setString(1, tenant.value());
                ps.setString(2, pseudonym);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ConsentResidue(
                                tenant,
                                pseudonym,
                                Purpose.valueOf(rs.getString(1)),
                                requireNonNull(Columns.instant(rs, "withdrawn_at")),
                                rs.getString(3),
                                ConsentMethod.valueOf(rs.getString(4))));
                    }
                }
            }
            return List.copyOf(out);
        });
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
