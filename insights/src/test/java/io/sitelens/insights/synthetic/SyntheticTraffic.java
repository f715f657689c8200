package io.sitelens.insights.synthetic;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of synthetic daily web traffic: weekly and yearly seasonality, a trend, holidays (the same
 * dates every year), over-dispersed count noise (gamma–Poisson) with AR(1)-correlated log-level noise, and
 * derived page views, bounce rate and engagement rate. Injected anomalies are applied to the clean series; the
 * label says what and where.
 */
public final class SyntheticTraffic {

    /** What was injected. */
    public enum Kind {
        CLEAN,
        HOLIDAYS_ONLY,
        SPIKE,
        DIP,
        OUTAGE,
        LEVEL_SHIFT,
        SLOPE_CHANGE,
        BOUNCE_JUMP,
        SLOW_DRIFT
    }

    /** One generated series with its label: anomaly kind, size (factor or added rate) and first day index. */
    public record Series(
            Kind kind,
            double size,
            int start,
            int length,
            LocalDate firstDay,
            double[] sessions,
            double[] pageViews,
            double[] bounceRate,
            double[] engagementRate) {}

    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final List<MonthDay> HOLIDAYS = List.of(
            MonthDay.of(1, 1),
            MonthDay.of(5, 1),
            MonthDay.of(7, 14),
            MonthDay.of(8, 15),
            MonthDay.of(11, 1),
            MonthDay.of(11, 11),
            MonthDay.of(12, 24),
            MonthDay.of(12, 25),
            MonthDay.of(12, 26),
            MonthDay.of(12, 31));

    private SyntheticTraffic() {}

    /**
     * Generates one series of {@code length} days starting on {@link #FIRST_DAY}; the anomaly (if any) starts
     * on day {@code start}.
     */
    public static Series generate(long seed, int length, Kind kind, double size, int start) {
        Random rnd = new Random(seed);
        double level = Math.exp(Math.log(300) + rnd.nextDouble() * Math.log(100)); // 300 .. 30,000 a day
        double[] weekday = {1.0, 1.02, 1.0, 0.97, 0.9, 0.62, 0.58};
        double yearlyAmp = 0.05 + 0.2 * rnd.nextDouble();
        double yearlyPhase = rnd.nextDouble() * 2 * Math.PI;
        double trend = (rnd.nextDouble() - 0.4) * 0.3 / 365; // -12% .. +18% a year
        double holidayFactor = 0.45 + 0.2 * rnd.nextDouble();
        double dispersion = 50 + 250 * rnd.nextDouble(); // gamma shape: 6% to 14% extra-Poisson noise
        double phi = 0.5;
        double logSd = 0.03 + 0.04 * rnd.nextDouble();
        double bounceBase = 0.3 + 0.3 * rnd.nextDouble();
        double pagesPerSession = 1.8 + 1.5 * rnd.nextDouble();
        double[] s = new double[length];
        double[] pv = new double[length];
        double[] br = new double[length];
        double[] er = new double[length];
        double ar = 0;
        double arRate = 0;
        for (int d = 0; d < length; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            ar = phi * ar + logSd * Math.sqrt(1 - phi * phi) * rnd.nextGaussian();
            double mean = level
                    * weekday[day.getDayOfWeek().getValue() - 1]
                    * (1 + yearlyAmp * Math.sin(2 * Math.PI * day.getDayOfYear() / 365.25 + yearlyPhase))
                    * (1 + trend * d)
                    * Math.exp(ar);
            if (kind != Kind.CLEAN && HOLIDAYS.contains(MonthDay.from(day))) {
                mean *= holidayFactor;
            }
            double bounce = bounceBase;
            if (d >= start) {
                switch (kind) {
                    case SPIKE -> mean *= d == start ? size : 1;
                    case DIP -> mean *= d == start ? size : 1;
                    case OUTAGE -> mean *= d < start + 5 ? size : 1;
                    case LEVEL_SHIFT -> mean *= size;
                    case SLOPE_CHANGE -> mean *= Math.max(0.05, 1 + size * (d - start) / 7.0);
                    case SLOW_DRIFT -> mean *= 1 + size * Math.min(1, (d - start) / 60.0);
                    case BOUNCE_JUMP -> bounce += d < start + 3 ? size : 0;
                    case CLEAN, HOLIDAYS_ONLY -> {}
                }
            }
            double lambda = mean * gamma(rnd, dispersion) / dispersion;
            double count = poisson(rnd, lambda);
            s[d] = count;
            pv[d] = Math.round(count * pagesPerSession * (1 + 0.03 * rnd.nextGaussian()));
            arRate = 0.5 * arRate + 0.01 * rnd.nextGaussian();
            double p = Math.min(0.98, Math.max(0.02, bounce + arRate));
            double bounces = count == 0 ? 0 : binomial(rnd, (int) count, p);
            br[d] = count == 0 ? Double.NaN : bounces / count;
            er[d] = count == 0 ? Double.NaN : 1 - br[d];
        }
        return new Series(kind, size, start, length, FIRST_DAY, s, pv, br, er);
    }

    static double gamma(Random rnd, double shape) {
        // Marsaglia–Tsang, shape >= 1
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rnd.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rnd.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double poisson(Random rnd, double lambda) {
        if (lambda < 30) {
            double l = Math.exp(-lambda);
            int k = 0;
            double p = 1;
            do {
                k++;
                p *= rnd.nextDouble();
            } while (p > l);
            return k - 1;
        }
        return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rnd.nextGaussian()));
    }

    static double binomial(Random rnd, int n, double p) {
        if (n < 50) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        return Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * rnd.nextGaussian())));
    }
}
