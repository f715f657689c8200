package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ConsentMethod;
import io.sitelens.model.Purpose;
import io.sitelens.model.TenantId;
import java.time.Instant;

/**
 * The fact that an erased subject had withdrawn (or never given) consent for a purpose, kept after erasure to
 * prove it was honoured. The subject is named only by a keyed pseudonym.
 */
public record ConsentResidue(
        TenantId tenant,
        String pseudonym,
        Purpose purpose,
        Instant withdrawnAt,
        String noticeVersion,
        ConsentMethod method) {
    public ConsentResidue {
        requireNonNull(tenant, "tenant");
        requireNonNull(pseudonym, "pseudonym");
        requireNonNull(purpose, "purpose");
        requireNonNull(withdrawnAt, "withdrawnAt");
        requireNonNull(noticeVersion, "noticeVersion");
        requireNonNull(method, "method");
    }
}
