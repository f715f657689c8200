package io.sitelens.insights.internal;

import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricPoint;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lasting changes in the traffic series (site and the busiest pages): tracking outages (days that fall to
 * near zero against the median of the previous 28 days, cross-checked with the crawler's
 * {@code analytics-tag-missing} findings), level shifts (weekly totals that settle at a different level) and
 * slope breaks (the trend of the last 8 weeks against the 16 before). Weekly totals (7-day blocks ending on the
 * period's last day) remove the weekday pattern.
 */
public final class ChangeInsightProvider implements InsightProvider {

    /** Settings of the change provider. */
    public record Settings(
            int maxPages,
            double minDailyVolume,
            double outageFraction,
            double minOutageBaseline,
            double minShift,
            double minShiftZ,
            double minSlopeChange) {
        public static final Settings DEFAULTS = new Settings(50, 20, 0.05, 50, 0.2, 5.0, 0.25);
    }

    public static final String TAG_MISSING = "analytics-tag-missing";

    private final Settings settings;

    public ChangeInsightProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "changes";
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<Insight> insights(InsightContext context) {
        List<Insight> out = new ArrayList<>();
        Optional<Traffic> t = Traffic.of(context);
        if (t.isEmpty()) {
            return out;
        }
        Traffic traffic = t.get();
        List<String> keys = new ArrayList<>();
        keys.add(MetricPoint.SITE);
        keys.addAll(traffic.busiest(settings.maxPages(), settings.minDailyVolume()));
        long tagMissing = context.findings().stream()
                .filter(f -> f.checkId().equals(TAG_MISSING))
                .map(Finding::url)
                .distinct()
                .count();
        boolean crawled = !context.pages().isEmpty();
        for (String key : keys) {
            DailySeries s = traffic.series(key);
            if (s.present() == 0) {
                continue;
            }
            boolean outage = outages(traffic, key, s, tagMissing, crawled, out);
            if (!outage) {
                boolean shift = levelShift(traffic, key, s, out);
                if (!shift) {
                    slopeBreak(traffic, key, s, out);
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

    private boolean outages(
            Traffic traffic, String key, DailySeries s, long tagMissing, boolean crawled, List<Insight> out) {
        double minBaseline = key.isEmpty() ? settings.minOutageBaseline() : settings.minOutageBaseline() / 2;
        boolean found = false;
        int runStart = -1;
        double runBaseline = 0;
        for (int i = 7; i <= s.length(); i++) {
            boolean low = false;
            double baseline = Double.NaN;
            if (i < s.length() && !Double.isNaN(s.get(i))) {
                baseline = s.median(
                        runStart >= 0 ? Math.max(0, runStart - 28) : Math.max(0, i - 28), runStart >= 0 ? runStart : i);
                low = baseline >= minBaseline && s.get(i) <= settings.outageFraction() * baseline;
            }
            if (low && runStart < 0) {
                runStart = i;
                runBaseline = baseline;
            } else if (!low && runStart >= 0) {
                emitOutage(traffic, key, s, runStart, i - 1, runBaseline, tagMissing, crawled, out);
                found = true;
                runStart = -1;
            }
        }
        return found;
    }

    private void emitOutage(
            Traffic traffic,
            String key,
            DailySeries s,
            int from,
            int to,
            double baseline,
            long tagMissing,
            boolean crawled,
            List<Insight> out) {
        boolean ongoing = to == s.length() - 1;
        int days = to - from + 1;
        double observed = s.sum(from, to + 1);
        double lost = Math.max(0, baseline * days - observed);
        String crawlNote;
        if (tagMissing > 0) {
            crawlNote = " The last crawl found the analytics tag missing on " + tagMissing
                    + (tagMissing == 1 ? " page" : " pages") + ", which points to the tag having been removed.";
        } else if (crawled) {
            crawlNote = " The last crawl found the analytics tag on every page it checked, so look at the"
                    + " analytics property, filters or consent settings rather than the page code.";
        } else {
            crawlNote = "";
        }
        Insights b = Insights.by(id())
                .type("tracking.outage")
                .score(Math.min(1, (ongoing ? 0.9 : 0.7) + (tagMissing > 0 ? 0.1 : 0)))
                .entity(entity(key))
                .period(DateRange.of(s.day(from), s.day(to)))
                .evidence("days", days)
                .evidence("usual daily " + traffic.noun(), baseline, traffic.metric())
                .evidence(traffic.noun() + " recorded", observed, traffic.metric())
                .evidence("estimated " + traffic.noun() + " not recorded", lost, traffic.metric());
        if (crawled) {
            b.evidence("pages without the analytics tag (crawl)", tagMissing);
        }
        out.add(b.explain(AnomalyInsightProvider.capitalise(traffic.noun()) + " " + where(key) + " fell to "
                        + Format.count(observed) + " over " + days + (days == 1 ? " day" : " days") + " from "
                        + s.day(from) + (ongoing ? " (still ongoing)" : " to " + s.day(to)) + ", against about "
                        + Format.count(baseline) + " a day before: a tracking outage is more likely than real"
                        + " visitors vanishing." + crawlNote)
                .action("Check that the analytics tag still loads and fires on every page (GTM preview, browser"
                        + " network tab), that consent mode is not blocking it, and the property's data filters;"
                        + " annotate the gap in reports.")
                .build());
    }

    /** Weekly totals of complete 7-day blocks ending on the last day; index 0 is the oldest. */
    static double[] weekly(DailySeries s) {
        int weeks = s.length() / 7;
        double[] w = new double[weeks];
        int offset = s.length() - weeks * 7;
        for (int k = 0; k < weeks; k++) {
            int missing = 0;
            double sum = 0;
            for (int d = 0; d < 7; d++) {
                double v = s.get(offset + k * 7 + d);
                if (Double.isNaN(v)) {
                    missing++;
                } else {
                    sum += v;
                }
            }
            w[k] = missing > 2 ? Double.NaN : sum * 7.0 / (7 - missing);
        }
        return w;
    }

    private boolean levelShift(Traffic traffic, String key, DailySeries s, List<Insight> out) {
        double[] w = weekly(s);
        int weeks = w.length;
        int offset = s.length() - weeks * 7;
        int bestK = -1;
        double bestZ = 0;
        double bestBefore = 0;
        double bestAfter = 0;
        for (int k = Math.max(8, weeks - 13); k <= weeks - 3; k++) {
            double before = Stats.median(w, k - 8, k);
            double after = Stats.median(w, k, Math.min(weeks, k + 8));
            double sd = Math.max(Stats.robustSd(w, k - 8, k), 0.02 * Math.abs(before));
            double z = (after - before) / (sd * Math.sqrt(1.0 / 8 + 1.0 / Math.min(8, weeks - k)) * 1.25);
            if (before > 0 && Math.abs(z) > Math.abs(bestZ) && holds(w, k, before, after)) {
                bestZ = z;
                bestK = k;
                bestBefore = before;
                bestAfter = after;
            }
        }
        if (bestK < 0
                || Math.abs(bestZ) < settings.minShiftZ()
                || Math.abs(bestAfter / bestBefore - 1) < settings.minShift()) {
            return false;
        }
        double change = bestAfter / bestBefore - 1;
        int startDay = offset + bestK * 7;
        out.add(Insights.by(id())
                .type("change.level-shift")
                .score(Math.min(1, 0.4 + Math.min(0.5, Math.abs(change))) * (key.isEmpty() ? 1 : 0.85))
                .entity(entity(key))
                .period(DateRange.of(s.day(startDay), s.day(s.length() - 1)))
                .evidence("weekly " + traffic.noun() + " before", bestBefore, traffic.metric())
                .evidence("weekly " + traffic.noun() + " after", bestAfter, traffic.metric())
                .evidence("change", change)
                .evidence("z", bestZ)
                .explain(AnomalyInsightProvider.capitalise(traffic.noun()) + " " + where(key)
                        + " moved to a new level in the week from " + s.day(startDay) + ": about "
                        + Format.count(bestAfter) + " a week against " + Format.count(bestBefore) + " before ("
                        + Format.change(change) + "), and stayed there.")
                .action(
                        change < 0
                                ? "Find what changed that week (release, redirects, rankings, campaign ended, tracking"
                                        + " change) and whether the loss is real."
                                : "Find what changed that week (campaign, ranking gain, new links) and make it last.")
                .build());
        return true;
    }

    /** Whether every week from k on stays on the new side of the midpoint between the two levels. */
    private static boolean holds(double[] w, int k, double before, double after) {
        double mid = (before + after) / 2;
        for (int i = k; i < w.length; i++) {
            if (!Double.isNaN(w[i]) && (after > before ? w[i] < mid : w[i] > mid)) {
                return false;
            }
        }
        return true;
    }

    private void slopeBreak(Traffic traffic, String key, DailySeries s, List<Insight> out) {
        double[] w = weekly(s);
        int weeks = w.length;
        if (weeks < 24) {
            return;
        }
        double[] recent = java.util.Arrays.copyOfRange(w, weeks - 8, weeks);
        double[] before = java.util.Arrays.copyOfRange(w, weeks - 24, weeks - 8);
        double s1 = Stats.theilSen(before);
        double s2 = Stats.theilSen(recent);
        double level = Stats.median(w, weeks - 24, weeks);
        if (!(level > 0) || Double.isNaN(s1) || Double.isNaN(s2)) {
            return;
        }
        double drift = (s2 - s1) * 8 / level;
        double[] res = new double[8];
        for (int i = 0; i < 8; i++) {
            res[i] = recent[i] - s2 * i;
        }
        double noise = Stats.robustSd(res, 0, 8);
        if (Math.abs(drift) < settings.minSlopeChange() || noise * 3 > Math.abs(s2 - s1) * 8) {
            return;
        }
        int offset = s.length() - weeks * 7;
        int startDay = offset + (weeks - 8) * 7;
        out.add(Insights.by(id())
                .type("change.slope-break")
                .score(Math.min(0.8, 0.3 + Math.abs(drift) / 2) * (key.isEmpty() ? 1 : 0.85))
                .entity(entity(key))
                .period(DateRange.of(s.day(startDay), s.day(s.length() - 1)))
                .evidence("weekly trend before", s1, traffic.metric(), "per week")
                .evidence("weekly trend now", s2, traffic.metric(), "per week")
                .evidence("weekly level", level, traffic.metric())
                .evidence("change over 8 weeks", drift)
                .explain(AnomalyInsightProvider.capitalise(traffic.noun()) + " " + where(key)
                        + " changed course around " + s.day(startDay) + ": the weekly trend went from "
                        + Format.count(s1) + " to " + Format.count(s2) + " a week, which over the last 8 weeks"
                        + " adds up to " + Format.change(drift) + " of the usual weekly level.")
                .action(
                        s2 < s1
                                ? "Look for a gradual cause: slipping rankings, a decaying campaign, slower pages, a"
                                        + " competitor; act before the trend compounds."
                                : "Look for what is building momentum (content, links, seasonality) and support it.")
                .build());
    }
}
