package io.sitelens.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.SitelensException;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.TenantId;
import io.sitelens.privacy.internal.Hmac;
import io.sitelens.spi.storage.AuditEntry;
import io.sitelens.spi.storage.PrivacyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogTest {
    private static final TenantId T = TenantId.of("acme");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private PrivacyStore store;
    private AuditLog log;

    @BeforeEach
    void fiveEntries() {
        store = new InMemoryStorageAdapter().privacy();
        log = new AuditLog(store, TenantKeys.stored(store), clock);
        for (int i = 1; i <= 5; i++) {
            log.append(T, "request.received", Map.of("request", "dsr-" + i, "n", i));
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private AuditVerification verifyTampered(UnaryOperator<List<AuditEntry>> tamper, AuditAnchor anchor) {
        PrivacyStore tampered = new TamperedAuditStore(store, tamper);
        return new AuditLog(tampered, TenantKeys.stored(store), clock).verify(T, anchor);
    }

    @Test
    void an_untouched_log_verifies_and_reports_its_head() {
        AuditVerification v = log.verify(T, null);
        assertThat(v.valid()).isTrue();
        assertThat(v.count()).isEqualTo(5);
        List<AuditEntry> entries = log.entries(T);
        assertThat(v.headHash()).isEqualTo(entries.get(4).hash());
        assertThat(entries.get(0).previousHash()).isEqualTo("0".repeat(64));
        assertThat(log.verify(T, v.head()).valid())
                .as("the log verifies against its own head")
                .isTrue();
        log.append(T, "retention.purge", Map.of("total", 0));
        assertThat(log.verify(T, v.head()).valid())
                .as("appending after the anchor keeps the anchored prefix valid")
                .isTrue();
    }

    @Test
    void the_hash_is_the_documented_hmac_over_content_and_previous_hash() {
        AuditEntry e = log.entries(T).get(1);
        String expected = Hmac.sha256Hex(
                store.tenantKey(T, TenantKeys.AUDIT),
                "sitelens-audit-v1\nacme\n2\n" + e.at() + "\nrequest.received\n" + e.details() + "\n"
                        + e.previousHash());
        assertThat(e.hash()).isEqualTo(expected);
        assertThat(e.details()).isEqualTo("{\"n\":2,\"request\":\"dsr-2\"}");
    }

    @Test
    void an_edited_entry_fails_verification_at_that_entry() {
        AuditVerification v = verifyTampered(
                l -> replace(
                        l,
                        2,
                        e -> new AuditEntry(
                                e.tenant(),
                                e.sequence(),
                                e.at(),
                                e.action(),
                                e.details().replace("dsr-3", "dsr-9"),
                                e.previousHash(),
                                e.hash())),
                null);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(3L);
        assertThat(v.problems().get(0)).contains("entry 3").contains("edited");
    }

    @Test
    void a_removed_entry_fails_verification() {
        AuditVerification v = verifyTampered(
                l -> {
                    List<AuditEntry> c = new ArrayList<>(l);
                    c.remove(1);
                    return c;
                },
                null);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(2L);
        assertThat(v.count()).isEqualTo(4);
    }

    @Test
    void reordered_entries_fail_verification() {
        AuditVerification v = verifyTampered(
                l -> {
                    List<AuditEntry> c = new ArrayList<>(l);
                    AuditEntry third = c.get(2);
                    c.set(2, c.get(3));
                    c.set(3, third);
                    return c;
                },
                null);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(3L);
    }

    @Test
    void reordered_entries_renumbered_to_look_sequential_still_fail() {
        AuditVerification v = verifyTampered(
                l -> {
                    List<AuditEntry> c = new ArrayList<>(l);
                    AuditEntry a = c.get(2);
                    AuditEntry b = c.get(3);
                    c.set(2, new AuditEntry(T, 3, b.at(), b.action(), b.details(), b.previousHash(), b.hash()));
                    c.set(3, new AuditEntry(T, 4, a.at(), a.action(), a.details(), a.previousHash(), a.hash()));
                    return c;
                },
                null);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(3L);
    }

    @Test
    void a_chain_recomputed_without_the_key_fails_from_its_first_entry() throws Exception {
        // the attacker edits entry 2 and recomputes every hash with plain SHA-256 (no key)
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        AuditVerification v = verifyTampered(
                l -> {
                    List<AuditEntry> c = new ArrayList<>();
                    String prev = AuditEntry.Head.GENESIS;
                    for (AuditEntry e : l) {
                        String details = e.sequence() == 2 ? "{\"n\":2,\"request\":\"forged\"}" : e.details();
                        String h = HexFormat.of()
                                .formatHex(
                                        sha.digest((e.sequence() + details + prev).getBytes(StandardCharsets.UTF_8)));
                        c.add(new AuditEntry(T, e.sequence(), e.at(), e.action(), details, prev, h));
                        prev = h;
                    }
                    return c;
                },
                null);
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(1L);
        assertThat(v.problems().get(0)).contains("recomputed without the tenant's key");
    }

    @Test
    void a_chain_recomputed_with_another_key_fails() {
        byte[] otherKey = new byte[32];
        AuditVerification v = verifyTampered(
                l -> {
                    List<AuditEntry> c = new ArrayList<>();
                    String prev = AuditEntry.Head.GENESIS;
                    for (AuditEntry e : l) {
                        String h = AuditLog.hash(
                                otherKey, T, e.sequence(), e.at().toString(), e.action(), e.details(), prev);
                        c.add(new AuditEntry(T, e.sequence(), e.at(), e.action(), e.details(), prev, h));
                        prev = h;
                    }
                    return c;
                },
                null);
        assertThat(v.valid()).isFalse();
    }

    @Test
    void a_truncated_tail_passes_the_chain_but_fails_against_the_anchored_head() {
        AuditAnchor anchor = log.verify(T, null).head();
        UnaryOperator<List<AuditEntry>> cut = l -> l.subList(0, 3);
        assertThat(verifyTampered(cut, null).valid())
                .as("without an anchor a cut tail cannot be seen: that is why heads are anchored")
                .isTrue();
        AuditVerification v = verifyTampered(cut, anchor);
        assertThat(v.valid()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains("anchored at 5"));
    }

    @Test
    void a_rewritten_log_of_the_same_length_fails_against_the_anchor() {
        AuditAnchor anchor = AuditAnchor.parse("5:" + "ab".repeat(32));
        assertThat(log.verify(T, anchor).valid()).isFalse();
    }

    @Test
    void anchors_are_parsed_strictly() {
        assertThat(AuditAnchor.parse("12:" + "0a".repeat(32)).count()).isEqualTo(12);
        assertThatThrownBy(() -> AuditAnchor.parse("12")).isInstanceOf(SitelensException.class);
        assertThatThrownBy(() -> AuditAnchor.parse("x:" + "0a".repeat(32))).isInstanceOf(SitelensException.class);
        assertThatThrownBy(() -> AuditAnchor.parse("3:XYZ")).isInstanceOf(SitelensException.class);
    }

    @Test
    void tenants_have_separate_chains_and_keys() {
        TenantId other = TenantId.of("globex");
        log.append(other, "request.received", Map.of("request", "dsr-1", "n", 1));
        assertThat(log.verify(other, null).count()).isEqualTo(1);
        assertThat(log.entries(other).get(0).hash())
                .isNotEqualTo(log.entries(T).get(0).hash());
        assertThat(log.verify(T, null).count()).isEqualTo(5);
    }

    private static List<AuditEntry> replace(List<AuditEntry> l, int index, UnaryOperator<AuditEntry> f) {
        List<AuditEntry> c = new ArrayList<>(l);
        c.set(index, f.apply(c.get(index)));
        return c;
    }
}
