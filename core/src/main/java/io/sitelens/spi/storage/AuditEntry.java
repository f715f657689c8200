package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.TenantId;
import java.time.Instant;

/**
 * One entry of a tenant's append-only audit log. The privacy module computes {@link #hash()} as a keyed hash
 * over the entry's content and {@link #previousHash()}; the store only keeps entries in sequence.
 *
 * @param sequence 1 for the first entry of the tenant, then +1
 * @param action what happened ({@code request.received}, {@code retention.purge})
 * @param details the entry's content, as the privacy module wrote it (canonical JSON); never a raw identifier
 * @param previousHash the hash of entry {@code sequence - 1} (64 zeros for the first)
 * @param hash lowercase hex
 */
public record AuditEntry(
        TenantId tenant, long sequence, Instant at, String action, String details, String previousHash, String hash) {
    public AuditEntry {
        requireNonNull(tenant, "tenant");
        requireNonNull(at, "at");
        requireNonNull(action, "action");
        requireNonNull(details, "details");
        requireNonNull(previousHash, "previousHash");
        requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("audit sequence starts at 1, got " + sequence);
        }
    }

    /** The head of a chain: how many entries it holds and the last entry's hash. */
    public record Head(long count, String hash) {
        /** The previous hash of the first entry. */
        public static final String GENESIS = "0".repeat(64);

        public Head {
            requireNonNull(hash, "hash");
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
        }

        public static Head empty() {
            return new Head(0, GENESIS);
        }
    }
}
