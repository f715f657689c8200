package io.sitelens.insights.internal;

import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.TrackingPlan;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.insight.InsightContext;
import io.sitelens.spi.insight.InsightProvider;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tracking plan gaps: GA4 events that the GTM container sends (from active, non-paused tags, with a static
 * name) but that never appear in the data, or that stopped appearing {@code staleDays} or more days before the
 * end of the period. Event counts are read from metric {@code event_count} with dimension key
 * {@code event=<name>} (the exact, case-sensitive GA4 event name), in any source. When no source stores any
 * {@code event=} key, nothing can be judged and no insight is produced.
 */
public final class TrackingPlanInsightProvider implements InsightProvider {

    /** The dimension key prefix of per-event counts. */
    public static final String EVENT_KEY_PREFIX = "event=";

    /** Settings of the tracking-plan provider. */
    public record Settings(int staleDays) {
        public static final Settings DEFAULTS = new Settings(30);
    }

    private final Settings settings;

    public TrackingPlanInsightProvider(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return "tracking-plan";
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<Insight> insights(InsightContext context) {
        var planOpt = context.trackingPlan();
        if (planOpt.isEmpty()) {
            return List.of();
        }
        TrackingPlan plan = planOpt.get();
        Map<String, TrackingPlan.Tag> tags = new LinkedHashMap<>();
        plan.tags().forEach(t -> tags.put(t.id(), t));
        Map<String, TrackingPlan.TrackedEvent> events = new LinkedHashMap<>();
        for (TrackingPlan.TrackedEvent e : plan.events()) {
            TrackingPlan.Tag tag = tags.get(e.tagId());
            if (!e.dynamic() && !e.name().isBlank() && (tag == null || !tag.paused())) {
                events.putIfAbsent(e.name(), e);
            }
        }
        boolean anyEventData = false;
        for (String source : context.sources()) {
            for (String k : context.dimensionKeys(source, MetricName.EVENT_COUNT)) {
                if (k.startsWith(EVENT_KEY_PREFIX)) {
                    anyEventData = true;
                    break;
                }
            }
        }
        if (!anyEventData) {
            return List.of();
        }
        DateRange period = context.period();
        List<Insight> out = new ArrayList<>();
        for (TrackingPlan.TrackedEvent e : events.values()) {
            double total = 0;
            LocalDate last = null;
            for (String source : context.sources()) {
                for (MetricPoint p : context.series(source, MetricName.EVENT_COUNT, EVENT_KEY_PREFIX + e.name())) {
                    if (p.value() > 0) {
                        total += p.value();
                        if (last == null || p.day().isAfter(last)) {
                            last = p.day();
                        }
                    }
                }
            }
            TrackingPlan.Tag tag = tags.get(e.tagId());
            String tagName = tag == null ? e.tagId() : "'" + tag.name() + "'";
            String dest = e.measurementId() == null ? "" : " to " + e.measurementId();
            if (total == 0) {
                out.add(Insights.by(id())
                        .type("tracking.event-missing")
                        .score(0.6)
                        .entity(EntityRef.event(e.name()))
                        .period(period)
                        .evidence("events counted", 0, MetricName.EVENT_COUNT)
                        .evidence("days checked", period.days())
                        .explain("The GTM container " + plan.containerId() + " sends the GA4 event '" + e.name() + "'"
                                + dest + " (tag " + tagName + "), but it does not appear in the event counts for "
                                + period.start() + " to " + period.end() + ".")
                        .action("Check in GTM preview that the tag's trigger fires, that it sends to the right"
                                + " measurement id and is not blocked by consent; remove the tag if the event is"
                                + " obsolete.")
                        .build());
            } else {
                long silent = ChronoUnit.DAYS.between(last, period.end());
                if (silent >= settings.staleDays()) {
                    out.add(Insights.by(id())
                            .type("tracking.event-stopped")
                            .score(Math.min(0.9, 0.6 + silent / 365.0))
                            .entity(EntityRef.event(e.name()))
                            .period(DateRange.of(last.plusDays(1), period.end()))
                            .evidence("days without the event", silent)
                            .evidence("events counted before", total, MetricName.EVENT_COUNT)
                            .explain("The GA4 event '" + e.name() + "' (GTM tag " + tagName + ") has not fired for "
                                    + silent + " days: last seen on " + last + ", after " + Format.count(total)
                                    + " events in the period.")
                            .action("Find what changed around " + last.plusDays(1) + " (container version, page"
                                    + " template, trigger condition, consent) and restore the event.")
                            .build());
                }
            }
        }
        return out;
    }
}
