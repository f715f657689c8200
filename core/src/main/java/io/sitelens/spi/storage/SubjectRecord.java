package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A record sitelens keeps about a person (a customer contact, a prospect who agreed to marketing, a contract
 * party), with the identities it can be found by and the dates its retention period counts from.
 *
 * @param id unique within the tenant
 * @param category the retention category ({@code contractData}, {@code customerData},
 *     {@code prospectMarketingConsent}, {@code behaviourEvents})
 * @param fields field name → value (name, email, phone, address, company, …)
 * @param blobs SHA-256 of files attached to the record (in the {@link BlobStore})
 * @param createdAt when the record was made (or last renewed, for a prospect's consent)
 * @param relationshipEnd when the commercial relationship ended; null while it lasts
 */
public record SubjectRecord(
        TenantId tenant,
        String id,
        String category,
        List<SubjectIdentity> identities,
        Map<String, String> fields,
        List<String> blobs,
        Instant createdAt,
        @Nullable Instant relationshipEnd) {
    public SubjectRecord {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        requireNonNull(category, "category");
        identities = List.copyOf(requireNonNull(identities, "identities"));
        fields = Map.copyOf(requireNonNull(fields, "fields"));
        blobs = List.copyOf(requireNonNull(blobs, "blobs"));
        requireNonNull(createdAt, "createdAt");
        if (id.isBlank()) {
            throw new IllegalArgumentException("subject record id must not be blank");
        }
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("subject record '" + id + "' needs at least one identity");
        }
    }
}
