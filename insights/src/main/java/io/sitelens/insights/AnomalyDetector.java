package io.sitelens.insights;

import io.sitelens.insights.internal.DetectorSettings;
import io.sitelens.insights.internal.SeasonalDetector;
import java.time.Instant;

/**
 * A streaming anomaly detector for one series: feed it points in time order with {@link #next}, and it
 * answers each with an anomaly score in [0,1] computed only from that point and the ones before it.
 *
 * <p>The score rises with the evidence that the point does not belong to the series so far; scores at or
 * above {@link #ALERT_THRESHOLD} (0.5) are alerts. Underneath: several robust predictors compete (a moving
 * median level, and a seasonal baseline for each of a one-day and a one-week period that the sampling
 * resolves — the median of the same-phase values of the last three seasons — eight for a
 * weekly season of daily data — plus a median level correction); the one with the lowest recent error is used, so the season is found from the data. The
 * residual is scaled by the median absolute deviation (MAD) of recent residuals (for long seasons, of the
 * residuals at the same phase), turned into a two-sided normal p-value, and mapped to the score so that
 * {@code -log10 p = 4.5} gives 0.5 and {@code -log10 p = 9} gives 1. A deviation no larger than the
 * second-largest of the last 1,000 points (at most one year) is not news and is damped below the threshold;
 * so is one that repeats, with the same sign and at least half the size, what happened on the same date a
 * year earlier (holidays), and so are the 30 points after an alert (one event, one alert).
 *
 * <p>Irregular sampling, gaps and repeated timestamps are accepted; points must not go back in time by
 * more than the sampling step (they are compared with their neighbours by time). {@code NaN} values are
 * skipped and score 0. The parameters are frozen (chosen on the NAB development data, see
 * {@code docs/benchmarks.md}). Instances are not thread-safe; use one per series.
 */
public final class AnomalyDetector {

    /** Scores at or above this value are alerts. */
    public static final double ALERT_THRESHOLD = 0.5;

    private final SeasonalDetector detector = new SeasonalDetector(DetectorSettings.FROZEN);

    private AnomalyDetector() {}

    /** A new detector with the frozen settings. */
    public static AnomalyDetector create() {
        return new AnomalyDetector();
    }

    /** Scores the next point. */
    public double next(Instant time, double value) {
        return detector.next(time.getEpochSecond(), value);
    }

    /** Scores the next point, its time in seconds since the epoch. */
    public double next(long epochSecond, double value) {
        return detector.next(epochSecond, value);
    }

    /**
     * The signed, robustly scaled deviation of the last point from its prediction (how many robust standard
     * deviations above or below), 0 before the detector has warmed up.
     */
    public double lastDeviation() {
        return detector.lastZ();
    }

    /** What the detector expected for the last point (NaN before it has warmed up). */
    public double lastExpected() {
        return detector.lastExpected();
    }

    /** The seasonal period the last point was judged against, in seconds; 0 when non-seasonal. */
    public long lastPeriodSeconds() {
        return detector.lastPeriod();
    }
}
