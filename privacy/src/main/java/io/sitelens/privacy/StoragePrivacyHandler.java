package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ConsentMethod;
import io.sitelens.model.ConsentRecord;
import io.sitelens.model.ConsentState;
import io.sitelens.model.DataSubject;
import io.sitelens.model.IdentityType;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.privacy.ExportedItem;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRequestContext;
import io.sitelens.spi.privacy.PrivacyRight;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.storage.PrivacyStore;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.StoredRequest;
import io.sitelens.spi.storage.SubjectRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@link PrivacyRightsHandler} over what sitelens itself stores about people: records about people
 * (customer contacts, contract parties, prospects) and their attached files, the consent ledger, data-subject
 * request records, restriction and objection flags. Attached files are exported as fields
 * {@code attachment.N} holding the file's SHA-256; {@link PrivacyRequests#export} puts them in the zip.
 */
public final class StoragePrivacyHandler implements PrivacyRightsHandler {
    public static final String ID = "storage";
    static final String ATTACHMENT = "attachment.";

    private final StorageAdapter storage;
    private final SubjectPseudonyms pseudonyms;

    public StoragePrivacyHandler(StorageAdapter storage, SubjectPseudonyms pseudonyms) {
        this.storage = requireNonNull(storage, "storage");
        this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms");
    }

