package io.sitelens.model;

/**
 * The canonical unit of a metric's values. Rates are fractions in [0,1] (never percentages), durations
 * are seconds as a double (read them as {@link java.time.Duration} through {@link MetricTable}), counts
 * are whole numbers.
 */
public enum ValueType {
    /** A whole number of things: page views, sessions, events. */
    COUNT,
    /** A fraction in [0,1]: bounce rate, engagement rate. */
    RATE,
    /** A length of time, held in seconds. */
    DURATION,
    /** An amount of money in the property's currency. */
    CURRENCY,
    /** Any other number (averages, ratios not bounded by 1). */
    NUMBER
}
