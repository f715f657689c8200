package io.sitelens.privacy;

import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.AuditEntry;
import io.sitelens.spi.storage.ConsentResidue;
import io.sitelens.spi.storage.PrivacyStore;
import io.sitelens.spi.storage.StoredRequest;
import io.sitelens.spi.storage.SubjectRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A store whose audit log an attacker has rewritten: reads return {@code tamper} applied to the real entries.
 * (The JDBC end-to-end tests tamper with the real tables instead.)
 */
final class TamperedAuditStore implements PrivacyStore {
    private final PrivacyStore real;
    private final UnaryOperator<List<AuditEntry>> tamper;

    TamperedAuditStore(PrivacyStore real, UnaryOperator<List<AuditEntry>> tamper) {
        this.real = real;
        this.tamper = tamper;
    }

    @Override
    public List<AuditEntry> auditEntries(TenantId tenant, long afterSequence, int limit) {
        List<AuditEntry> all = tamper.apply(real.auditEntries(tenant, 0, Integer.MAX_VALUE));
        int from = 0;
        while (from < all.size() && afterSequence > 0 && all.get(from).sequence() != afterSequence) {
            from++;
        }
        from = afterSequence == 0 ? 0 : Math.min(all.size(), from + 1);
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    @Override
    public byte[] tenantKey(TenantId tenant, String name) {
        return real.tenantKey(tenant, name);
    }

    @Override
    public List<TenantId> tenants() {
        return real.tenants();
    }

    @Override
    public void putRequest(StoredRequest request) {
        real.putRequest(request);
    }

    @Override
    public Optional<StoredRequest> request(TenantId tenant, String id) {
        return real.request(tenant, id);
    }

    @Override
    public List<StoredRequest> requests(TenantId tenant) {
        return real.requests(tenant);
    }

    @Override
    public List<StoredRequest> requestsBySubject(TenantId tenant, Collection<String> pseudonyms) {
        return real.requestsBySubject(tenant, pseudonyms);
    }

    @Override
    public AuditEntry appendAudit(TenantId tenant, Function<AuditEntry.Head, AuditEntry> next) {
        return real.appendAudit(tenant, next);
    }

    @Override
    public void putSubjectRecord(SubjectRecord record) {
        real.putSubjectRecord(record);
    }

    @Override
    public List<SubjectRecord> subjectRecords(TenantId tenant, Collection<SubjectIdentity> identities) {
        return real.subjectRecords(tenant, identities);
    }

    @Override
    public List<SubjectRecord> subjectRecordsEndedBefore(TenantId tenant, String category, Instant cutoff) {
        return real.subjectRecordsEndedBefore(tenant, category, cutoff);
    }

    @Override
    public List<SubjectRecord> subjectRecordsCreatedBefore(TenantId tenant, String category, Instant cutoff) {
        return real.subjectRecordsCreatedBefore(tenant, category, cutoff);
    }

    @Override
    public List<SubjectRecord> subjectRecords(TenantId tenant, String category) {
        return real.subjectRecords(tenant, category);
    }

    @Override
    public boolean deleteSubjectRecord(TenantId tenant, String id) {
        return real.deleteSubjectRecord(tenant, id);
    }

    @Override
    public void setRestricted(TenantId tenant, String pseudonym, boolean restricted) {
        real.setRestricted(tenant, pseudonym, restricted);
    }

    @Override
    public boolean restricted(TenantId tenant, String pseudonym) {
        return real.restricted(tenant, pseudonym);
    }

    @Override
    public void addObjection(TenantId tenant, String pseudonym, Purpose purpose, Instant at) {
        real.addObjection(tenant, pseudonym, purpose, at);
    }

    @Override
    public Set<Purpose> objections(TenantId tenant, String pseudonym) {
        return real.objections(tenant, pseudonym);
    }

    @Override
    public long eraseConsentRecords(TenantId tenant, SubjectIdentity subject) {
        return real.eraseConsentRecords(tenant, subject);
    }

    @Override
    public long rekeyConsentRecords(TenantId tenant, SubjectIdentity from, SubjectIdentity to) {
        return real.rekeyConsentRecords(tenant, from, to);
    }

    @Override
    public void addConsentResidue(ConsentResidue residue) {
        real.addConsentResidue(residue);
    }

    @Override
    public List<ConsentResidue> consentResidue(TenantId tenant, String pseudonym) {
        return real.consentResidue(tenant, pseudonym);
    }
}
