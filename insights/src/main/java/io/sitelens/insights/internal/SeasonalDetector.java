package io.sitelens.insights.internal;

import java.util.Arrays;

/**
 * The streaming detector behind {@code io.sitelens.insights.AnomalyDetector}. For every point it keeps a few
 * competing predictors — a robust level (median of recent values) and, for each candidate season (one day,
 * one week) that the sampling resolves, the median of the same-phase values of past seasons plus a robust
 * level correction — and uses the one with the lowest recent median absolute error (a season must win
 * clearly: that is how the period is found from the data). The residual of the chosen predictor is scaled by
 * the MAD of its recent residuals, turned into a two-sided normal p-value, and mapped to a score in [0,1]
 * that reaches 0.5 at a fixed -log10 p. After an alert, scores are damped for a while so that one event
 * raises one alert. Not thread-safe.
 */
public final class SeasonalDetector {

    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;
    private static final int MAX_HISTORY = 20_000;
    private static final int RESCALE_EVERY = 8;
    private static final int SHORT_SEASON_POINTS = 56;
    /** Novelty memory is at most this long in time (one year), whatever the point count. */
    private static final long NOVELTY_SPAN = 365 * DAY;
    /** A deviation at least this large (as a fraction) on the same date last year makes it a recurrence. */
    private static final double RECURRENCE_FRACTION = 0.5;

    private final DetectorSettings s;
    private long[] times = new long[256];
    private double[] values = new double[256];
    private int n;
    private long seen;
    private long step;
    private final DoubleRing recentSteps = new DoubleRing(256);
    private final Model[] models;
    private long lastAlert = Long.MIN_VALUE / 2;
    private double lastZ;
    private double lastExpected = Double.NaN;
    private int lastModel;

    public SeasonalDetector(DetectorSettings settings) {
        this.s = settings;
        this.models = new Model[] {new Model(0), new Model(DAY), new Model(WEEK)};
    }

    /** The signed robust z of the last point under the chosen model (0 before warm-up). */
    public double lastZ() {
        return lastZ;
    }

    /** What the chosen model expected for the last point (NaN before warm-up). */
    public double lastExpected() {
        return lastExpected;
    }

    /** The period in seconds of the model chosen for the last point, 0 when non-seasonal. */
    public long lastPeriod() {
        return models[lastModel].period;
    }

