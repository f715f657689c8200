package io.sitelens.privacy;

/** Where a data-subject request stands. */
public enum RequestState {
    RECEIVED,
    IDENTITY_VERIFIED,
    IN_PROGRESS,
    /** Every handler succeeded, found nothing, or does not implement the right. */
    COMPLETED,
    /** At least one handler failed; {@link PrivacyRequests#execute} retries those alone. */
    PARTIALLY_COMPLETED,
    /** Refused with a reason (identity not verified, manifestly unfounded or excessive). */
    REFUSED;

    public boolean isFinal() {
        return this == COMPLETED || this == REFUSED;
    }
}
