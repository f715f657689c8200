package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.TenantId;
import io.sitelens.privacy.internal.CanonicalJson;
import io.sitelens.privacy.internal.Hmac;
import io.sitelens.spi.storage.AuditEntry;
import io.sitelens.spi.storage.PrivacyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's append-only, tamper-evident audit log. Each entry's hash is
 * {@code HMAC-SHA256(tenant's audit key, "sitelens-audit-v1\n" + tenant + "\n" + sequence + "\n" + at + "\n" +
 * action + "\n" + details + "\n" + previousHash)}, with {@code details} as canonical JSON (sorted keys, no
 * whitespace) and 64 zeros as the first entry's previous hash. Appends are serialised by the store (a lock on
 * the chain head). Entries never hold a subject's identifiers: only keyed pseudonyms.
 */
public final class AuditLog {
    static final String VERSION = "sitelens-audit-v1";
    private static final int PAGE = 1000;

    private final PrivacyStore store;
    private final TenantKeys keys;
    private final Clock clock;

    public AuditLog(PrivacyStore store, TenantKeys keys, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.keys = requireNonNull(keys, "keys");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Appends an entry; {@code details} values are strings, numbers, booleans, lists or maps. */
    public AuditEntry append(TenantId tenant, String action, Map<String, ?> details) {
        requireNonNull(tenant, "tenant");
        requireNonNull(action, "action");
        if (!action.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("audit action must be dotted lowercase words: " + action);
        }
        String content = CanonicalJson.write(new TreeMap<>(details));
        byte[] key = keys.key(tenant, TenantKeys.AUDIT);
        return store.appendAudit(tenant, head -> {
            long seq = head.count() + 1;
            // millisecond precision: every store keeps it exactly, so the hash recomputes
            var at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            String hash = hash(key, tenant, seq, at.toString(), action, content, head.hash());
            return new AuditEntry(tenant, seq, at, action, content, head.hash(), hash);
        });
    }

    /** Every entry of the tenant, oldest first (read in pages). */
    public List<AuditEntry> entries(TenantId tenant) {
        List<AuditEntry> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<AuditEntry> page = store.auditEntries(tenant, after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).sequence();
        }
    }

    /** Checks the whole chain; with an anchor, also that the log still reaches and agrees with it. */
    public AuditVerification verify(TenantId tenant, @Nullable AuditAnchor anchor) {
        requireNonNull(tenant, "tenant");
        byte[] key = keys.key(tenant, TenantKeys.AUDIT);
        List<String> problems = new ArrayList<>();
        Long firstBad = null;
        long expected = 1;
        String previous = AuditEntry.Head.GENESIS;
        String anchorSeen = null;
        long after = 0;
        long count = 0;
        while (true) {
            List<AuditEntry> page = store.auditEntries(tenant, after, PAGE);
            for (AuditEntry e : page) {
                count++;
                if (e.sequence() != expected) {
                    problems.add("entry " + e.sequence() + " found where entry " + expected
                            + " was expected (an entry was removed or entries were reordered)");
                    firstBad = firstBad == null ? expected : firstBad;
                }
                if (!Hmac.equalHex(e.previousHash(), previous)) {
                    problems.add("entry " + e.sequence()
                            + " does not point to the entry before it (removed, inserted or reordered entries)");
                    firstBad = firstBad == null ? e.sequence() : firstBad;
                }
                String h =
                        hash(key, tenant, e.sequence(), e.at().toString(), e.action(), e.details(), e.previousHash());
                if (!Hmac.equalHex(h, e.hash())) {
                    problems.add("entry " + e.sequence()
                            + " does not match its hash (its content was edited, or the chain was recomputed without"
                            + " the tenant's key)");
                    firstBad = firstBad == null ? e.sequence() : firstBad;
                }
                if (anchor != null && count == anchor.count()) {
                    anchorSeen = e.hash();
                }
                previous = e.hash();
                expected = e.sequence() + 1;
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        if (anchor != null) {
            if (count < anchor.count()) {
                problems.add("the log holds " + count + " entries but was anchored at " + anchor.count()
                        + " (its tail was removed)");
                firstBad = firstBad == null ? count + 1 : firstBad;
            } else if (anchor.count() == 0
                    ? !anchor.hash().equals(AuditEntry.Head.GENESIS)
                    : anchorSeen == null || !Hmac.equalHex(anchorSeen, anchor.hash())) {
                problems.add("entry " + anchor.count() + " does not have the anchored hash (the log was rewritten)");
                firstBad = firstBad == null ? anchor.count() : firstBad;
            }
        }
        return new AuditVerification(tenant, problems.isEmpty(), count, previous, firstBad, problems);
    }

    static String hash(
            byte[] key, TenantId tenant, long seq, String at, String action, String details, String previous) {
        return Hmac.sha256Hex(
                key,
                VERSION + "\n" + tenant.value() + "\n" + seq + "\n" + at + "\n" + action + "\n" + details + "\n"
                        + previous);
    }
}
