package io.sitelens.model;

import static java.util.Objects.requireNonNull;

/** Something the provider said about the reliability of a result; shown to users next to the numbers. */
public record DataQualityNote(Kind kind, String message) {
    public enum Kind {
        /** The provider computed the result from a sample of the data. */
        SAMPLED,
        /** Rows were withheld to protect privacy (GA4 thresholding). */
        THRESHOLDED,
        /** Rows were folded into an "(other)" / "Others" row because the report hit a cardinality limit. */
        OTHER_ROW,
        /** The report was cut at a row limit and rows are missing. */
        TRUNCATED,
        /** Part of the range could not be fetched (quota, error); the result is incomplete. */
        PARTIAL,
        /** Recent days are still being processed by the provider and may change. */
        UNSETTLED
    }

    public DataQualityNote {
        requireNonNull(kind, "kind");
        requireNonNull(message, "message");
    }
}
