package io.sitelens.insights.internal;

import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricPoint;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Movers and shakers: pages (keys {@code page=…}) and channels (keys {@code channel=…}) whose traffic changed
 * most between the last 28 days and the 28 before, ranked by absolute impact. A mover must change by at least
 * {@code minAbsolute}, by at least {@code minShareOfSite} of the site's previous total, and by at least
 * {@code minShareOfSiteChange} of the site's own change; and at least half of its change must be its own (not
 * explained by the whole site growing or shrinking by the same proportion).
 */
public final class MoversInsightProvider implements InsightProvider {

    /** Settings of the movers provider. */
    public record Settings(
            int days, int maxPerDirection, double minAbsolute, double minShareOfSite, double minShareOfSiteChange) {
        public static final Settings DEFAULTS = new Settings(28, 10, 20, 0.005, 0.1);
    }

    private final Settings settings;

    public MoversInsightProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "movers";
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    private record Move(String key, double previous, double current, double own) {
        double delta() {
            return current - previous;
        }
    }

    @Override
    public List<Insight> insights(InsightContext context) {
        Optional<Traffic> t = Traffic.of(context);
        if (t.isEmpty()) {
            return List.of();
        }
        Traffic traffic = t.get();
        DateRange current = DateRange.lastDays(context.period().end(), (int)
                Math.min(settings.days(), context.period().days() / 2));
        DateRange previous = current.previous();
        List<String> keys = new ArrayList<>();
        for (String k : context.dimensionKeys(traffic.source(), traffic.metric())) {
            if (k.startsWith("page=") || k.startsWith("channel=")) {
                keys.add(k);
            }
        }
        double siteNow = 0;
        double sitePrev = 0;
        List<Move> moves = new ArrayList<>(keys.size());
        for (String k : keys) {
            List<MetricPoint> pts = context.series(traffic.source(), traffic.metric(), k);
            double now = Traffic.sum(pts, current);
            double prev = Traffic.sum(pts, previous);
            moves.add(new Move(k, prev, now, 0));
            if (k.startsWith("page=")) {
                siteNow += now;
                sitePrev += prev;
            }
        }
        List<MetricPoint> site = context.series(traffic.source(), traffic.metric(), MetricPoint.SITE);
        if (!site.isEmpty()) {
            siteNow = Traffic.sum(site, current);
            sitePrev = Traffic.sum(site, previous);
        }
        if (sitePrev <= 0) {
            return List.of();
        }
        double growth = siteNow / sitePrev - 1;
        double threshold = Math.max(
                settings.minAbsolute(),
                Math.max(
                        settings.minShareOfSite() * sitePrev,
                        settings.minShareOfSiteChange() * Math.abs(siteNow - sitePrev)));
        List<Move> movers = new ArrayList<>();
        for (Move m : moves) {
            double own = m.delta() - m.previous() * growth;
            if (Math.abs(m.delta()) >= threshold && Math.abs(own) >= 0.5 * Math.abs(m.delta())) {
                movers.add(new Move(m.key(), m.previous(), m.current(), own));
            }
        }
        movers.sort(Comparator.comparingDouble((Move m) -> -Math.abs(m.delta())).thenComparing(Move::key));
        List<Insight> out = new ArrayList<>();
        int up = 0;
        int down = 0;
        double biggest = movers.isEmpty() ? 1 : Math.abs(movers.get(0).delta());
        for (Move m : movers) {
            boolean rising = m.delta() > 0;
            if (rising ? up++ >= settings.maxPerDirection() : down++ >= settings.maxPerDirection()) {
                continue;
            }
            out.add(insight(traffic, m, current, growth, sitePrev, biggest));
        }
        return out;
    }

    private Insight insight(
            Traffic traffic, Move m, DateRange current, double growth, double sitePrev, double biggest) {
        boolean rising = m.delta() > 0;
        boolean page = m.key().startsWith("page=");
        String name = page ? Traffic.path(m.key()) : m.key().substring("channel=".length());
        EntityRef entity = page ? EntityRef.page(name) : new EntityRef(EntityRef.Kind.CHANNEL, name);
        String pct = m.previous() > 0 ? " (" + Format.change(m.delta() / m.previous()) + ")" : " (new)";
        double share = Math.abs(m.delta()) / sitePrev;
        return Insights.by(id())
                .type(rising ? "movers.up" : "movers.down")
                .score(0.25 + 0.35 * Math.abs(m.delta()) / biggest + Math.min(0.3, share))
                .entity(entity)
                .period(current)
                .evidence(
                        "previous " + traffic.noun(),
                        m.previous(),
                        traffic.metric(),
                        "the " + current.days() + " days before")
                .evidence("current " + traffic.noun(), m.current(), traffic.metric())
                .evidence("change", m.delta(), traffic.metric())
                .evidence("change beyond the site trend", m.own(), traffic.metric())
                .evidence("site change", growth)
                .explain(AnomalyInsightProvider.capitalise(traffic.noun()) + (page ? " to " : " from ") + name + " "
                        + (rising ? "rose" : "fell") + " from " + Format.count(m.previous()) + " to "
                        + Format.count(m.current()) + pct + " in the last " + current.days() + " days against the "
                        + current.days() + " before, while the whole site changed " + Format.change(growth) + ".")
                .action(
                        rising
                                ? "Find the source (referrers, campaigns, rankings) and build on it: internal links to the"
                                        + " page, a clear next step, keep it fast."
                                : "Check rankings, referrers and recent changes to " + name
                                        + "; look at its crawl findings and redirects.")
                .build();
    }
}
