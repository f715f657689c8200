package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.TenantId;
import java.time.Instant;
import java.util.Set;

/**
 * A data-subject request as stored: indexed columns plus the privacy module's document.
 *
 * @param state the lifecycle state's name ({@code RECEIVED} … {@code COMPLETED})
 * @param subjectPseudonyms keyed pseudonyms of the subject's identities, to find a subject's requests
 * @param document the request's full content (JSON written by the privacy module)
 */
public record StoredRequest(
        TenantId tenant,
        String id,
        String state,
        Instant receivedAt,
        Instant deadline,
        Set<String> subjectPseudonyms,
        String document) {
    public StoredRequest {
        requireNonNull(tenant, "tenant");
        requireNonNull(id, "id");
        requireNonNull(state, "state");
        requireNonNull(receivedAt, "receivedAt");
        requireNonNull(deadline, "deadline");
        subjectPseudonyms = Set.copyOf(requireNonNull(subjectPseudonyms, "subjectPseudonyms"));
        requireNonNull(document, "document");
    }
}
