package io.sitelens.spi.storage;

import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the privacy module keeps: data-subject requests, the audit log, restriction and objection flags, the
 * records kept about people, the pseudonymised residue of erased subjects' consents, and per-tenant keys.
 * Flags and residue are keyed by pseudonyms the privacy module computes; the store never sees the key's use.
 * Every method is scoped to one tenant; implementations are thread-safe.
 *
 * <p>The contract kit {@code io.sitelens.tck.storage.PrivacyStoreContract} states the rules.
 */
public interface PrivacyStore {

    /**
     * The tenant's secret key named {@code name} (such as {@code audit}, {@code pseudonym}): 32 random bytes
     * made on first use, the same ever after, even when several processes ask at once.
     */
    byte[] tenantKey(TenantId tenant, String name);

    /**
     * Deletes the tenant's key named {@code name} for good (a later {@link #tenantKey} makes a new one); true if
     * it existed. For keys whose deletion is the privacy guarantee, such as a collector's daily salts 48 hours
     * on. Added in SPI 1.0 after the first stores: a store that cannot delete keys answers
     * {@link io.sitelens.ErrorCode#UNSUPPORTED}.
     */
    default boolean deleteTenantKey(TenantId tenant, String name) {
        throw new io.sitelens.SitelensException(
                io.sitelens.ErrorCode.UNSUPPORTED, "this privacy store cannot delete tenant keys");
    }

    /** Every tenant with privacy data in this store (requests, audit entries, records, keys), sorted. */
    List<TenantId> tenants();

    // requests

    /** Inserts or replaces the request with this tenant and id. */
    void putRequest(StoredRequest request);

    Optional<StoredRequest> request(TenantId tenant, String id);

    /** The tenant's requests, oldest received first. */
    List<StoredRequest> requests(TenantId tenant);

    /** The tenant's requests whose subject has any of these pseudonyms, oldest received first. */
    List<StoredRequest> requestsBySubject(TenantId tenant, Collection<String> pseudonyms);

    // audit log

    /**
     * Appends one entry, serialised with every other append to the tenant's log (also across processes): the
     * store reads the current head under a lock, calls {@code next} with it, checks the entry follows the head
     * ({@code sequence == count + 1}, {@code previousHash == head.hash}) and stores it.
     */
    AuditEntry appendAudit(TenantId tenant, Function<AuditEntry.Head, AuditEntry> next);

    /** Up to {@code limit} entries with a sequence greater than {@code afterSequence}, in sequence order. */
    List<AuditEntry> auditEntries(TenantId tenant, long afterSequence, int limit);

    // records about people

    /** Inserts or replaces the record with this tenant and id. */
    void putSubjectRecord(SubjectRecord record);

    /** Records carrying any of these identities. */
    List<SubjectRecord> subjectRecords(TenantId tenant, Collection<SubjectIdentity> identities);

    /** Records of a category whose relationship ended before {@code cutoff}. */
    List<SubjectRecord> subjectRecordsEndedBefore(TenantId tenant, String category, Instant cutoff);

    /** Records of a category created before {@code cutoff}. */
    List<SubjectRecord> subjectRecordsCreatedBefore(TenantId tenant, String category, Instant cutoff);

    /** Every record of a category. */
    List<SubjectRecord> subjectRecords(TenantId tenant, String category);

    boolean deleteSubjectRecord(TenantId tenant, String id);

    // restriction and objection, by pseudonym

    void setRestricted(TenantId tenant, String pseudonym, boolean restricted);

    boolean restricted(TenantId tenant, String pseudonym);

    void addObjection(TenantId tenant, String pseudonym, Purpose purpose, Instant at);

    Set<Purpose> objections(TenantId tenant, String pseudonym);

    // the consent ledger's erasure

    /** Deletes every consent-ledger record of the subject; returns how many. */
    long eraseConsentRecords(TenantId tenant, SubjectIdentity subject);

    /** Moves every consent-ledger record of {@code from} to {@code to} (rectification); returns how many. */
    long rekeyConsentRecords(TenantId tenant, SubjectIdentity from, SubjectIdentity to);

    /** Adds a residue fact unless an equal one is already kept. */
    void addConsentResidue(ConsentResidue residue);

    List<ConsentResidue> consentResidue(TenantId tenant, String pseudonym);
}
