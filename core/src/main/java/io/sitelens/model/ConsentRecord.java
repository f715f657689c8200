package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One entry of the consent ledger: a subject granted or withdrew consent for a purpose, at a time, under a
 * version of the privacy notice, by a method, from a source (site, form id). Records are appended, never
 * edited; the newest record for a subject and purpose is in force.
 */
public record ConsentRecord(
        TenantId tenant,
        SubjectIdentity subject,
        Purpose purpose,
        ConsentState state,
        Instant at,
        String noticeVersion,
        ConsentMethod method,
        String source) {
    public ConsentRecord {
        requireNonNull(tenant, "tenant");
        requireNonNull(subject, "subject");
        requireNonNull(purpose, "purpose");
        requireNonNull(state, "state");
        requireNonNull(at, "at");
        requireNonNull(noticeVersion, "noticeVersion");
        requireNonNull(method, "method");
        requireNonNull(source, "source");
        if ((method == ConsentMethod.GLOBAL_PRIVACY_CONTROL || method == ConsentMethod.DO_NOT_TRACK)
                && state == ConsentState.GRANTED) {
            throw new IllegalArgumentException(method + " can only express a refusal, not a grant");
        }
    }

    public boolean granted() {
        return state == ConsentState.GRANTED;
    }
}
