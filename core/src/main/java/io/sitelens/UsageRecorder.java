package io.sitelens;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageKind;
import io.sitelens.model.UsageRecord;
import io.sitelens.spi.UsageMeter;
import io.sitelens.spi.storage.UsageStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link UsageMeter} for one project and provider that adds up in memory (cheap enough for every request of
 * a crawl) and writes one record per kind to the {@link UsageStore} on {@link #flush()} and {@link #close()}.
 * Thread-safe; never throws from {@link #record}.
 */
public final class UsageRecorder implements UsageMeter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

    private final ProjectKey project;
    private final String providerId;
    private final UsageStore store;
    private final Clock clock;
    private final Map<UsageKind, LongAdder> pending = new EnumMap<>(UsageKind.class);

    public UsageRecorder(ProjectKey project, String providerId, UsageStore store, Clock clock) {
        this.project = requireNonNull(project, "project");
        this.providerId = requireNonNull(providerId, "providerId");
        this.store = requireNonNull(store, "store");
        this.clock = requireNonNull(clock, "clock");
        for (UsageKind k : UsageKind.values()) {
            pending.put(k, new LongAdder());
        }
    }

    @Override
    public void record(UsageKind kind, long amount) {
        if (kind != null && amount > 0) {
            pending.get(kind).add(amount);
        }
    }

    /** Amount recorded and not yet flushed. */
    public long pending(UsageKind kind) {
        return pending.get(kind).sum();
    }

    /** Writes what has accumulated since the last flush. */
    public synchronized void flush() {
        List<UsageRecord> out = new ArrayList<>();
        Map<UsageKind, Long> taken = new EnumMap<>(UsageKind.class);
        pending.forEach((kind, adder) -> {
            long v = adder.sumThenReset();
            if (v > 0) {
                taken.put(kind, v);
                out.add(new UsageRecord(project, providerId, kind, v, clock.instant()));
            }
        });
        if (out.isEmpty()) {
            return;
        }
        try {
            store.record(out);
        } catch (RuntimeException e) {
            taken.forEach((kind, v) -> pending.get(kind).add(v)); // keep it for the next flush
            LOG.warn("usage of {} for {} could not be stored yet: {}", providerId, project, e.toString());
        }
    }

    @Override
    public void close() {
        flush();
    }
}
