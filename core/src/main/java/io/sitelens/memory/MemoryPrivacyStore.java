package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.AuditEntry;
import io.sitelens.spi.storage.ConsentResidue;
import io.sitelens.spi.storage.PrivacyStore;
import io.sitelens.spi.storage.StoredRequest;
import io.sitelens.spi.storage.SubjectRecord;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

final class MemoryPrivacyStore implements PrivacyStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Object lock;
    private final MemoryConsentStore consents;
    private final Map<TenantId, Map<String, byte[]>> keys = new HashMap<>();
    private final Map<TenantId, Map<String, StoredRequest>> requests = new HashMap<>();
    private final Map<TenantId, List<AuditEntry>> audit = new HashMap<>();
    private final Map<TenantId, Map<String, SubjectRecord>> records = new HashMap<>();
    private final Map<TenantId, Set<String>> restricted = new HashMap<>();
    private final Map<TenantId, Map<String, Set<Purpose>>> objections = new HashMap<>();
    private final List<ConsentResidue> residue = new ArrayList<>();

    MemoryPrivacyStore(Object lock, MemoryConsentStore consents) {
        this.lock = lock;
        this.consents = consents;
    }

    @Override
    public byte[] tenantKey(TenantId tenant, String name) {
        requireNonNull(tenant, "tenant");
        requireNonNull(name, "name");
        synchronized (lock) {
            return keys.computeIfAbsent(tenant, t -> new HashMap<>())
                    .computeIfAbsent(name, n -> {
                        byte[] k = new byte[32];
                        RANDOM.nextBytes(k);
                        return k;
                    })
                    .clone();
        }
    }

    @Override
    public boolean deleteTenantKey(TenantId tenant, String name) {
        requireNonNull(tenant, "tenant");
        requireNonNull(name, "name");
        synchronized (lock) {
            Map<String, byte[]> mine = keys.get(tenant);
            if (mine == null || mine.remove(name) == null) {
                return false;
            }
            if (mine.isEmpty()) {
                keys.remove(tenant);
            }
            return true;
        }
    }

    @Override
    public List<TenantId> tenants() {
        synchronized (lock) {
            Set<TenantId> all = new TreeSet<>(Comparator.comparing(TenantId::value));
            all.addAll(keys.keySet());
            all.addAll(requests.keySet());
            all.addAll(audit.keySet());
            all.addAll(records.keySet());
            return List.copyOf(all);
        }
    }

    @Override
    public void putRequest(StoredRequest request) {
        requireNonNull(request, "request");
        synchronized (lock) {
            requests.computeIfAbsent(request.tenant(), t -> new LinkedHashMap<>())
                    .put(request.id(), request);
        }
    }

    @Override
    public Optional<StoredRequest> request(TenantId tenant, String id) {
        synchronized (lock) {
            return Optional.ofNullable(requests.getOrDefault(tenant, Map.of()).get(id));
        }
    }

    @Override
    public List<StoredRequest> requests(TenantId tenant) {
        return requestsWhere(tenant, r -> true);
    }

    @Override
    public List<StoredRequest> requestsBySubject(TenantId tenant, Collection<String> pseudonyms) {
        Set<String> wanted = Set.copyOf(pseudonyms);
        return requestsWhere(tenant, r -> r.subjectPseudonyms().stream().anyMatch(wanted::contains));
    }

    private List<StoredRequest> requestsWhere(TenantId tenant, Predicate<StoredRequest> p) {
        requireNonNull(tenant, "tenant");
        synchronized (lock) {
            return requests.getOrDefault(tenant, Map.of()).values().stream()
                    .filter(p)
                    .sorted(Comparator.comparing(StoredRequest::receivedAt).thenComparing(StoredRequest::id))
                    .toList();
        }
    }

    @Override
    public AuditEntry appendAudit(TenantId tenant, Function<AuditEntry.Head, AuditEntry> next) {
        requireNonNull(tenant, "tenant");
        synchronized (lock) {
            List<AuditEntry> log = audit.computeIfAbsent(tenant, t -> new ArrayList<>());
            AuditEntry.Head head = log.isEmpty()
                    ? AuditEntry.Head.empty()
                    : new AuditEntry.Head(log.size(), log.get(log.size() - 1).hash());
            AuditEntry e = requireNonNull(next.apply(head), "audit entry");
            if (!e.tenant().equals(tenant)
                    || e.sequence() != head.count() + 1
                    || !e.previousHash().equals(head.hash())) {
                throw new SitelensException(
                        ErrorCode.STORAGE_CONFLICT,
                        "audit entry " + e.sequence() + " does not follow the head of tenant " + tenant + " ("
                                + head.count() + " entries)");
            }
            log.add(e);
            return e;
        }
    }

    @Override
    public List<AuditEntry> auditEntries(TenantId tenant, long afterSequence, int limit) {
        synchronized (lock) {
            return audit.getOrDefault(tenant, List.of()).stream()
                    .filter(e -> e.sequence() > afterSequence)
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public void putSubjectRecord(SubjectRecord record) {
        requireNonNull(record, "record");
        synchronized (lock) {
            records.computeIfAbsent(record.tenant(), t -> new LinkedHashMap<>()).put(record.id(), record);
        }
    }

    @Override
    public List<SubjectRecord> subjectRecords(TenantId tenant, Collection<SubjectIdentity> identities) {
        Set<SubjectIdentity> wanted = Set.copyOf(identities);
        return recordsWhere(tenant, r -> r.identities().stream().anyMatch(wanted::contains));
    }

    @Override
    public List<SubjectRecord> subjectRecordsEndedBefore(TenantId tenant, String category, Instant cutoff) {
        return recordsWhere(
                tenant,
                r -> r.category().equals(category)
                        && r.relationshipEnd() != null
                        && r.relationshipEnd().isBefore(cutoff));
    }

    @Override
    public List<SubjectRecord> subjectRecordsCreatedBefore(TenantId tenant, String category, Instant cutoff) {
        return recordsWhere(
                tenant, r -> r.category().equals(category) && r.createdAt().isBefore(cutoff));
    }

    @Override
    public List<SubjectRecord> subjectRecords(TenantId tenant, String category) {
        return recordsWhere(tenant, r -> r.category().equals(category));
    }

    private List<SubjectRecord> recordsWhere(TenantId tenant, Predicate<SubjectRecord> p) {
        requireNonNull(tenant, "tenant");
        synchronized (lock) {
            return records.getOrDefault(tenant, Map.of()).values().stream()
                    .filter(p)
                    .sorted(Comparator.comparing(SubjectRecord::id))
                    .toList();
        }
    }

    @Override
    public boolean deleteSubjectRecord(TenantId tenant, String id) {
        synchronized (lock) {
            Map<String, SubjectRecord> m = records.get(tenant);
            return m != null && m.remove(id) != null;
        }
    }

    @Override
    public void setRestricted(TenantId tenant, String pseudonym, boolean on) {
        requireNonNull(pseudonym, "pseudonym");
        synchronized (lock) {
            Set<String> s = restricted.computeIfAbsent(tenant, t -> new HashSet<>());
            if (on) {
                s.add(pseudonym);
            } else {
                s.remove(pseudonym);
            }
        }
    }

    @Override
    public boolean restricted(TenantId tenant, String pseudonym) {
        synchronized (lock) {
            return restricted.getOrDefault(tenant, Set.of()).contains(pseudonym);
        }
    }

    @Override
    public void addObjection(TenantId tenant, String pseudonym, Purpose purpose, Instant at) {
        requireNonNull(purpose, "purpose");
        synchronized (lock) {
            objections
                    .computeIfAbsent(tenant, t -> new HashMap<>())
                    .computeIfAbsent(pseudonym, p -> EnumSet.noneOf(Purpose.class))
                    .add(purpose);
        }
    }

    @Override
    public Set<Purpose> objections(TenantId tenant, String pseudonym) {
        synchronized (lock) {
            Set<Purpose> s = objections.getOrDefault(tenant, Map.of()).get(pseudonym);
            return s == null ? Set.of() : Set.copyOf(s);
        }
    }

    @Override
    public long eraseConsentRecords(TenantId tenant, SubjectIdentity subject) {
        return consents.erase(tenant, subject);
    }

    @Override
    public long rekeyConsentRecords(TenantId tenant, SubjectIdentity from, SubjectIdentity to) {
        return consents.rekey(tenant, from, to);
    }

    @Override
    public void addConsentResidue(ConsentResidue r) {
        requireNonNull(r, "residue");
        synchronized (lock) {
            if (!residue.contains(r)) {
                residue.add(r);
            }
        }
    }

    @Override
    public List<ConsentResidue> consentResidue(TenantId tenant, String pseudonym) {
        synchronized (lock) {
            return residue.stream()
                    .filter(r -> r.tenant().equals(tenant) && r.pseudonym().equals(pseudonym))
                    .toList();
        }
    }

    void drop(TenantId tenant) {
        synchronized (lock) {
            keys.remove(tenant);
            requests.remove(tenant);
            audit.remove(tenant);
            records.remove(tenant);
            restricted.remove(tenant);
            objections.remove(tenant);
            residue.removeIf(r -> r.tenant().equals(tenant));
        }
    }
}
