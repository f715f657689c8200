package io.sitelens.insights.internal;

import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Opportunities: pages whose bounce rate (or engagement rate) over the last 28 days is worst against the site's
 * baseline — the sessions-weighted median of page rates — weighted by traffic: the number of sessions that
 * would have stayed (been engaged) had the page reached the baseline. Confidence is one minus the one-sided
 * binomial p-value of the page's rate against the baseline given its sessions; only pages with at least
 * {@code minSessions} sessions, {@code minSessionsKept} sessions to gain, a gap of {@code minGap} (5 points) and
 * {@code minConfidence} are kept,
 * at most {@code max} per metric, largest gain first.
 */
public final class OpportunityInsightProvider implements InsightProvider {

    /** Settings of the opportunities provider. */
    public record Settings(
            int days, double minSessions, double minSessionsKept, double minGap, double minConfidence, int max) {
        public static final Settings DEFAULTS = new Settings(28, 100, 10, 0.05, 0.95, 20);
    }

    private final Settings settings;

    public OpportunityInsightProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "opportunities";
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    /** A page's rate over the window. */
    record PageRate(String key, double sessions, double rate) {}

    @Override
    public List<Insight> insights(InsightContext context) {
        List<Insight> out = new ArrayList<>();
        DateRange window = DateRange.lastDays(context.period().end(), (int)
                Math.min(settings.days(), context.period().days()));
        for (String source : context.sources()) {
            var sessionKeys = context.dimensionKeys(source, MetricName.SESSIONS);
            if (sessionKeys.isEmpty()) {
                continue;
            }
            for (MetricName metric : List.of(MetricName.BOUNCE_RATE, MetricName.ENGAGEMENT_RATE)) {
                List<PageRate> rates = pageRates(context, source, metric, window);
                if (rates.size() >= 3) {
                    opportunities(metric, rates, window, out);
                }
            }
            if (!out.isEmpty()) {
                break; // one source is enough; several would repeat the same pages
            }
        }
        return out;
    }

    /** Sessions-weighted rates of pages with enough sessions over the window. */
    List<PageRate> pageRates(InsightContext context, String source, MetricName metric, DateRange window) {
        List<PageRate> out = new ArrayList<>();
        var sessionKeys = context.dimensionKeys(source, MetricName.SESSIONS);
        for (String key : context.dimensionKeys(source, metric)) {
            if (!key.startsWith("page=") || !sessionKeys.contains(key)) {
                continue;
            }
            double[] wr = Traffic.weightedRate(
                    context.series(source, metric, key), context.series(source, MetricName.SESSIONS, key), window);
            if (wr == null) {
                continue;
            }
            double sessions = wr[1];
            if (sessions >= settings.minSessions()) {
                out.add(new PageRate(key, sessions, wr[0]));
            }
        }
        return out;
    }

    /** The sessions-weighted median of page rates. */
    static double weightedMedian(List<PageRate> rates) {
        List<PageRate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparingDouble(PageRate::rate));
        double total = sorted.stream().mapToDouble(PageRate::sessions).sum();
        double acc = 0;
        for (PageRate r : sorted) {
            acc += r.sessions();
            if (acc >= total / 2) {
                return r.rate();
            }
        }
        return sorted.get(sorted.size() - 1).rate();
    }

    private void opportunities(MetricName metric, List<PageRate> rates, DateRange window, List<Insight> out) {
        boolean bounce = metric.equals(MetricName.BOUNCE_RATE);
        double base = weightedMedian(rates);
        record Gain(PageRate page, double kept, double confidence) {}
        List<Gain> gains = new ArrayList<>();
        for (PageRate r : rates) {
            double gap = bounce ? r.rate() - base : base - r.rate();
            double kept = gap * r.sessions();
            if (kept < settings.minSessionsKept() || gap < settings.minGap()) {
                continue;
            }
            double se = Math.sqrt(Math.max(base * (1 - base), 1e-4) / r.sessions());
            double z = gap / se;
            double confidence = 1 - Stats.pValue(z) / 2;
            if (confidence >= settings.minConfidence()) {
                gains.add(new Gain(r, kept, confidence));
            }
        }
        gains.sort(Comparator.comparingDouble((Gain g) -> -g.kept())
                .thenComparing(g -> g.page().key()));
        double biggest = gains.isEmpty() ? 1 : gains.get(0).kept();
        for (Gain g : gains.subList(0, Math.min(settings.max(), gains.size()))) {
            String path = Traffic.path(g.page().key());
            String name = bounce ? "bounce rate" : "engagement rate";
            out.add(Insights.by(id())
                    .type(bounce ? "opportunity.bounce" : "opportunity.engagement")
                    .score((0.2 + 0.6 * g.kept() / biggest) * g.confidence())
                    .entity(EntityRef.page(path))
                    .period(window)
                    .evidence("sessions", g.page().sessions(), MetricName.SESSIONS)
                    .evidence(name, g.page().rate(), metric)
                    .evidence("site baseline", base, metric, "sessions-weighted median of page rates")
                    .evidence(
                            bounce ? "sessions that would stay" : "sessions that would be engaged",
                            g.kept(),
                            MetricName.SESSIONS)
                    .evidence("confidence", g.confidence())
                    .explain(path + " had " + Format.count(g.page().sessions()) + " sessions in the last "
                            + window.days() + " days with a "
                            + Format.percent(g.page().rate()) + " " + name
                            + ", against " + Format.percent(base) + " for the site's typical page; at that rate"
                            + " about " + Format.count(g.kept()) + " more sessions would have "
                            + (bounce ? "continued" : "engaged") + ". Confidence "
                            + Format.percent(g.confidence()) + ".")
                    .action("Work on the page's first screen: match what visitors came for, load fast, offer a"
                            + " clear next step and relevant links; compare with pages that hold visitors.")
                    .build());
        }
    }
}
