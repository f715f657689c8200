package io.sitelens.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.SitelensException;
import io.sitelens.model.ConsentMethod;
import io.sitelens.model.ConsentRecord;
import io.sitelens.model.ConsentState;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.AuditEntry;
import io.sitelens.spi.storage.ConsentResidue;
import io.sitelens.spi.storage.PrivacyStore;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.StoredRequest;
import io.sitelens.spi.storage.SubjectRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PrivacyStore}, the sub-store {@link StorageAdapter#privacy()} returns. Extend it and
 * return a fresh, empty adapter from {@link #newAdapter()}; for stores shared by several processes, return a
 * second adapter with its own connections from {@link #secondAdapterOnSameStore}.
 */
public abstract class PrivacyStoreContract {
    protected static final TenantId A = TenantId.of("tenant-a");
    protected static final TenantId B = TenantId.of("tenant-b");
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    protected static final SubjectIdentity ANA = SubjectIdentity.parse("email:ana@example.org");

    protected StorageAdapter adapter;
    protected PrivacyStore store;

    protected abstract StorageAdapter newAdapter();

    protected StorageAdapter secondAdapterOnSameStore(StorageAdapter first) {
        return first;
    }

    @BeforeEach
    void openStore() {
        adapter = newAdapter();
        store = adapter.privacy();
    }

    @AfterEach
    void closeStore() {
        adapter.close();
    }

    protected static AuditEntry follow(TenantId t, AuditEntry.Head head, String action) {
        String hash = String.format("%064x", head.count() + 1);
        return new AuditEntry(t, head.count() + 1, T0, action, "{}", head.hash(), hash);
    }

    private static StoredRequest request(TenantId t, String id, Instant received, String pseudonym) {
        return new StoredRequest(
                t,
                id,
                "RECEIVED",
                received,
                received.plusSeconds(86400 * 30),
                Set.of(pseudonym),
                "{\"id\":\"" + id + "\"}");
    }

    private static SubjectRecord record(TenantId t, String id, String category, Instant created, Instant ended) {
        return new SubjectRecord(t, id, category, List.of(ANA), Map.of("name", "Ana"), List.of(), created, ended);
    }

    @Nested
    class Keys {
        @Test
        void a_tenant_key_is_made_once_and_returned_the_same_ever_after() {
            byte[] k1 = store.tenantKey(A, "audit");
            assertThat(k1).as("a key of 32 random bytes").hasSize(32);
            assertThat(store.tenantKey(A, "audit"))
                    .as("asking again must return the same key, or every hash and pseudonym would change")
                    .isEqualTo(k1);
            assertThat(secondAdapterOnSameStore(adapter).privacy().tenantKey(A, "audit"))
                    .as("another process must see the same key")
                    .isEqualTo(k1);
        }

        @Test
        void keys_differ_by_tenant_and_by_name() {
            byte[] a = store.tenantKey(A, "audit");
            assertThat(store.tenantKey(B, "audit")).isNotEqualTo(a);
            assertThat(store.tenantKey(A, "pseudonym")).isNotEqualTo(a);
            assertThat(store.tenants()).containsExactly(A, B);
        }

        @Test
        void a_deleted_key_is_gone_for_every_process_and_a_new_one_is_made_next_time() {
            byte[] salt = store.tenantKey(A, "collector-salt-2026-03-01");
            byte[] kept = store.tenantKey(A, "audit");
            assertThat(store.deleteTenantKey(A, "collector-salt-2026-03-01")).isTrue();
            assertThat(store.deleteTenantKey(A, "collector-salt-2026-03-01"))
                    .as("nothing left to delete")
                    .isFalse();
            assertThat(secondAdapterOnSameStore(adapter).privacy().tenantKey(A, "collector-salt-2026-03-01"))
                    .as("the old key cannot come back, for this or another process")
                    .isNotEqualTo(salt);
            assertThat(store.tenantKey(A, "audit")).as("other keys stay").isEqualTo(kept);
            assertThat(store.deleteTenantKey(B, "audit")).isFalse();
        }
    }

    @Nested
    class Requests {
        @Test
        void put_replaces_and_requests_are_listed_oldest_first_per_tenant() {
            store.putRequest(request(A, "r2", T0.plusSeconds(60), "p1"));
            store.putRequest(request(A, "r1", T0, "p1"));
            StoredRequest done = new StoredRequest(A, "r1", "COMPLETED", T0, T0.plusSeconds(10), Set.of("p1"), "{}");
            store.putRequest(done);
            store.putRequest(request(B, "r1", T0, "p1"));
            assertThat(store.request(A, "r1")).contains(done);
            assertThat(store.requests(A)).extracting(StoredRequest::id).containsExactly("r1", "r2");
            assertThat(store.requestsBySubject(A, List.of("p1", "other")))
                    .as("requests are found by any of the subject's pseudonyms, within the tenant")
                    .hasSize(2)
                    .allMatch(r -> r.tenant().equals(A));
            assertThat(store.requestsBySubject(A, List.of("nobody"))).isEmpty();
        }
    }

    @Nested
    class AuditLog {
        @Test
        void entries_are_appended_in_sequence_and_read_back_in_pages() {
            for (int i = 0; i < 5; i++) {
                store.appendAudit(A, h -> follow(A, h, "test"));
            }
            store.appendAudit(B, h -> follow(B, h, "other-tenant"));
            List<AuditEntry> first = store.auditEntries(A, 0, 3);
            assertThat(first).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
            assertThat(store.auditEntries(A, 3, 10))
                    .extracting(AuditEntry::sequence)
                    .containsExactly(4L, 5L);
            assertThat(first.get(1).previousHash()).isEqualTo(first.get(0).hash());
            assertThat(store.auditEntries(B, 0, 10)).hasSize(1);
        }

        @Test
        void an_entry_that_does_not_follow_the_head_is_refused() {
            store.appendAudit(A, h -> follow(A, h, "first"));
            assertThatThrownBy(() -> store.appendAudit(
                            A, h -> new AuditEntry(A, 1, T0, "x", "{}", AuditEntry.Head.GENESIS, "f".repeat(64))))
                    .as("a second entry 1 must be refused, not stored beside the first")
                    .isInstanceOf(SitelensException.class);
            assertThat(store.auditEntries(A, 0, 10)).hasSize(1);
        }

        @Test
        void concurrent_appends_from_several_writers_form_one_unbroken_chain() throws Exception {
            StorageAdapter second = secondAdapterOnSameStore(adapter);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    PrivacyStore s = (w % 2 == 0 ? adapter : second).privacy();
                    tasks.add(() -> {
                        for (int i = 0; i < 10; i++) {
                            s.appendAudit(A, h -> follow(A, h, "concurrent"));
                        }
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<AuditEntry> all = store.auditEntries(A, 0, 1000);
            assertThat(all)
                    .as("40 appends by 4 writers must give 40 entries; look at the lock on the chain head")
                    .hasSize(40);
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).previousHash())
                        .as("entry " + all.get(i).sequence() + " must follow entry "
                                + all.get(i - 1).sequence())
                        .isEqualTo(all.get(i - 1).hash());
            }
        }
    }

    @Nested
    class RecordsAboutPeople {
        @Test
        void records_are_found_by_identity_and_by_retention_dates() {
            store.putSubjectRecord(record(A, "c1", "customerData", T0, T0.plusSeconds(100)));
            store.putSubjectRecord(record(A, "c2", "customerData", T0.plusSeconds(50), null));
            store.putSubjectRecord(record(B, "c1", "customerData", T0, T0));
            assertThat(store.subjectRecords(A, List.of(ANA)))
                    .extracting(SubjectRecord::id)
                    .containsExactly("c1", "c2");
            assertThat(store.subjectRecordsEndedBefore(A, "customerData", T0.plusSeconds(101)))
                    .as("a relationship that has not ended is never due")
                    .extracting(SubjectRecord::id)
                    .containsExactly("c1");
            assertThat(store.subjectRecordsCreatedBefore(A, "customerData", T0.plusSeconds(1)))
                    .extracting(SubjectRecord::id)
                    .containsExactly("c1");
            assertThat(store.subjectRecords(A, "contractData")).isEmpty();
            assertThat(store.deleteSubjectRecord(A, "c1")).isTrue();
            assertThat(store.deleteSubjectRecord(A, "c1"))
                    .as("deleting twice finds nothing")
                    .isFalse();
            assertThat(store.subjectRecords(B, List.of(ANA)))
                    .as("the other tenant keeps its record")
                    .hasSize(1);
        }

        @Test
        void a_record_reads_back_with_all_its_fields() {
            SubjectRecord r = new SubjectRecord(
                    A,
                    "c9",
                    "contractData",
                    List.of(ANA, SubjectIdentity.parse("account:42")),
                    Map.of("name", "Ana", "phone", "+33 1 23"),
                    List.of("a".repeat(64)),
                    T0,
                    T0.plusSeconds(5));
            store.putSubjectRecord(r);
            assertThat(store.subjectRecords(A, List.of(SubjectIdentity.parse("account:42"))))
                    .containsExactly(r);
        }
    }

    @Nested
    class FlagsAndConsent {
        @Test
        void restriction_is_set_and_lifted_per_tenant() {
            store.setRestricted(A, "p1", true);
            store.setRestricted(A, "p1", true);
            assertThat(store.restricted(A, "p1")).isTrue();
            assertThat(store.restricted(B, "p1")).isFalse();
            store.setRestricted(A, "p1", false);
            assertThat(store.restricted(A, "p1")).isFalse();
        }

        @Test
        void objections_accumulate() {
            store.addObjection(A, "p1", Purpose.MARKETING, T0);
            store.addObjection(A, "p1", Purpose.ANALYTICS, T0);
            store.addObjection(A, "p1", Purpose.MARKETING, T0.plusSeconds(1));
            assertThat(store.objections(A, "p1")).containsExactlyInAnyOrder(Purpose.MARKETING, Purpose.ANALYTICS);
            assertThat(store.objections(B, "p1")).isEmpty();
        }

        @Test
        void consent_records_of_a_subject_are_erased_or_moved_and_residue_is_kept_once() {
            SubjectIdentity bob = SubjectIdentity.parse("email:bob@example.org");
            adapter.consents()
                    .append(new ConsentRecord(
                            A, ANA, Purpose.MARKETING, ConsentState.GRANTED, T0, "v1", ConsentMethod.FORM, "form-1"));
            adapter.consents()
                    .append(new ConsentRecord(
                            A,
                            ANA,
                            Purpose.MARKETING,
                            ConsentState.WITHDRAWN,
                            T0.plusSeconds(9),
                            "v1",
                            ConsentMethod.FORM,
                            "form-1"));
            adapter.consents()
                    .append(new ConsentRecord(
                            B, ANA, Purpose.MARKETING, ConsentState.GRANTED, T0, "v1", ConsentMethod.FORM, "form-1"));
            assertThat(store.rekeyConsentRecords(A, ANA, bob)).isEqualTo(2);
            assertThat(adapter.consents().history(A, ANA)).isEmpty();
            assertThat(adapter.consents().history(A, bob)).hasSize(2);
            assertThat(store.eraseConsentRecords(A, bob)).isEqualTo(2);
            assertThat(adapter.consents().history(A, bob)).isEmpty();
            assertThat(adapter.consents().history(B, ANA))
                    .as("the other tenant's ledger is untouched")
                    .hasSize(1);

            ConsentResidue r = new ConsentResidue(A, "p1", Purpose.MARKETING, T0, "v1", ConsentMethod.FORM);
            store.addConsentResidue(r);
            store.addConsentResidue(r);
            assertThat(store.consentResidue(A, "p1")).containsExactly(r);
            assertThat(store.consentResidue(B, "p1")).isEmpty();
        }
    }

    @Nested
    class TenantDeletion {
        @Test
        void deleting_a_tenant_removes_its_privacy_data_and_nothing_of_another_tenant() {
            for (io.sitelens.model.TenantId t : List.of(A, B)) {
                adapter.tenants().put(new io.sitelens.model.Tenant(t, t.value(), T0, null, null));
                store.tenantKey(t, "audit");
                store.putRequest(request(t, "r1", T0, "p1"));
                store.appendAudit(t, h -> follow(t, h, "test"));
                store.putSubjectRecord(record(t, "c1", "customerData", T0, null));
                store.setRestricted(t, "p1", true);
                store.addObjection(t, "p1", Purpose.MARKETING, T0);
                store.addConsentResidue(new ConsentResidue(t, "p1", Purpose.MARKETING, T0, "v1", ConsentMethod.FORM));
            }
            assertThat(adapter.tenants().delete(A)).isTrue();
            assertThat(store.requests(A)).isEmpty();
            assertThat(store.auditEntries(A, 0, 10)).isEmpty();
            assertThat(store.subjectRecords(A, List.of(ANA))).isEmpty();
            assertThat(store.restricted(A, "p1")).isFalse();
            assertThat(store.objections(A, "p1")).isEmpty();
            assertThat(store.consentResidue(A, "p1")).isEmpty();
            assertThat(store.tenants())
                    .as("only the other tenant keeps privacy data")
                    .containsExactly(B);
            assertThat(store.requests(B)).hasSize(1);
            assertThat(store.auditEntries(B, 0, 10)).hasSize(1);
            assertThat(store.subjectRecords(B, List.of(ANA))).hasSize(1);
            assertThat(store.restricted(B, "p1")).isTrue();
        }
    }
}
