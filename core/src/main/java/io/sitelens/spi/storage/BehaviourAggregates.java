package io.sitelens.spi.storage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the behaviour of a project's visitors adds up to over a period: click heatmaps per page and viewport
 * class, scroll-depth distribution per page, clicks, rage clicks and dead clicks per selector, form starts and
 * submits, engaged time per page and visit durations. Every list is sorted (by page, then the finer key).
 */
public record BehaviourAggregates(
        List<HeatmapCell> heatmap,
        List<ScrollDepth> scrollDepth,
        List<SelectorClicks> selectors,
        List<FormFunnel> forms,
        List<PageEngagement> engagement,
        VisitDurations visits) {

    /** Width of a heatmap column as a fraction of the viewport width (20 columns). */
    public static final int HEATMAP_COLUMNS = 20;
    /** Height of a heatmap row in CSS pixels. */
    public static final int HEATMAP_ROW_PX = 100;
    /** Upper bounds (seconds) of the visit-duration buckets; the last bucket is open. */
    public static final List<Long> VISIT_BUCKETS_SECONDS = List.of(10L, 30L, 60L, 180L, 600L, 1800L);

    public BehaviourAggregates {
        heatmap = List.copyOf(requireNonNull(heatmap, "heatmap"));
        scrollDepth = List.copyOf(requireNonNull(scrollDepth, "scrollDepth"));
        selectors = List.copyOf(requireNonNull(selectors, "selectors"));
        forms = List.copyOf(requireNonNull(forms, "forms"));
        engagement = List.copyOf(requireNonNull(engagement, "engagement"));
        requireNonNull(visits, "visits");
    }

    /** The viewport classes of heatmaps: below 768 px {@code mobile}, below 1024 px {@code tablet}. */
    public static String viewportClass(int viewportWidth) {
        return viewportWidth < 768 ? "mobile" : viewportWidth < 1024 ? "tablet" : "desktop";
    }

    /** Clicks in one cell of a page's heatmap for one viewport class. */
    public record HeatmapCell(String page, String viewportClass, int column, int row, long clicks) {}

    /**
     * How far page views of a page scrolled: {@code reached.get(i)} page views reached at least {@code (i+1)*10%}
     * of the page; {@code medianDepth} is the median of each page view's deepest point.
     */
    public record ScrollDepth(String page, long pageViews, double medianDepth, List<Long> reached) {
        public ScrollDepth {
            reached = List.copyOf(reached);
        }
    }

    /** Clicks on one element of a page. */
    public record SelectorClicks(String page, String selector, long clicks, long rageClicks, long deadClicks) {}

    /** Visits that started a form, and those that submitted it. */
    public record FormFunnel(String page, String formId, long starts, long submits) {
        /** The share of starts not followed by a submit, in [0,1]. */
        public double abandonment() {
            return starts == 0 ? 0.0 : Math.max(0.0, 1.0 - (double) submits / starts);
        }
    }

    /** Page views of a page and the median engaged (visible and focused) time of one page view. */
    public record PageEngagement(String page, long pageViews, long medianEngagedMillis) {}

    /**
     * Visit durations: the number of visits, the median duration and counts per bucket of
     * {@link #VISIT_BUCKETS_SECONDS} (one more bucket than bounds, for longer visits).
     */
    public record VisitDurations(long visits, long medianSeconds, List<Long> buckets) {
        public VisitDurations {
            buckets = List.copyOf(buckets);
        }
    }

    /** Computes the aggregates from raw events and sessions (the reference every store must agree with). */
    public static BehaviourAggregates from(Collection<BehaviourEvent> events, Collection<VisitSession> sessions) {
        Map<List<Object>, Long> cells = new TreeMap<>(BehaviourAggregates::compareKeys);
        Map<List<Object>, long[]> selectorCounts = new TreeMap<>(BehaviourAggregates::compareKeys);
        Map<List<Object>, java.util.Set<String>[]> formVisits = new TreeMap<>(BehaviourAggregates::compareKeys);
        Map<String, Map<String, Double>> depthByView = new TreeMap<>();
        Map<String, Map<String, Long>> engagedByView = new TreeMap<>();
        Map<String, java.util.Set<String>> views = new TreeMap<>();
        for (BehaviourEvent e : events) {
            String view = e.sessionId() + "|" + e.page();
            switch (e.kind()) {
                case PAGE_VIEW ->
                    views.computeIfAbsent(e.page(), p -> new java.util.HashSet<>())
                            .add(view);
                case CLICK -> {
                    if (e.viewportWidth() > 0) {
                        int column = Math.min(HEATMAP_COLUMNS - 1, Math.max(0, (int)
                                ((long) e.x() * HEATMAP_COLUMNS / e.viewportWidth())));
                        int row = Math.max(0, e.y() / HEATMAP_ROW_PX);
                        cells.merge(List.of(e.page(), viewportClass(e.viewportWidth()), column, row), 1L, Long::sum);
                    }
                    countSelector(selectorCounts, e, 0);
                }
                case RAGE_CLICK -> countSelector(selectorCounts, e, 1);
                case DEAD_CLICK -> countSelector(selectorCounts, e, 2);
                case SCROLL ->
                    depthByView.computeIfAbsent(e.page(), p -> new HashMap<>()).merge(view, e.value(), Math::max);
                case ENGAGEMENT ->
                    engagedByView
                            .computeIfAbsent(e.page(), p -> new HashMap<>())
                            .merge(view, (long) e.value(), Long::sum);
                case FORM_START, FORM_SUBMIT -> {
                    if (e.formId() != null) {
                        @SuppressWarnings("unchecked")
                        java.util.Set<String>[] fresh =
                                new java.util.Set[] {new java.util.HashSet<>(), new java.util.HashSet<>()};
                        formVisits
                                .computeIfAbsent(List.of(e.page(), e.formId()), k -> fresh)[
                                e.kind() == BehaviourEvent.Kind.FORM_START ? 0 : 1]
                                .add(e.sessionId());
                    }
                }
                case MOUSE_MOVE -> {
                    // mouse samples feed heatmaps of attention in hosts' own tools; not aggregated here
                }
            }
        }
        List<HeatmapCell> heatmap = new ArrayList<>();
        cells.forEach((k, n) -> heatmap.add(
                new HeatmapCell((String) k.get(0), (String) k.get(1), (Integer) k.get(2), (Integer) k.get(3), n)));
        List<SelectorClicks> selectors = new ArrayList<>();
        selectorCounts.forEach(
                (k, n) -> selectors.add(new SelectorClicks((String) k.get(0), (String) k.get(1), n[0], n[1], n[2])));
        List<FormFunnel> forms = new ArrayList<>();
        formVisits.forEach((k, s) -> {
            java.util.Set<String> submitted = s[1];
            forms.add(new FormFunnel(
                    (String) k.get(0), (String) k.get(1), s[0].size(), Math.min(s[0].size(), submitted.size())));
        });
        List<ScrollDepth> depth = new ArrayList<>();
        depthByView.forEach((page, byView) -> {
            List<Double> maxima = byView.values().stream().sorted().toList();
            List<Long> reached = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                double bound = i / 10.0 - 1e-9;
                reached.add(maxima.stream().filter(d -> d >= bound).count());
            }
            depth.add(new ScrollDepth(page, maxima.size(), median(maxima), reached));
        });
        List<PageEngagement> engagement = new ArrayList<>();
        for (Map.Entry<String, java.util.Set<String>> v : views.entrySet()) {
            Map<String, Long> byView = engagedByView.getOrDefault(v.getKey(), Map.of());
            List<Double> each = v.getValue().stream()
                    .map(view -> (double) byView.getOrDefault(view, 0L))
                    .sorted()
                    .toList();
            engagement.add(new PageEngagement(v.getKey(), v.getValue().size(), (long) median(each)));
        }
        List<Double> durations = sessions.stream()
                .map(s -> (double) s.duration().toSeconds())
                .sorted()
                .toList();
        List<Long> buckets = new ArrayList<>();
        for (int i = 0; i <= VISIT_BUCKETS_SECONDS.size(); i++) {
            long low = i == 0 ? Long.MIN_VALUE : VISIT_BUCKETS_SECONDS.get(i - 1);
            long high = i == VISIT_BUCKETS_SECONDS.size() ? Long.MAX_VALUE : VISIT_BUCKETS_SECONDS.get(i);
            buckets.add(durations.stream().filter(d -> d >= low && d < high).count());
        }
        return new BehaviourAggregates(
                heatmap,
                depth,
                selectors,
                forms,
                engagement,
                new VisitDurations(durations.size(), (long) median(durations), buckets));
    }

    private static void countSelector(Map<List<Object>, long[]> counts, BehaviourEvent e, int slot) {
        if (e.selector() != null) {
            counts.computeIfAbsent(List.of(e.page(), e.selector()), k -> new long[3])[slot]++;
        }
    }

    private static double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return 0.0;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
