package io.sitelens.storage.jdbc.internal;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.AuditEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The audit log of {@link JdbcPrivacyStore}: appends lock the tenant's row of {@code privacy_audit_heads}. */
final class JdbcAuditChain {
    private final Database db;

    JdbcAuditChain(Database db) {
        this.db = db;
    }

    public AuditEntry appendAudit(TenantId tenant, Function<AuditEntry.Head, AuditEntry> next) {
        requireNonNull(tenant, "tenant");
        requireNonNull(next, "next");
        return db.durableTransaction(
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
}
