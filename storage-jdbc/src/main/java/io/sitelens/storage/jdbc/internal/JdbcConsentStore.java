package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ConsentMethod;
import io.sitelens.model.ConsentRecord;
import io.sitelens.model.ConsentState;
import io.sitelens.model.IdentityType;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.ConsentStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The consent ledger: append-only rows per tenant, looked up by a hash of the subject identity. */
public final class JdbcConsentStore implements ConsentStore {
    private static final String COLUMNS =
            "subject_type, subject_value, purpose, consent_state, decided_at, notice_version, consent_method, consent_source";
    private final Database db;

    public JdbcConsentStore(Database db) {
        this.db = db;
    }

    @Override
    public void append(ConsentRecord r) {
        requireNonNull(r, "record");
        db.durableTransaction("append a consent record of tenant " + r.tenant(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO consent_records (tenant_id, subject_hash, "
                    + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.tenant().value());
                ps.setString(2, subjectHash(r.subject()));
                ps.setString(3, r.subject().type().name());
                ps.setString(4, r.subject().value());
                ps.setString(5, r.purpose().name());
                ps.setString(6, r.state().name());
                Columns.setInstant(ps, 7, r.at());
                ps.setString(8, r.noticeVersion());
                ps.setString(9, r.method().name());
                ps.setString(10, r.source());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<ConsentRecord> history(TenantId tenant, SubjectIdentity subject) {
        requireNonNull(tenant, "tenant");
        requireNonNull(subject, "subject");
        return db.transaction("read consent history of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM consent_records"
                    + " WHERE tenant_id = ? AND subject_hash = ? AND subject_type = ? AND subject_value = ?"
                    + " ORDER BY decided_at, record_id")) {
                bindSubject(ps, tenant, subject);
                List<ConsentRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(tenant, rs));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public Optional<ConsentRecord> current(TenantId tenant, SubjectIdentity subject, Purpose purpose, Instant at) {
        requireNonNull(tenant, "tenant");
        requireNonNull(subject, "subject");
        requireNonNull(purpose, "purpose");
        requireNonNull(at, "at");
        return db.transaction("read current consent of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM consent_records"
                    + " WHERE tenant_id = ? AND subject_hash = ? AND subject_type = ? AND subject_value = ?"
                    + " AND purpose = ? AND decided_at <= ? ORDER BY decided_at DESC, record_id DESC LIMIT 1")) {
                bindSubject(ps, tenant, subject);
                ps.setString(5, purpose.name());
                Columns.setInstant(ps, 6, at);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(tenant, rs)) : Optional.empty();
                }
            }
        });
    }

    private static void bindSubject(PreparedStatement ps, TenantId tenant, SubjectIdentity subject)
            throws SQLException {
        ps.setString(1, tenant.value());
        ps.setString(2, subjectHash(subject));
        ps.setString(3, subject.type().name());
        ps.setString(4, subject.value());
    }

    private static String subjectHash(SubjectIdentity s) {
        return Columns.hash(s.type().name(), s.value());
    }

    private static ConsentRecord read(TenantId tenant, ResultSet rs) throws SQLException {
        return new ConsentRecord(
                tenant,
                new SubjectIdentity(IdentityType.valueOf(rs.getString("subject_type")), rs.getString("subject_value")),
                Purpose.valueOf(rs.getString("purpose")),
                ConsentState.valueOf(rs.getString("consent_state")),
                requireNonNull(Columns.instant(rs, "decided_at")),
                rs.getString("notice_version"),
                ConsentMethod.valueOf(rs.getString("consent_method")),
                rs.getString("consent_source"));
    }
}
