package io.sitelens;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.MetricName;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a sync fetches. By default: every binding, incrementally (from the day after the last settled day, or
 * 365 days back on the first run) through today, re-fetching the days the provider still revises.
 *
 * @param sources binding ids to sync; empty means all
 * @param from first day to fetch (a backfill), or null for incremental
 * @param to last day, or null for today in the project's zone
 * @param sliceDays days per request slice; a slice is the unit two workers split and an interrupted sync
 *     resumes at
 * @param lease how long a worker holds a slice before another may take it over
 * @param siteMetrics metrics of the daily site series (those the provider lacks are skipped)
 * @param pageMetrics metrics of the daily per-page series
 * @param eventMetrics metrics of the daily per-event series
 */
public record SyncOptions(
        Set<String> sources,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        String requestedBy,
        String workerId,
        int sliceDays,
        Duration lease,
        List<MetricName> siteMetrics,
        List<MetricName> pageMetrics,
        List<MetricName> eventMetrics) {

    public static final List<MetricName> DEFAULT_SITE_METRICS = List.of(
            MetricName.PAGE_VIEWS,
            MetricName.SESSIONS,
            MetricName.USERS,
            MetricName.NEW_USERS,
            MetricName.BOUNCE_RATE,
            MetricName.ENGAGEMENT_RATE,
            MetricName.AVERAGE_SESSION_DURATION,
            MetricName.EVENT_COUNT,
            MetricName.CONVERSIONS);
    public static final List<MetricName> DEFAULT_PAGE_METRICS = List.of(
            MetricName.PAGE_VIEWS,
            MetricName.SESSIONS,
            MetricName.USERS,
            MetricName.BOUNCE_RATE,
            MetricName.ENGAGEMENT_RATE,
            MetricName.AVERAGE_ENGAGEMENT_TIME,
            MetricName.ENTRANCES,
            MetricName.EXITS);
    public static final List<MetricName> DEFAULT_EVENT_METRICS =
            List.of(MetricName.EVENT_COUNT, MetricName.CONVERSIONS);

    public SyncOptions {
        sources = Set.copyOf(requireNonNull(sources, "sources"));
        requireNonNull(requestedBy, "requestedBy");
        requireNonNull(workerId, "workerId");
        requireNonNull(lease, "lease");
        siteMetrics = List.copyOf(siteMetrics);
        pageMetrics = List.copyOf(pageMetrics);
        eventMetrics = List.copyOf(eventMetrics);
        if (sliceDays < 1 || sliceDays > 366) {
            throw new IllegalArgumentException("sliceDays must be within 1..366, got " + sliceDays);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("sync ends (" + to + ") before it starts (" + from + ")");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
    }

    /** Everything incremental, 92-day slices, 10-minute leases, requested by {@code requestedBy}. */
    public static SyncOptions defaults(String requestedBy) {
        return new SyncOptions(
                Set.of(),
                null,
                null,
                requestedBy,
                requestedBy + "-" + ProcessHandle.current().pid(),
                92,
                Duration.ofMinutes(10),
                DEFAULT_SITE_METRICS,
                DEFAULT_PAGE_METRICS,
                DEFAULT_EVENT_METRICS);
    }

    public SyncOptions withSources(Set<String> bindingIds) {
        return new SyncOptions(
                bindingIds, from, to, requestedBy, workerId, sliceDays, lease, siteMetrics, pageMetrics, eventMetrics);
    }

    public SyncOptions withRange(@Nullable LocalDate first, @Nullable LocalDate last) {
        return new SyncOptions(
                sources, first, last, requestedBy, workerId, sliceDays, lease, siteMetrics, pageMetrics, eventMetrics);
    }

    public SyncOptions withWorker(String worker) {
        return new SyncOptions(
                sources, from, to, requestedBy, worker, sliceDays, lease, siteMetrics, pageMetrics, eventMetrics);
    }

    public SyncOptions withSliceDays(int days) {
        return new SyncOptions(
                sources, from, to, requestedBy, workerId, days, lease, siteMetrics, pageMetrics, eventMetrics);
    }

    public SyncOptions withMetrics(List<MetricName> site, List<MetricName> pages, List<MetricName> events) {
        return new SyncOptions(sources, from, to, requestedBy, workerId, sliceDays, lease, site, pages, events);
    }
}