    /**
     * Scores one point; {@code NaN} values are skipped and score 0. A point earlier than the previous one is
     * treated as if it came at the previous one's time.
     */
    public double next(long time, double value) {
        long epochSecond = n > 0 ? Math.max(time, times[n - 1]) : time;
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            lastZ = 0;
            lastExpected = Double.NaN;
            return 0;
        }
        if (n > 0) {
            long d = epochSecond - times[n - 1];
            if (d > 0) {
                recentSteps.add(d);
                if (recentSteps.size() < 16 || seen % 32 == 0) {
                    step = (long) recentSteps.median(recentSteps.size());
                }
            }
        }
        // predictions from history only
        int best = 0;
        double bestErr = Double.POSITIVE_INFINITY;
        double[] residual = new double[models.length];
        boolean[] ready = new boolean[models.length];
        for (int m = 0; m < models.length; m++) {
            Model model = models[m];
            double pred = model.predict(epochSecond);
            if (Double.isNaN(pred)) {
                continue;
            }
            residual[m] = value - pred;
            ready[m] = model.evaluated >= model.minEvaluated();
            if (ready[m]) {
                double err = model.absErrors.mean();
                if (m > 0) {
                    err /= s.seasonalAdvantage();
                }
                if (err < bestErr) {
                    bestErr = err;
                    best = m;
                }
            }
        }
        double score = 0;
        lastZ = 0;
        lastExpected = Double.NaN;
        if (seen >= s.minPoints() && ready[best]) {
            Model model = models[best];
            model.refreshScale();
            double center = model.center;
            double scale = model.scale;
            double phaseScale = model.phaseScale(epochSecond);
            if (phaseScale > 0) {
                scale = Math.max(scale * s.phaseMinRatio(), phaseScale);
            }
            double floor = 1e-9 * Math.max(1.0, Math.abs(value));
            scale = Math.max(scale, floor);
            lastZ = (residual[best] - center) / scale;
            lastExpected = value - residual[best] + center;
            score = Math.max(0.0, Math.min(1.0, -log10TwoSidedP(Math.abs(lastZ)) / (2 * s.alertLog10P())));
            if (s.noveltyWindow() > 0 && score >= 0.5 && model.absLong.size() >= s.noveltyRank()) {
                int memory = step > 0 ? (int) Math.min(s.noveltyWindow(), NOVELTY_SPAN / step) : s.noveltyWindow();
                if (Math.abs(residual[best]) <= model.absLong.largest(s.noveltyRank(), Math.max(memory, 1))) {
                    score *= s.refractoryDamp();
                }
            }
            if (score >= 0.5 && recurredLastYear(model, epochSecond, residual[best] - center)) {
                score *= s.refractoryDamp();
            }
            if (seen - lastAlert <= s.refractoryPoints()) {
                score *= s.refractoryDamp();
            } else if (score >= 0.5) {
                lastAlert = seen;
            }
        }
        lastModel = best;
        append(epochSecond, value);
        for (int m = 0; m < models.length; m++) {
            if (!Double.isNaN(models[m].lastBase)) {
                models[m].record(value, residual[m]);
            } else {
                models[m].byIndex[n - 1] = Double.NaN;
            }
        }
        seen++;
        return score;
    }

    private void append(long t, double v) {
        if (n == times.length) {
            if (n >= MAX_HISTORY) {
                int keep = MAX_HISTORY / 2;
                System.arraycopy(times, n - keep, times, 0, keep);
                System.arraycopy(values, n - keep, values, 0, keep);
                for (Model m : models) {
                    System.arraycopy(m.byIndex, n - keep, m.byIndex, 0, keep);
                }
                n = keep;
            } else {
                times = Arrays.copyOf(times, n * 2);
                values = Arrays.copyOf(values, n * 2);
                for (Model m : models) {
                    m.byIndex = Arrays.copyOf(m.byIndex, n * 2);
                }
            }
        }
        times[n] = t;
        values[n] = v;
        n++;
    }

    /**
     * Whether a deviation like this one (same sign, at least half the size) happened on the same calendar day
     * one year earlier (364 to 366 days back, for series sampled at least hourly-coarse): a holiday or yearly
     * event seen last year is not news.
     */
    private boolean recurredLastYear(Model model, long t, double deviation) {
        if (step < 3600 || n == 0 || t - times[0] < 364 * DAY) {
            return false;
        }
        for (long back = 364; back <= 366; back++) {
            int idx = nearest(t - back * DAY, step / 2);
            if (idx < 0) {
                continue;
            }
            double past = model.byIndex[idx] - model.center;
            if (!Double.isNaN(past)
                    && Math.signum(past) == Math.signum(deviation)
                    && Math.abs(past) >= RECURRENCE_FRACTION * Math.abs(deviation)) {
                return true;
            }
        }
        return false;
    }

    /** The history index whose time is nearest to t within tolerance, or -1. */
    private int nearest(long t, long tolerance) {
        int i = Arrays.binarySearch(times, 0, n, t);
        if (i >= 0) {
            return i;
        }
        int ins = -i - 1;
        int bestIdx = -1;
        long bestD = tolerance + 1;
        if (ins < n && times[ins] - t < bestD) {
            bestIdx = ins;
            bestD = times[ins] - t;
        }
        if (ins > 0 && t - times[ins - 1] < bestD) {
            bestIdx = ins - 1;
        }
        return bestIdx;
    }

    /** -log10 of the two-sided standard normal tail probability of |z|. */
    static double log10TwoSidedP(double z) {
        if (z < 7) {
            double p = erfc(z / Math.sqrt(2));
            return Math.log10(Math.max(p, Double.MIN_NORMAL));
        }
        // asymptotic tail: 2 phi(z)/z
        double lnP = Math.log(2) - z * z / 2 - Math.log(z * Math.sqrt(2 * Math.PI));
        return lnP / Math.log(10);
    }

    private static final double[] ERFC = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    /** Complementary error function (Numerical Recipes erfcc, relative error below 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = ERFC[ERFC.length - 1];
        for (int i = ERFC.length - 2; i >= 0; i--) {
            poly = ERFC[i] + t * poly;
        }
        double r = t * Math.exp(-z * z + poly);
        return x >= 0 ? r : 2 - r;
    }

    /** One predictor: non-seasonal (period 0) or seasonal with a period in seconds. */
    private final class Model {
        final long period;
        final DoubleRing levelTerms;
        final DoubleRing residuals;
        final DoubleRing absErrors;
        final DoubleRing absLong;
        double lastBase = Double.NaN;
        double[] byIndex = new double[256];
        private final double[] lags;
        private final double[] pool = new double[256];

        Model(long period) {
            this.period = period;
            this.levelTerms = new DoubleRing(Math.max(s.levelWindow(), 1));
            this.residuals = new DoubleRing(s.scaleWindow());
            this.absErrors = new DoubleRing(s.selectWindow());
            this.absLong = new DoubleRing(Math.max(1, s.noveltyWindow()));
            this.lags = new double[Math.max(s.seasons(), SHORT_SEASON_POINTS / 4)];
        }

        /** The prediction for time t, or NaN when this model cannot predict yet. */
        double predict(long t) {
            lastBase = Double.NaN;
            if (period == 0) {
                if (n == 0) {
                    return Double.NaN;
                }
                lastBase = 0;
                return levelTerms.median(s.levelWindow());
            }
            if (step <= 0 || period < 4 * step || n == 0 || t - times[0] < period - step) {
                return Double.NaN;
            }
            int k = 0;
            for (int season = 1; season <= seasons(); season++) {
                int idx = nearest(t - season * period, step);
                if (idx >= 0) {
                    lags[k++] = values[idx];
                }
            }
            if (k == 0) {
                return Double.NaN;
            }
            lastBase = DoubleRing.medianOf(lags, k);
            double level = levelTerms.size() == 0 ? 0 : levelTerms.median(s.levelWindow());
            return lastBase + level;
        }

        double center;
        double scale;
        private int age = Integer.MAX_VALUE;

        /** Recomputes the robust center and scale of recent residuals, every few points once warmed up. */
        void refreshScale() {
            if (age < RESCALE_EVERY && residuals.size() >= 64) {
                age++;
                return;
            }
            age = 0;
            center = residuals.median(s.scaleWindow());
            scale = 1.4826 * residuals.mad(s.scaleWindow(), center);
            if (!(scale > 0)) {
                scale = residuals.absQuantile(s.scaleWindow(), center, s.scaleFloorQuantile()) / 1.645;
            }
        }

        /** 1.4826 MAD of the residuals near the same phase in past seasons, or 0 when not applicable. */
        double phaseScale(long t) {
            if (period == 0 || step <= 0 || period / step < 48) {
                return 0;
            }
            int k = 0;
            for (int season = 1; season <= s.seasons(); season++) {
                int idx = nearest(t - season * period, step);
                if (idx < 0) {
                    continue;
                }
                for (int j = Math.max(0, idx - s.phaseHalfWidth());
                        j <= Math.min(n - 1, idx + s.phaseHalfWidth()) && k < pool.length;
                        j++) {
                    if (!Double.isNaN(byIndex[j])) {
                        pool[k++] = byIndex[j];
                    }
                }
            }
            if (k < 8) {
                return 0;
            }
            double med = DoubleRing.medianOf(pool, k);
            for (int i = 0; i < k; i++) {
                pool[i] = Math.abs(pool[i] - med);
            }
            return 1.4826 * DoubleRing.medianOf(pool, k);
        }

        long evaluated;

        /**
         * Past seasons in the baseline: the configured number, raised for short seasons so the baseline's median
         * covers about {@value #SHORT_SEASON_POINTS} points (8 weeks for a weekly season of daily data).
         */
        int seasons() {
            long perSeason = step <= 0 ? 0 : period / step;
            if (perSeason <= 0) {
                return s.seasons();
            }
            return (int) Math.max(s.seasons(), Math.min(SHORT_SEASON_POINTS / 4, SHORT_SEASON_POINTS / perSeason));
        }

        /** Points a model must have predicted before it may be chosen: 32, and a whole season if seasonal. */
        long minEvaluated() {
            long season = period == 0 || step <= 0 ? 0 : period / step;
            return Math.max(32, Math.min(s.selectWindow(), season));
        }

        void record(double value, double residual) {
            evaluated++;
            byIndex[n - 1] = residual;
            levelTerms.add(value - lastBase);
            residuals.add(residual);
            absErrors.add(Math.abs(residual));
            absLong.add(Math.abs(residual));
        }
    }
}
