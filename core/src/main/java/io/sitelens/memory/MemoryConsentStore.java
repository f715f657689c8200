package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ConsentRecord;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import io.sitelens.spi.storage.ConsentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class MemoryConsentStore implements ConsentStore {
    private final Object lock;
    private final List<ConsentRecord> records = new ArrayList<>();

    MemoryConsentStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void append(ConsentRecord record) {
        requireNonNull(record, "record");
        synchronized (lock) {
            records.add(record);
        }
    }

    @Override
    public List<ConsentRecord> history(TenantId tenant, SubjectIdentity subject) {
        synchronized (lock) {
            return records.stream()
                    .filter(r -> r.tenant().equals(tenant) && r.subject().equals(subject))
                    .sorted(Comparator.comparing(ConsentRecord::at))
                    .toList();
        }
    }

    @Override
    public Optional<ConsentRecord> current(TenantId tenant, SubjectIdentity subject, Purpose purpose, Instant at) {
        synchronized (lock) {
            ConsentRecord best = null;
            for (ConsentRecord r : new ArrayList<>(records)) {
                if (r.tenant().equals(tenant)
                        && r.subject().equals(subject)
                        && r.purpose() == purpose
                        && !r.at().isAfter(at)
                        && (best == null || !r.at().isBefore(best.at()))) {
                    best = r; // ties: the later-appended record wins
                }
            }
            return Optional.ofNullable(best);
        }
    }

    long erase(TenantId tenant, SubjectIdentity subject) {
        synchronized (lock) {
            int before = records.size();
            records.removeIf(r -> r.tenant().equals(tenant) && r.subject().equals(subject));
            return before - records.size();
        }
    }

    long rekey(TenantId tenant, SubjectIdentity from, SubjectIdentity to) {
        synchronized (lock) {
            long n = 0;
            for (int i = 0; i < records.size(); i++) {
                ConsentRecord r = records.get(i);
                if (r.tenant().equals(tenant) && r.subject().equals(from)) {
                    records.set(
                            i,
                            new ConsentRecord(
                                    r.tenant(),
                                    to,
                                    r.purpose(),
                                    r.state(),
                                    r.at(),
                                    r.noticeVersion(),
                                    r.method(),
                                    r.source()));
                    n++;
                }
            }
            return n;
        }
    }

    void drop(TenantId tenant) {
        records.removeIf(r -> r.tenant().equals(tenant));
    }
}
