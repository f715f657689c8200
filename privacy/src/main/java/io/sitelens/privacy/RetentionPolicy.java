package io.sitelens.privacy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How long records of a category are kept.
 *
 * @param category the records' category (a config key under {@code retention:})
 * @param period how long after the start point
 * @param basis what the period counts from
 */
public record RetentionPolicy(String category, Period period, Basis basis) {
    public enum Basis {
        /** From the end of the commercial relationship; records of an ongoing relationship are kept. */
        RELATIONSHIP_END,
        /** From the record's creation (or last renewal). */
        RECORD_CREATED
    }

    public RetentionPolicy {
        requireNonNull(category, "category");
        requireNonNull(period, "period");
        requireNonNull(basis, "basis");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("retention." + category + " must be a positive period, got " + period);
        }
    }

    /** Records whose start point is before this instant are due for purging at {@code now}. */
    public Instant cutoff(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }
}
