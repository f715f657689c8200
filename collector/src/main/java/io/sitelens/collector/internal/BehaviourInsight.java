package io.sitelens.collector.internal;

import io.sitelens.model.EntityRef;
import io.sitelens.model.Evidence;
import io.sitelens.model.Insight;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import io.sitelens.spi.storage.BehaviourAggregates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The behaviour insight providers: each reads the period's {@link BehaviourAggregates} (through
 * {@link InsightContext#behaviour()}) and reports what a site owner should look at, with minimum volumes so a
 * handful of visits never makes an insight.
 */
public enum BehaviourInsight implements InsightProvider {
    /** Elements clicked in frustration: rage clicks (3 within 1 s and 30 px) and dead clicks (nothing happens). */
    CLICK_HOTSPOTS("behaviour-clicks") {
        @Override
        List<Insight> find(InsightContext context, BehaviourAggregates a) {
            List<Insight> out = new ArrayList<>();
            for (BehaviourAggregates.SelectorClicks s : a.selectors()) {
                if (s.rageClicks() >= MIN_FRUSTRATED) {
                    out.add(insight(
                            context,
                            "behaviour.rage-clicks",
                            Math.min(1.0, s.rageClicks() / 50.0),
                            selector(s),
                            List.of(Evidence.of("rage clicks", s.rageClicks()), Evidence.of("clicks", s.clicks())),
                            "Visitors clicked " + s.selector() + " on " + s.page() + " in rapid bursts "
                                    + s.rageClicks() + " times: it looks clickable but does not respond as expected.",
                            "Make the element respond at once (or stop it looking clickable); check it for errors."));
                }
                if (s.deadClicks() >= MIN_FRUSTRATED) {
                    out.add(insight(
                            context,
                            "behaviour.dead-clicks",
                            Math.min(1.0, s.deadClicks() / 100.0),
                            selector(s),
                            List.of(Evidence.of("dead clicks", s.deadClicks()), Evidence.of("clicks", s.clicks())),
                            s.deadClicks() + " clicks on " + s.selector() + " on " + s.page()
                                    + " changed nothing on the page within 2.5 seconds.",
                            "Link the element, or change its look so it does not invite clicks."));
                }
            }
            return out;
        }
    },
    /** Forms visitors start but do not submit. */
    FORM_ABANDONMENT("behaviour-forms") {
        @Override
        List<Insight> find(InsightContext context, BehaviourAggregates a) {
            List<Insight> out = new ArrayList<>();
            for (BehaviourAggregates.FormFunnel f : a.forms()) {
                if (f.starts() >= MIN_VOLUME && f.abandonment() >= 0.5) {
                    out.add(insight(
                            context,
                            "behaviour.form-abandonment",
                            f.abandonment(),
                            new EntityRef(EntityRef.Kind.FORM, f.page() + " " + f.formId()),
                            List.of(
                                    Evidence.of("starts", f.starts()),
                                    Evidence.of("submits", f.submits()),
                                    Evidence.of("abandonment", f.abandonment())),
                            String.format(
                                    Locale.ROOT,
                                    "%.0f%% of the visits that started form %s on %s did not submit it (%d of %d).",
                                    f.abandonment() * 100,
                                    f.formId(),
                                    f.page(),
                                    f.starts() - f.submits(),
                                    f.starts()),
                            "Shorten the form, mark required fields early and check its validation messages."));
                }
            }
            return out;
        }
    },
    /** Pages whose typical visitor never scrolls to the lower part, where key content may sit. */
    SCROLL_DEPTH("behaviour-scroll") {
        @Override
        List<Insight> find(InsightContext context, BehaviourAggregates a) {
            List<Insight> out = new ArrayList<>();
            for (BehaviourAggregates.ScrollDepth s : a.scrollDepth()) {
                if (s.pageViews() >= MIN_VOLUME && s.medianDepth() < 0.5) {
                    double half = (double) s.reached().get(4) / s.pageViews();
                    out.add(insight(
                            context,
                            "behaviour.content-below-scroll",
                            1.0 - s.medianDepth(),
                            EntityRef.page(s.page()),
                            List.of(
                                    Evidence.of("median scroll depth", s.medianDepth()),
                                    Evidence.of("share reaching 50%", half),
                                    Evidence.of("page views", s.pageViews())),
                            String.format(
                                    Locale.ROOT,
                                    "Half the visitors of %s stop scrolling at %.0f%% of the page; only %.0f%% see"
                                            + " its second half.",
                                    s.page(),
                                    s.medianDepth() * 100,
                                    half * 100),
                            "Move key content and calls to action above the typical scroll depth."));
                }
            }
            return out;
        }
    },
    /** Pages visitors leave after a few seconds of attention. */
    SHORT_ENGAGEMENT("behaviour-engagement") {
        @Override
        List<Insight> find(InsightContext context, BehaviourAggregates a) {
            List<Insight> out = new ArrayList<>();
            for (BehaviourAggregates.PageEngagement p : a.engagement()) {
                if (p.pageViews() >= MIN_VOLUME && p.medianEngagedMillis() < SHORT_MILLIS) {
                    out.add(insight(
                            context,
                            "behaviour.short-engagement",
                            1.0 - (double) p.medianEngagedMillis() / SHORT_MILLIS,
                            EntityRef.page(p.page()),
                            List.of(
                                    Evidence.of("median engaged seconds", p.medianEngagedMillis() / 1000.0),
                                    Evidence.of("page views", p.pageViews())),
                            String.format(
                                    Locale.ROOT,
                                    "The median visitor of %s is engaged for %.1f s (visible and focused).",
                                    p.page(),
                                    p.medianEngagedMillis() / 1000.0),
                            "Check that the page answers what brought visitors there, and loads fast."));
                }
            }
            return out;
        }
    };

    /** Fewest page views, form starts before a rate means something. */
    public static final long MIN_VOLUME = 20;
    /** Fewest rage or dead clicks on one element before it is an insight. */
    public static final long MIN_FRUSTRATED = 5;
    /** Median engaged time below which a page is "short". */
    public static final long SHORT_MILLIS = 10_000;

    private final String id;

    BehaviourInsight(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<Insight> insights(InsightContext context) {
        return context.behaviour().map(a -> find(context, a)).orElse(List.of());
    }

    abstract List<Insight> find(InsightContext context, BehaviourAggregates aggregates);

    Insight insight(
            InsightContext context,
            String type,
            double score,
            EntityRef entity,
            List<Evidence> evidence,
            String explanation,
            String action) {
        return new Insight(
                type, Math.max(0.0, Math.min(1.0, score)), entity, context.period(), evidence, explanation, action, id);
    }

    static EntityRef selector(BehaviourAggregates.SelectorClicks s) {
        return new EntityRef(EntityRef.Kind.SELECTOR, s.page() + " " + s.selector());
    }
}
