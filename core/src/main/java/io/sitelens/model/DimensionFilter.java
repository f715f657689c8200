package io.sitelens.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A filter on one dimension's values, translated by each connector into its provider's filter syntax. */
public record DimensionFilter(DimensionName dimension, Match match, List<String> values) {
    public enum Match {
        EXACT,
        BEGINS_WITH,
        CONTAINS,
        /** A full-match regular expression (RE2 subset: no back-references). */
        REGEX,
        IN_LIST
    }

    public DimensionFilter {
        requireNonNull(dimension, "dimension");
        requireNonNull(match, "match");
        values = List.copyOf(requireNonNull(values, "values"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("filter on " + dimension + " needs at least one value");
        }
        if (match != Match.IN_LIST && values.size() != 1) {
            throw new IllegalArgumentException("filter " + match + " on " + dimension + " takes exactly one value");
        }
    }

    public static DimensionFilter exact(DimensionName dimension, String value) {
        return new DimensionFilter(dimension, Match.EXACT, List.of(value));
    }

    public static DimensionFilter inList(DimensionName dimension, List<String> values) {
        return new DimensionFilter(dimension, Match.IN_LIST, values);
    }
}
