package io.sitelens.insights.internal;

import io.sitelens.insights.AnomalyDetector;
import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Anomalies in daily series, site and page level. Counts (sessions, page views, users, conversions) go through
 * the streaming {@link AnomalyDetector}; rates (bounce, engagement) are judged with their denominator (the
 * day's sessions): the day's rate against the median of the previous 28 days, with a binomial standard error
 * widened by the rate's own extra day-to-day variation, so a jump on 12 sessions does not alert and one on
 * 12,000 does. Minimum-volume rules: page series need a median of {@code minDailyVolume} a day (and only the
 * {@code maxPages} busiest are scanned); a count alert needs an absolute change of at least
 * {@code minAbsoluteChange}; a rate alert needs {@code minRateSessions} sessions that day and a change of at
 * least {@code minRateChange} (absolute). Pages are scanned on the traffic metric (sessions, else page views)
 * only; the site on every count metric. Only alerts within the last {@code reportDays} of the period are
 * reported.
 */
public final class AnomalyInsightProvider implements InsightProvider {

    /** Settings of the anomaly provider. */
    public record Settings(
            int reportDays,
            double minDailyVolume,
            int maxPages,
            double minAbsoluteChange,
            double minRateSessions,
            double minRateChange) {
        public static final Settings DEFAULTS = new Settings(28, 20, 100, 10, 100, 0.05);
    }

    private static final List<MetricName> COUNTS =
            List.of(MetricName.SESSIONS, MetricName.PAGE_VIEWS, MetricName.USERS, MetricName.CONVERSIONS);
    private static final List<MetricName> RATES = List.of(MetricName.BOUNCE_RATE, MetricName.ENGAGEMENT_RATE);

    private final Settings settings;

    public AnomalyInsightProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "anomalies";
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<Insight> insights(InsightContext context) {
        List<Insight> out = new ArrayList<>();
        var traffic = Traffic.of(context);
        if (traffic.isEmpty()) {
            return out;
        }
        List<String> keys = new ArrayList<>();
        keys.add(MetricPoint.SITE);
        keys.addAll(traffic.get().busiest(settings.maxPages(), settings.minDailyVolume()));
        DateRange period = context.period();
        int reportFrom = (int) Math.max(0, period.days() - settings.reportDays());
        for (String source : context.sources()) {
            for (MetricName metric : COUNTS) {
                var stored = context.dimensionKeys(source, metric);
                for (String key : keys) {
                    // pages: the traffic metric only (page views and users would repeat its alerts)
                    boolean wanted =
                            key.isEmpty() || metric.equals(traffic.get().metric());
                    if (wanted && stored.contains(key)) {
                        DailySeries s = DailySeries.of(context.series(source, metric, key), period);
                        counts(source, metric, key, s, reportFrom, out);
                    }
                }
            }
            var sessionKeys = context.dimensionKeys(source, MetricName.SESSIONS);
            for (MetricName metric : RATES) {
                var stored = context.dimensionKeys(source, metric);
                for (String key : keys) {
                    if (stored.contains(key) && sessionKeys.contains(key)) {
                        DailySeries rate = DailySeries.of(context.series(source, metric, key), period);
                        DailySeries n = DailySeries.of(context.series(source, MetricName.SESSIONS, key), period);
                        rates(metric, key, rate, n, reportFrom, out);
                    }
                }
            }
        }
        return out;
    }

    private static EntityRef entity(String key) {
        return key.isEmpty() ? EntityRef.site() : EntityRef.page(Traffic.path(key));
    }

    private static String where(String key) {
        return key.isEmpty() ? "across the site" : "on " + Traffic.path(key);
    }

    private void counts(
            String source, MetricName metric, String key, DailySeries s, int reportFrom, List<Insight> out) {
        if (!key.isEmpty() && s.median(0, s.length()) < settings.minDailyVolume()) {
            return;
        }
        AnomalyDetector d = AnomalyDetector.create();
        for (int i = 0; i < s.length(); i++) {
            double v = s.get(i);
            LocalDate day = s.day(i);
            double score = d.next(day.atStartOfDay().toEpochSecond(ZoneOffset.UTC), v);
            if (i < reportFrom || score < AnomalyDetector.ALERT_THRESHOLD) {
                continue;
            }
            double expected = d.lastExpected();
            if (Math.abs(v - expected) < settings.minAbsoluteChange()) {
                continue;
            }
            boolean up = v > expected;
            String name = metric.name().replace('_', ' ');
            double weight = key.isEmpty() ? 1.0 : 0.85;
            out.add(Insights.by(id())
                    .type(up ? "anomaly.spike" : "anomaly.dip")
                    .score(score * weight)
                    .entity(entity(key))
                    .period(DateRange.day(day))
                    .evidence("value", v, metric)
                    .evidence("expected", expected, metric)
                    .evidence("robust deviations", d.lastDeviation())
                    .evidence("detector score", score)
                    .explain(capitalise(name) + " " + where(key) + " were " + Format.count(v) + " on " + day + " ("
                            + day.getDayOfWeek().toString().toLowerCase() + "), against about "
                            + Format.count(expected) + " expected from the series' own pattern — "
                            + Format.decimal(Math.abs(d.lastDeviation())) + " robust standard deviations "
                            + (up ? "above" : "below") + " normal (source " + source + ").")
                    .action(
                            up
                                    ? "Find where the extra " + name
                                            + " came from (referrers, campaigns, bots) and whether"
                                            + " they converted; if it was bot traffic, filter it."
                                    : "Check for a tracking gap, an outage or lost referrers and rankings on that day;"
                                            + " compare with deploys and crawl findings.")
                    .build());
        }
    }

    private void rates(
            MetricName metric, String key, DailySeries rate, DailySeries n, int reportFrom, List<Insight> out) {
        boolean previousAlert = false;
        for (int i = Math.max(reportFrom, 14); i < rate.length(); i++) {
            double p = rate.get(i);
            double sessions = n.get(i);
            if (Double.isNaN(p) || Double.isNaN(sessions) || sessions < settings.minRateSessions()) {
                previousAlert = false;
                continue;
            }
            int from = Math.max(0, i - 28);
            double p0 = rate.median(from, i);
            if (Double.isNaN(p0)) {
                continue;
            }
            double binomial = 0;
            int k = 0;
            for (int j = from; j < i; j++) {
                if (!Double.isNaN(n.get(j)) && n.get(j) > 0 && !Double.isNaN(rate.get(j))) {
                    binomial += p0 * (1 - p0) / n.get(j);
                    k++;
                }
            }
            if (k < 7) {
                continue;
            }
            double sd = Stats.robustSd(rate.values(), from, i);
            double tau2 = Math.max(0, sd * sd - binomial / k);
            double pq = Math.max(p0 * (1 - p0), 1e-4);
            double se = Math.sqrt(pq / sessions + tau2);
            double z = (p - p0) / se;
            double score = Stats.scoreOfZ(z);
            boolean alert = score >= AnomalyDetector.ALERT_THRESHOLD && Math.abs(p - p0) >= settings.minRateChange();
            if (alert && !previousAlert) {
                LocalDate day = rate.day(i);
                boolean up = p > p0;
                String name = metric.name().replace('_', ' ');
                out.add(Insights.by(id())
                        .type(up ? "anomaly.rate-up" : "anomaly.rate-down")
                        .score(score * (key.isEmpty() ? 1.0 : 0.85))
                        .entity(entity(key))
                        .period(DateRange.day(day))
                        .evidence("rate", p, metric)
                        .evidence("usual rate", p0, metric, "median of the previous 28 days")
                        .evidence("sessions", sessions, MetricName.SESSIONS)
                        .evidence("z", z)
                        .explain(capitalise(name) + " " + where(key) + " was " + Format.percent(p) + " on " + day
                                + " over " + Format.count(sessions) + " sessions, against a usual "
                                + Format.percent(p0) + "; with that many sessions the day-to-day noise is about ±"
                                + Format.percent(se) + ", so this is " + Format.decimal(Math.abs(z))
                                + " standard errors " + (up ? "higher" : "lower") + ".")
                        .action("Look at what changed " + where(key) + " that day (release, layout, consent banner,"
                                + " campaign landing traffic) and at the traffic mix behind it.")
                        .build());
            }
            previousAlert = alert;
        }
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
