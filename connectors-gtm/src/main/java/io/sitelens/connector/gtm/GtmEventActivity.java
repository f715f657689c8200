package io.sitelens.connector.gtm;

import static java.util.Objects.requireNonNull;

import io.sitelens.SitelensException;
import io.sitelens.model.DataQualityNote;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionFilter;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.TrackingPlan;
import io.sitelens.spi.connector.MetricConnector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How often each GA4 event of a container fired, from the project's GA4 binding: event count and key events
 * per day, totals, the last day seen, and whether it fired in the last 90 days. Events whose names hold
 * variables ({@code video_{{dlv - video_status}}}) are matched by their {@link GtmInspection.Ga4Event#namePattern()}
 * and list the concrete names GA4 saw. Made by {@link #of(MetricConnector, DateRange)} from a {@code gtm}
 * connector.
 *
 * <p>{@link #query(GtmInspection, DateRange)} is the one GA4 query the {@code gtm} connector sends for it: event count and key events
 * ({@link MetricName#CONVERSIONS}) by date and event name, filtered to the container's event names.
 *
 * @param range the days asked for
 * @param recentDays the window "never fired" refers to ({@value #RECENT_DAYS} days ending on {@code range.end()})
 */
public record GtmEventActivity(
        String containerId, DateRange range, int recentDays, List<EventActivity> events, List<DataQualityNote> notes) {

    /** "Never fired in the last 90 days." */
    public static final int RECENT_DAYS = 90;

    /** A year, leap day included: the longest history asked for. */
    public static final int MAX_DAYS = 366;

    public GtmEventActivity {
        requireNonNull(containerId, "containerId");
        requireNonNull(range, "range");
        events = List.copyOf(events);
        notes = List.copyOf(notes);
    }

    /**
     * One event name as the container writes it.
     *
     * @param tagIds the GA4 event tags that send it
     * @param seenNames the event names GA4 reported that matched (for a static name, the name itself if seen)
     * @param lastSeen the last day with a count above zero, or null when it never fired in the range
     */
    public record EventActivity(
            String name,
            boolean dynamic,
            List<String> tagIds,
            @Nullable String measurementId,
            long eventCount,
            long keyEvents,
            List<Day> daily,
            @Nullable LocalDate lastSeen,
            boolean firedRecently,
            List<String> seenNames) {
        public EventActivity {
            tagIds = List.copyOf(tagIds);
            daily = List.copyOf(daily);
            seenNames = List.copyOf(seenNames);
        }
    }

    /** One day's numbers of one event. */
    public record Day(LocalDate date, long eventCount, long keyEvents) {}

    /** The events that did not fire in the last {@link #recentDays()} days of the range. */
    public List<EventActivity> neverFiredRecently() {
        return events.stream().filter(e -> !e.firedRecently()).toList();
    }

    /**
     * The GA4 query for a container's events over {@code range} (at most {@value #MAX_DAYS} days): event count
     * and key events by date and event name, with a full-match regular-expression filter on the event names
     * (left out when one of the names can be anything, such as a bare {@code {{Event}}}).
     */
    public static MetricQuery query(GtmInspection inspection, DateRange range) {
        if (range.days() > MAX_DAYS) {
            throw new SitelensException(
                    io.sitelens.ErrorCode.INVALID_INPUT,
                    "gtm",
                    "event history is limited to " + MAX_DAYS + " days; " + range + " has " + range.days(),
                    null);
        }
        MetricQuery.Builder b = MetricQuery.builder(range)
                .metric(MetricName.EVENT_COUNT)
                .metric(MetricName.CONVERSIONS)
                .dimension(DimensionName.DATE)
                .dimension(DimensionName.EVENT_NAME);
        nameFilter(inspection).ifPresent(b::filter);
        return b.build();
    }

    static java.util.Optional<DimensionFilter> nameFilter(GtmInspection inspection) {
        Set<String> patterns = new LinkedHashSet<>();
        for (GtmInspection.Ga4Event e : inspection.ga4Events()) {
            if (e.namePattern().equals(".+") || e.namePattern().isEmpty()) {
                return java.util.Optional.empty();
            }
            patterns.add(e.namePattern());
        }
        if (patterns.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DimensionFilter(
                DimensionName.EVENT_NAME, DimensionFilter.Match.REGEX, List.of(String.join("|", patterns))));
    }

    /**
     * How often each event of a {@code gtm} connector's tracking plan fired over {@code range} (at most a year):
     * one {@link MetricConnector#query} by date, {@link GtmConnector#TRACKED_EVENT} and event name. Works on the
     * connector as the facade hands it out ({@code sitelens.openConnector(project, "tags")}).
     */
    public static GtmEventActivity of(MetricConnector gtm, DateRange range) {
        if (!gtm.providerId().equals(GtmConnectorFactory.ID)) {
            throw new IllegalArgumentException("expected a gtm connector, got " + gtm.providerId());
        }
        if (range.days() > MAX_DAYS) {
            throw new SitelensException(
                    io.sitelens.ErrorCode.INVALID_INPUT,
                    "gtm",
                    "event history is limited to " + MAX_DAYS + " days; " + range + " has " + range.days(),
                    null);
        }
        TrackingPlan plan = gtm.trackingPlan();
        MetricTable table = gtm.query(MetricQuery.builder(range)
                .metric(MetricName.EVENT_COUNT)
                .metric(MetricName.CONVERSIONS)
                .dimension(DimensionName.DATE)
                .dimension(GtmConnector.TRACKED_EVENT)
                .dimension(DimensionName.EVENT_NAME)
                .build());
        return from(plan, range, table);
    }

    /**
     * Builds the activity from a table with {@code date}, {@link GtmConnector#TRACKED_EVENT} and
     * {@code event_name} dimensions and {@code event_count} (and optionally {@code conversions}) metrics.
     */
    public static GtmEventActivity from(TrackingPlan plan, DateRange range, MetricTable table) {
        int date = table.dimensionIndex(DimensionName.DATE);
        int tracked = table.dimensionIndex(GtmConnector.TRACKED_EVENT);
        int name = table.dimensionIndex(DimensionName.EVENT_NAME);
        int count = table.metricIndex(MetricName.EVENT_COUNT);
        int key = indexOrMinusOne(table, MetricName.CONVERSIONS);
        LocalDate recentFrom = range.end().minusDays(RECENT_DAYS - 1L);

        Map<String, List<TrackingPlan.TrackedEvent>> byName = new LinkedHashMap<>();
        plan.events().forEach(e -> byName.computeIfAbsent(e.name(), k -> new ArrayList<>())
                .add(e));

        List<EventActivity> out = new ArrayList<>();
        for (Map.Entry<String, List<TrackingPlan.TrackedEvent>> entry : byName.entrySet()) {
            List<TrackingPlan.TrackedEvent> tags = entry.getValue();
            TrackingPlan.TrackedEvent first = tags.get(0);
            TreeMap<LocalDate, long[]> days = new TreeMap<>();
            Set<String> seen = new LinkedHashSet<>();
            for (MetricRow r : table.rows()) {
                if (!r.dimension(tracked).equals(entry.getKey())) {
                    continue;
                }
                LocalDate d = LocalDate.parse(r.dimension(date));
                long c = whole(r.value(count));
                long k = key < 0 ? 0 : whole(r.value(key));
                long[] acc = days.computeIfAbsent(d, x -> new long[2]);
                acc[0] += c;
                acc[1] += k;
                if (c > 0) {
                    seen.add(r.dimension(name));
                }
            }
            List<Day> daily = new ArrayList<>();
            long total = 0;
            long keys = 0;
            LocalDate last = null;
            for (Map.Entry<LocalDate, long[]> d : days.entrySet()) {
                daily.add(new Day(d.getKey(), d.getValue()[0], d.getValue()[1]));
                total += d.getValue()[0];
                keys += d.getValue()[1];
                if (d.getValue()[0] > 0) {
                    last = d.getKey();
                }
            }
            out.add(new EventActivity(
                    entry.getKey(),
                    first.dynamic(),
                    tags.stream().map(TrackingPlan.TrackedEvent::tagId).toList(),
                    first.measurementId(),
                    total,
                    keys,
                    daily,
                    last,
                    last != null && !last.isBefore(recentFrom),
                    List.copyOf(seen)));
        }
        int recent = (int) Math.min(RECENT_DAYS, range.days());
        return new GtmEventActivity(plan.containerId(), range, recent, out, table.notes());
    }

    private static int indexOrMinusOne(MetricTable t, MetricName m) {
        for (int i = 0; i < t.metrics().size(); i++) {
            if (t.metrics().get(i).name().equals(m.name())) {
                return i;
            }
        }
        return -1;
    }

    private static long whole(double v) {
        return Double.isNaN(v) ? 0 : Math.round(v);
    }
}
