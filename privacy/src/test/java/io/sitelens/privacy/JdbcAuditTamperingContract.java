package io.sitelens.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log in a real database, changed behind the store's back with SQL (an attacker with database
 * access): every change must fail verification.
 */
abstract class JdbcAuditTamperingContract {
    static final TenantId T = TenantId.of("acme");
    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00.123456789Z"));
    JdbcStores stores;
    AuditLog log;

    abstract JdbcStores open() throws Exception;

    @BeforeEach
    void fiveEntries() throws Exception {
        stores = open();
        log = new AuditLog(stores.adapter.privacy(), TenantKeys.stored(stores.adapter.privacy()), clock);
        for (int i = 1; i <= 5; i++) {
            log.append(T, "request.received", Map.of("request", "dsr-" + i));
            clock.advance(Duration.ofMillis(1500));
        }
    }

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    private AuditVerification verify(AuditAnchor anchor) {
        return log.verify(T, anchor);
    }

    @Test
    void the_stored_log_verifies_after_a_round_trip_through_the_database() {
        AuditVerification v = verify(null);
        assertThat(v.valid()).as(v.problems().toString()).isTrue();
        assertThat(v.count()).isEqualTo(5);
    }

    @Test
    void an_entry_edited_in_the_table_fails() throws Exception {
        stores.sql(
                "UPDATE privacy_audit_log SET details = ? WHERE tenant_id = ? AND sequence_no = 3",
                "{\"request\":\"dsr-x\"}",
                T.value());
        AuditVerification v = verify(null);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(3L);
    }

    @Test
    void an_entry_deleted_from_the_table_fails() throws Exception {
        stores.sql("DELETE FROM privacy_audit_log WHERE tenant_id = ? AND sequence_no = 2", T.value());
        assertThat(verify(null).valid()).isFalse();
    }

    @Test
    void entries_swapped_in_the_table_fail() throws Exception {
        List<AuditEntry> e = log.entries(T);
        AuditEntry third = e.get(2);
        AuditEntry fourth = e.get(3);
        for (Object[] swap : new Object[][] {{fourth, 3L}, {third, 4L}}) {
            AuditEntry x = (AuditEntry) swap[0];
            stores.sql(
                    "UPDATE privacy_audit_log SET details = ?, previous_hash = ?, entry_hash = ?"
                            + " WHERE tenant_id = ? AND sequence_no = ?",
                    x.details(),
                    x.previousHash(),
                    x.hash(),
                    T.value(),
                    swap[1]);
        }
        AuditVerification v = verify(null);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(3L);
    }

    @Test
    void a_chain_recomputed_in_the_table_without_the_key_fails() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String prev = AuditEntry.Head.GENESIS;
        for (AuditEntry e : log.entries(T)) {
            String details = e.sequence() == 2 ? "{\"request\":\"forged\"}" : e.details();
            String h = HexFormat.of()
                    .formatHex(
                            sha.digest((e.sequence() + e.action() + details + prev).getBytes(StandardCharsets.UTF_8)));
            stores.sql(
                    "UPDATE privacy_audit_log SET details = ?, previous_hash = ?, entry_hash = ?"
                            + " WHERE tenant_id = ? AND sequence_no = ?",
                    details,
                    prev,
                    h,
                    T.value(),
                    e.sequence());
            prev = h;
        }
        stores.sql("UPDATE privacy_audit_heads SET head_hash = ? WHERE tenant_id = ?", prev, T.value());
        AuditVerification v = verify(null);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(1L);
    }

    @Test
    void a_tail_cut_in_the_table_fails_against_the_anchored_head() throws Exception {
        AuditAnchor anchor = verify(null).head();
        List<AuditEntry> e = log.entries(T);
        stores.sql("DELETE FROM privacy_audit_log WHERE tenant_id = ? AND sequence_no > 3", T.value());
        stores.sql(
                "UPDATE privacy_audit_heads SET entry_count = 3, head_hash = ? WHERE tenant_id = ?",
                e.get(2).hash(),
                T.value());
        assertThat(verify(null).valid())
                .as("a cut chain is still a valid chain")
                .isTrue();
        AuditVerification v = verify(anchor);
        assertThat(v.valid()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains("anchored at 5"));
        log.append(T, "request.received", Map.of("request", "dsr-6"));
        log.append(T, "request.received", Map.of("request", "dsr-7"));
        assertThat(verify(anchor).valid())
                .as("appending as many entries again does not reach the anchored hash")
                .isFalse();
    }
}
