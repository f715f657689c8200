package io.sitelens.insights.internal;

/**
 * The tunable constants of {@link SeasonalDetector}. {@link #FROZEN} is what users get; the other values
 * exist for the benchmark that chose them.
 *
 * @param minPoints points seen before any score above 0
 * @param levelWindow points in the robust level (median) of each model
 * @param scaleWindow residuals in the robust scale (MAD) of each model
 * @param seasons past seasons whose same-phase values form a seasonal baseline
 * @param seasonalAdvantage a seasonal model is chosen only when its median absolute error is below this
 *     fraction of the non-seasonal model's
 * @param alertLog10P the two-sided -log10 p-value that maps to score 0.5 (the alert threshold)
 * @param refractoryPoints after an alert, scores are damped for this many points
 * @param refractoryDamp the factor applied to scores while damped (keeps them below 0.5)
 * @param scaleFloorQuantile when the MAD is degenerate, the scale falls back to this quantile of |residual|
 * @param selectWindow residuals whose mean absolute value ranks the models
 * @param noveltyWindow residuals remembered to judge novelty: an alert whose residual is no larger than the
 *     {@code noveltyRank}-th largest of them has happened before and is damped (0 = off)
 * @param noveltyRank see {@code noveltyWindow}
 * @param phaseHalfWidth points either side of the same phase in past seasons whose residuals give a
 *     phase-local scale (for seasons of at least 48 points)
 * @param phaseMinRatio the phase-local scale is used down to this fraction of the global scale
 */
public record DetectorSettings(
        int minPoints,
        int levelWindow,
        int scaleWindow,
        int seasons,
        double seasonalAdvantage,
        double alertLog10P,
        int refractoryPoints,
        double refractoryDamp,
        double scaleFloorQuantile,
        int selectWindow,
        int noveltyWindow,
        int noveltyRank,
        int phaseHalfWidth,
        double phaseMinRatio) {

    public static final DetectorSettings FROZEN =
            new DetectorSettings(48, 24, 400, 3, 0.8, 4.5, 30, 0.45, 0.9, 2000, 1000, 2, 6, 0.25);

    public DetectorSettings {
        if (minPoints < 8 || levelWindow < 1 || scaleWindow < 8 || seasons < 1 || selectWindow < 8) {
            throw new IllegalArgumentException("detector windows out of range");
        }
        if (!(alertLog10P > 0) || !(refractoryDamp >= 0 && refractoryDamp < 1)) {
            throw new IllegalArgumentException("detector thresholds out of range");
        }
        if (noveltyWindow < 0 || noveltyRank < 1 || phaseHalfWidth < 0 || !(phaseMinRatio >= 0)) {
            throw new IllegalArgumentException("detector novelty or phase settings out of range");
        }
    }
}