    /** A handler keeping pseudonym keys in the store itself. */
    public static StoragePrivacyHandler of(StorageAdapter storage) {
        return new StoragePrivacyHandler(storage, new SubjectPseudonyms(TenantKeys.stored(storage.privacy())));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<PrivacyRight> supportedRights() {
        return EnumSet.allOf(PrivacyRight.class);
    }

    @Override
    public Set<IdentityType> identityTypes() {
        return EnumSet.allOf(IdentityType.class);
    }

    private PrivacyStore store() {
        return storage.privacy();
    }

    @Override
    public HandlerResult access(PrivacyRequestContext request, DataSubject subject) {
        TenantId t = request.tenant();
        List<ExportedItem> items = new ArrayList<>();
        for (SubjectRecord r : store().subjectRecords(t, subject.identities())) {
            Map<String, String> f = new TreeMap<>(r.fields());
            f.put("recordId", r.id());
            f.put("createdAt", r.createdAt().toString());
            if (r.relationshipEnd() != null) {
                f.put("relationshipEnd", r.relationshipEnd().toString());
            }
            for (int i = 0; i < r.blobs().size(); i++) {
                f.put(ATTACHMENT + (i + 1), r.blobs().get(i));
            }
            items.add(new ExportedItem(r.category(), "sitelens:records-about-people", f, true));
        }
        for (SubjectIdentity id : subject.identities()) {
            for (ConsentRecord c : storage.consents().history(t, id)) {
                Map<String, String> f = new LinkedHashMap<>();
                f.put("identity", id.toString());
                f.put("purpose", c.purpose().name());
                f.put("state", c.state().name());
                f.put("at", c.at().toString());
                f.put("noticeVersion", c.noticeVersion());
                f.put("method", c.method().name());
                f.put("source", c.source());
                items.add(new ExportedItem("consent", "sitelens:consent-ledger", f, true));
            }
        }
        Set<String> ps = pseudonyms.of(t, subject);
        for (StoredRequest s : store().requestsBySubject(t, ps)) {
            PrivacyRequest r = RequestCodec.fromStored(s);
            if (r.identities().isEmpty() || r.id().equals(request.requestId())) {
                continue; // the residue of an erasure, or the request being answered
            }
            items.add(new ExportedItem(
                    "privacy-request",
                    "sitelens:privacy-requests",
                    Map.of(
                            "requestId", r.id(),
                            "right", r.right().name(),
                            "state", r.state().name(),
                            "receivedAt", r.receivedAt().toString()),
                    false));
        }
        boolean restricted = ps.stream().anyMatch(p -> store().restricted(t, p));
        Set<Purpose> objected = EnumSet.noneOf(Purpose.class);
        ps.forEach(p -> objected.addAll(store().objections(t, p)));
        if (restricted || !objected.isEmpty()) {
            items.add(new ExportedItem(
                    "processing-restriction",
                    "sitelens:privacy-flags",
                    Map.of(
                            "restricted", Boolean.toString(restricted),
                            "objectedPurposes", objected.toString()),
                    false));
        }
        return HandlerResult.exported(ID, items);
    }

    @Override
    public HandlerResult rectify(PrivacyRequestContext request, DataSubject subject, Map<String, String> corrections) {
        TenantId t = request.tenant();
        Optional<SubjectIdentity> oldEmail = subject.first(IdentityType.EMAIL);
        @Nullable
        SubjectIdentity newEmail = corrections.containsKey("email")
                ? new SubjectIdentity(IdentityType.EMAIL, corrections.get("email"))
                : null;
        long changed = 0;
        for (SubjectRecord r : store().subjectRecords(t, subject.identities())) {
            Map<String, String> fields = new LinkedHashMap<>(r.fields());
            fields.putAll(corrections);
            List<SubjectIdentity> ids = r.identities();
            if (newEmail != null && oldEmail.isPresent()) {
                ids = ids.stream()
                        .map(i -> i.equals(oldEmail.get()) ? newEmail : i)
                        .distinct()
                        .toList();
            }
            store().putSubjectRecord(new SubjectRecord(
                    t, r.id(), r.category(), ids, fields, r.blobs(), r.createdAt(), r.relationshipEnd()));
            changed++;
        }
        if (newEmail != null && oldEmail.isPresent() && !newEmail.equals(oldEmail.get())) {
            changed += store().rekeyConsentRecords(t, oldEmail.get(), newEmail);
        }
        return changed == 0
                ? HandlerResult.notFound(ID)
                : HandlerResult.done(ID, changed, "rectified " + changed + " stored copies of " + corrections.keySet());
    }

    @Override
    public HandlerResult erase(PrivacyRequestContext request, DataSubject subject) {
        TenantId t = request.tenant();
        long records = 0;
        for (SubjectRecord r : store().subjectRecords(t, subject.identities())) {
            for (String sha : r.blobs()) {
                storage.blobs().delete(t, sha);
            }
            if (store().deleteSubjectRecord(t, r.id())) {
                records++;
            }
        }
        long consents = 0;
        for (SubjectIdentity id : subject.identities()) {
            consents += ConsentErasure.erase(storage, pseudonyms, t, id);
        }
        Set<String> ps = pseudonyms.of(t, subject);
        long requests = 0;
        for (StoredRequest s : store().requestsBySubject(t, ps)) {
            PrivacyRequest r = RequestCodec.fromStored(s);
            if (!r.identities().isEmpty()
                    || !r.items().isEmpty()
                    || !r.corrections().isEmpty()) {
                store().putRequest(RequestCodec.toStored(r.scrubbed()));
                requests++;
            }
        }
        for (String p : ps) {
            store().setRestricted(t, p, false);
        }
        long total = records + consents + requests;
        if (total == 0) {
            return HandlerResult.notFound(ID);
        }
        return HandlerResult.done(
                ID,
                total,
                "erased " + records + " records about the person, " + consents + " consent records; " + requests
                        + " request records pseudonymised");
    }

    @Override
    public HandlerResult restrict(PrivacyRequestContext request, DataSubject subject, boolean restricted) {
        Set<String> ps = pseudonyms.of(request.tenant(), subject);
        for (String p : ps) {
            store().setRestricted(request.tenant(), p, restricted);
        }
        return HandlerResult.done(
                ID, ps.size(), (restricted ? "restricted " : "lifted restriction of ") + ps.size() + " identities");
    }

    @Override
    public HandlerResult object(PrivacyRequestContext request, DataSubject subject, Purpose purpose) {
        TenantId t = request.tenant();
        java.time.Instant now = request.clock().instant();
        for (SubjectIdentity id : subject.identities()) {
            store().addObjection(t, pseudonyms.of(t, id), purpose, now);
            Optional<ConsentRecord> current = storage.consents().current(t, id, purpose, now);
            if (current.isPresent() && current.get().granted()) {
                storage.consents()
                        .append(new ConsentRecord(
                                t,
                                id,
                                purpose,
                                ConsentState.WITHDRAWN,
                                now,
                                current.get().noticeVersion(),
                                ConsentMethod.API,
                                "objection " + request.requestId()));
            }
        }
        return HandlerResult.done(
                ID,
                subject.identities().size(),
                "objection to " + purpose + " recorded for "
                        + subject.identities().size() + " identities");
    }
}
