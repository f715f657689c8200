package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ConsentMethod;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.AuditEntry;
import io.sitelens.spi.storage.ConsentResidue;
import io.sitelens.spi.storage.PrivacyStore;
import io.sitelens.spi.storage.StoredRequest;
import io.sitelens.spi.storage.SubjectRecord;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@link PrivacyStore} over JDBC. Audit appends are serialised per tenant by locking the tenant's row in
 * {@code privacy_audit_heads} ({@code SELECT … FOR UPDATE}), which holds across processes on PostgreSQL and H2.
 */
public final class JdbcPrivacyStore implements PrivacyStore {
    private static final SecureRandom RANDOM = new SecureRandom();

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
    private final JdbcPrivacyRequests requests;
    private final JdbcAuditChain audit;
    private final JdbcSubjectRecords records;

    public JdbcPrivacyStore(Database db) {
        this.db = requireNonNull(db, "db");
        this.requests = new JdbcPrivacyRequests(db);
        this.audit = new JdbcAuditChain(db);
        this.records = new JdbcSubjectRecords(db);
    }

    @Override
    public byte[] tenantKey(TenantId tenant, String name) {
        requireNonNull(tenant, "tenant");
        requireNonNull(name, "name");
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        boolean[] created = {false};
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
                        created[0] = ps.executeUpdate() == 1;
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
        if (created[0]) {
            db.checkpoint("the new " + name + " key of tenant " + tenant); // data is encrypted with it at once
        }
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public boolean deleteTenantKey(TenantId tenant, String name) {
        requireNonNull(tenant, "tenant");
        requireNonNull(name, "name");
        return db.durableTransaction("delete the " + name + " key of tenant " + tenant, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM privacy_keys WHERE tenant_id = ? AND key_name = ?")) {
                ps.setString(1, tenant.value());
                ps.setString(2, name);
                return ps.executeUpdate() > 0;
            }
        });
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
        requests.putRequest(r);
    }

    @Override
    public Optional<StoredRequest> request(TenantId tenant, String id) {
        return requests.request(tenant, id);
    }

    @Override
    public List<StoredRequest> requests(TenantId tenant) {
        return requests.requests(tenant);
    }

    @Override
    public List<StoredRequest> requestsBySubject(TenantId tenant, Collection<String> pseudonyms) {
        return requests.requestsBySubject(tenant, pseudonyms);
    }

    // audit log

    @Override
    public AuditEntry appendAudit(TenantId tenant, Function<AuditEntry.Head, AuditEntry> next) {
        return audit.appendAudit(tenant, next);
    }

    @Override
    public List<AuditEntry> auditEntries(TenantId tenant, long afterSequence, int limit) {
        return audit.auditEntries(tenant, afterSequence, limit);
    }

    // records about people

    @Override
    public void putSubjectRecord(SubjectRecord r) {
        records.putSubjectRecord(r);
    }

    @Override
    public List<SubjectRecord> subjectRecords(TenantId tenant, Collection<SubjectIdentity> identities) {
        return records.subjectRecords(tenant, identities);
    }

    @Override
    public List<SubjectRecord> subjectRecordsEndedBefore(TenantId tenant, String category, Instant cutoff) {
        return records.subjectRecordsEndedBefore(tenant, category, cutoff);
    }

    @Override
    public List<SubjectRecord> subjectRecordsCreatedBefore(TenantId tenant, String category, Instant cutoff) {
        return records.subjectRecordsCreatedBefore(tenant, category, cutoff);
    }

    @Override
    public List<SubjectRecord> subjectRecords(TenantId tenant, String category) {
        return records.subjectRecords(tenant, category);
    }

    @Override
    public boolean deleteSubjectRecord(TenantId tenant, String id) {
        return records.deleteSubjectRecord(tenant, id);
    }

    // flags

    @Override
    public void setRestricted(TenantId tenant, String pseudonym, boolean restricted) {
        requireNonNull(pseudonym, "pseudonym");
        db.durableTransaction("set a restriction of tenant " + tenant, Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
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
        db.durableTransaction(
                "record an objection of tenant " + tenant, Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
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
        return db.durableTransaction("erase consent records of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM consent_records WHERE tenant_id = ?"
                    + " AND subject_hash = ? AND subject_type = ? AND subject_value = ?")) {
                bindSubject(ps, 1, tenant, subject);
                return (long) ps.executeUpdate();
            }
        });
    }

    @Override
    public long rekeyConsentRecords(TenantId tenant, SubjectIdentity from, SubjectIdentity to) {
        return db.durableTransaction("rectify consent records of tenant " + tenant, c -> {
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

    @Override
    public void addConsentResidue(ConsentResidue r) {
        requireNonNull(r, "residue");
        db.durableTransaction(
                "keep consent residue of tenant " + r.tenant(), Database.Retry.TRANSIENT_AND_UPSERT_RACE, c -> {
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
}
