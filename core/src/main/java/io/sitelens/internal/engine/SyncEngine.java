package io.sitelens.internal.engine;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.EventListener;
import io.sitelens.Outcome;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.SyncOptions;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricRow;
import io.sitelens.model.MetricTable;
import io.sitelens.model.Project;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.spi.storage.SyncState;
import io.sitelens.spi.storage.WorkItem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a project's stored metrics current: for each binding and stream (site series, per-page series, per-event
 * series) it plans day slices from the last settled day (or 365 days back), shares them with other workers
 * through the {@link io.sitelens.spi.storage.WorkQueue} (claims with leases), fetches each slice in one query,
 * upserts the points, and finally records the new settled day. The days the provider still revises (its
 * {@link MetricConnector#unsettledDays()}) are re-fetched by every sync, once per hour for a group of workers.
 */
public final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /**
     * Marks the part of a succeeded sync outcome's summary that lists the providers' data-quality notes
     * (sampled, thresholded, "(other)" row, truncated, partial), so reports can show them.
     */
    public static final String DATA_QUALITY = "data quality: ";

    /** Unsettled tails are shared by workers starting within the same bucket of this many minutes. */
    static final long TAIL_BUCKET_MINUTES = 60;

    /** A stream: a breakdown of the binding's data, stored under one dimension-key scheme. */
    enum Stream {
        SITE("site", null, ""),
        PAGES("pages", DimensionName.PAGE, "page="),
        EVENTS("events", DimensionName.EVENT_NAME, "event=");

        final String id;
        final DimensionName breakdown;
        final String keyPrefix;

        Stream(String id, DimensionName breakdown, String keyPrefix) {
            this.id = id;
            this.breakdown = breakdown;
            this.keyPrefix = keyPrefix;
        }
    }

    /** Thrown inside the engine when the run is cancelled; turned into a CANCELLED run. */
    public static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final StorageAdapter storage;
    private final Map<String, MetricConnectorFactory> factories;
    private final BiFunction<Project, String, MetricConnector> opener;
    private final Clock clock;
    private final EventListener listener;
    private final CapGuard caps;

    public SyncEngine(
            StorageAdapter storage,
            Map<String, MetricConnectorFactory> factories,
            BiFunction<Project, String, MetricConnector> opener,
            Clock clock,
            EventListener listener,
            CapGuard caps) {
        this.storage = requireNonNull(storage, "storage");
        this.factories = requireNonNull(factories, "factories");
        this.opener = requireNonNull(opener, "opener");
        this.clock = requireNonNull(clock, "clock");
        this.listener = requireNonNull(listener, "listener");
        this.caps = requireNonNull(caps, "caps");
    }

    /** Syncs every selected binding; one outcome per binding. Throws {@link Cancelled} when cancelled. */
    public List<Outcome> sync(Project project, SyncOptions options, BooleanSupplier cancelled) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ConnectorBinding b : project.bindings()) {
            if (!options.sources().isEmpty() && !options.sources().contains(b.bindingId())) {
                continue;
            }
            outcomes.add(syncBinding(project, b, options, cancelled));
        }
        for (String asked : options.sources()) {
            if (project.binding(asked).isEmpty()) {
                throw new SitelensException(
                        ErrorCode.NOT_FOUND,
                        "project " + project.key() + " has no binding '" + asked + "'; it has "
                                + project.bindings().stream()
                                        .map(ConnectorBinding::bindingId)
                                        .toList());
            }
        }
        return outcomes;
    }

    private Outcome syncBinding(Project project, ConnectorBinding b, SyncOptions options, BooleanSupplier cancelled) {
        String phase = "sync:" + b.bindingId();
        MetricConnectorFactory factory = factories.get(b.providerId());
        if (factory == null) {
            Outcome o = new Outcome.Skipped(b.bindingId(), "connector '" + b.providerId() + "' is not installed");
            listener.phaseFinished(phase, o);
            return o;
        }
        Set<ConnectorCapability> caps = factory.capabilities();
        List<Stream> streams = new ArrayList<>();
        if (caps.contains(ConnectorCapability.SITE_SERIES)) {
            streams.add(Stream.SITE);
        }
        if (caps.contains(ConnectorCapability.PAGE_METRICS)) {
            streams.add(Stream.PAGES);
        }
        if (caps.contains(ConnectorCapability.EVENTS)) {
            streams.add(Stream.EVENTS);
        }
        if (streams.isEmpty()) {
            Outcome o = new Outcome.Skipped(b.bindingId(), b.providerId() + " has no metric series to sync");
            listener.phaseFinished(phase, o);
            return o;
        }
        long points = 0;
        int slices = 0;
        java.util.Set<String> quality = new java.util.LinkedHashSet<>();
        try (MetricConnector connector = opener.apply(project, b.bindingId())) {
            Catalog catalog = connector.catalog();
            for (Stream s : streams) {
                List<MetricName> metrics = available(catalog, metricsOf(s, options));
                if (metrics.isEmpty()) {
                    continue;
                }
                long[] done = syncStream(project, b, connector, s, metrics, options, cancelled, phase, quality);
                slices += (int) done[0];
                points += done[1];
            }
        } catch (RateLimitedException e) {
            Outcome o = new Outcome.Failed(
                    b.bindingId(),
                    e.errorCode(),
                    e.getMessage() + (e.retryAfter() == null ? "" : "; retry after " + e.retryAfter())
                            + "; what was fetched before is kept and the next sync resumes from there");
            listener.phaseFinished(phase, o);
            return o;
        } catch (SitelensException e) {
            if (e.errorCode().equals(ErrorCode.CAP_EXCEEDED)) {
                throw e;
            }
            Outcome o = Outcome.Failed.of(b.bindingId(), e);
            listener.phaseFinished(phase, o);
            return o;
        }
        String summary = slices + " slices fetched, " + points + " points stored";
        if (!quality.isEmpty()) {
            summary += "; " + DATA_QUALITY + String.join(" | ", quality);
        }
        Outcome o = new Outcome.Succeeded(b.bindingId(), summary);
        listener.phaseFinished(phase, o);
        return o;
    }

    private static List<MetricName> metricsOf(Stream s, SyncOptions o) {
        return switch (s) {
            case SITE -> o.siteMetrics();
            case PAGES -> o.pageMetrics();
            case EVENTS -> o.eventMetrics();
        };
    }

    private static List<MetricName> available(Catalog catalog, List<MetricName> wanted) {
        List<MetricName> out = new ArrayList<>();
        for (MetricName m : wanted) {
            catalog.metric(m).ifPresent(d -> out.add(d.name()));
        }
        return out;
    }

    /** Returns {slices fetched, points stored}. */
    private long[] syncStream(
            Project project,
            ConnectorBinding b,
            MetricConnector connector,
            Stream stream,
            List<MetricName> metrics,
            SyncOptions options,
            BooleanSupplier cancelled,
            String phase,
            java.util.Set<String> quality) {
        LocalDate today = LocalDate.now(clock.withZone(project.zone()));
        LocalDate to = options.to() != null ? options.to() : today;
        int unsettled = Math.max(0, connector.unsettledDays());
        LocalDate settledEnd = min(to, today.minusDays(unsettled));
        Optional<SyncState> state = storage.syncState().find(project.key(), b.bindingId(), stream.id);
        LocalDate from;
        if (options.from() != null) {
            from = options.from();
        } else if (state.isPresent() && state.get().settledThrough() != null) {
            from = state.get().settledThrough().plusDays(1);
        } else {
            from = to.minusDays(364);
        }
        List<String> items = new ArrayList<>();
        if (!from.isAfter(settledEnd)) {
            for (DateRange r : DateRange.of(from, settledEnd).split(options.sliceDays())) {
                items.add(r.start() + ".." + r.end());
            }
        }
        LocalDate tailStart = max(from, settledEnd.plusDays(1));
        if (!tailStart.isAfter(to)) {
            long bucket = clock.millis() / 60_000 / TAIL_BUCKET_MINUTES;
            items.add(tailStart + ".." + to + "@" + bucket);
        }
        String queue = "sync/" + b.bindingId() + "/" + stream.id;
        storage.work().enqueue(project.key(), queue, items);
        listener.phaseStarted(phase + "/" + stream.id, items.size());

        long slices = 0;
        long points = 0;
        int guard = items.size() * 3 + 10;
        for (int i = 0; i < guard; i++) {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            caps.checkApiCalls(project.key().tenant());
            List<WorkItem> claimed =
                    storage.work().claim(project.key(), queue, options.workerId(), 1, options.lease(), clock.instant());
            if (claimed.isEmpty()) {
                break;
            }
            WorkItem item = claimed.get(0);
            try {
                points += fetchSlice(project, b, connector, stream, metrics, parse(item.item()), quality);
            } catch (RuntimeException e) {
                storage.work().release(project.key(), queue, options.workerId(), List.of(item.id()));
                throw e;
            }
            storage.work().complete(project.key(), queue, options.workerId(), List.of(item.id()));
            slices++;
            listener.progress(phase + "/" + stream.id, slices, items.size());
        }
        if (options.from() == null && storage.work().remaining(project.key(), queue) == 0) {
            LocalDate previous = state.map(SyncState::settledThrough).orElse(null);
            LocalDate settled = previous == null || settledEnd.isAfter(previous) ? settledEnd : previous;
            storage.syncState()
                    .put(project.key(), new SyncState(b.bindingId(), stream.id, settled, null, clock.instant()));
        }
        LOG.debug("{} {} {}: {} slices, {} points", project.key(), b.bindingId(), stream.id, slices, points);
        return new long[] {slices, points};
    }

    private long fetchSlice(
            Project project,
            ConnectorBinding b,
            MetricConnector connector,
            Stream stream,
            List<MetricName> metrics,
            DateRange range,
            java.util.Set<String> quality) {
        MetricQuery.Builder q = MetricQuery.builder(range).metrics(metrics).dimension(DimensionName.DATE);
        if (stream.breakdown != null) {
            q.dimension(stream.breakdown);
        }
        MetricTable t = connector.query(q.build());
        for (io.sitelens.model.DataQualityNote n : t.notes()) {
            if (n.kind() != io.sitelens.model.DataQualityNote.Kind.UNSETTLED && quality.size() < 10) {
                quality.add(n.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + n.message());
            }
        }
        List<MetricPoint> points = new ArrayList<>(t.rows().size() * metrics.size());
        int dateIdx = t.dimensionIndex(DimensionName.DATE);
        int keyIdx = stream.breakdown == null ? -1 : t.dimensionIndex(stream.breakdown);
        for (MetricRow r : t.rows()) {
            LocalDate day;
            try {
                day = LocalDate.parse(r.dimension(dateIdx));
            } catch (java.time.format.DateTimeParseException e) {
                throw new SitelensException(
                        ErrorCode.EXTERNAL_MALFORMED,
                        b.providerId(),
                        "binding '" + b.bindingId() + "' returned a date that is not YYYY-MM-DD: '"
                                + r.dimension(dateIdx) + "'",
                        e);
            }
            if (!range.contains(day)) {
                continue;
            }
            String key = keyIdx < 0 ? MetricPoint.SITE : stream.keyPrefix + r.dimension(keyIdx);
            if (key.length() > 2048) {
                continue; // a URL longer than any browser keeps: not a page worth a series
            }
            for (int m = 0; m < t.metrics().size(); m++) {
                double v = r.value(m);
                if (Double.isFinite(v)) {
                    points.add(new MetricPoint(b.bindingId(), t.metrics().get(m), key, day, v));
                }
            }
        }
        return storage.metrics().upsert(project.key(), points);
    }

    static DateRange parse(String item) {
        String range = item.contains("@") ? item.substring(0, item.indexOf('@')) : item;
        String[] parts = range.split("\\.\\.");
        return DateRange.of(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
