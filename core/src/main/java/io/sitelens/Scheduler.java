package io.sitelens;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each project's jobs (sync, crawl, insight refresh, retention purge) on their cadences. A job is due when
 * its kind has not started for the project within its cadence (read from the recorded runs, so a restart does
 * not run everything again). The same job never overlaps itself in this scheduler; runs share the instance's
 * bounded run executor. Use {@link #runDue()} from the host's own scheduler, or {@link #start} for a
 * background tick with jitter.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private record JobKey(ProjectKey project, RunRecord.Kind kind) {}

    private final Sitelens sitelens;
    private final Map<JobKey, Duration> cadences = new ConcurrentHashMap<>();
    private final Map<RunRecord.Kind, JobRunner> runners = new EnumMap<>(RunRecord.Kind.class);
    private final Set<JobKey> inFlight = ConcurrentHashMap.newKeySet();
    private @Nullable ScheduledExecutorService ticker;

    Scheduler(Sitelens sitelens) {
        this.sitelens = requireNonNull(sitelens, "sitelens");
    }

    /** Runs {@code kind} for {@code project} every {@code cadence}. */
    public Scheduler schedule(ProjectKey project, RunRecord.Kind kind, Duration cadence) {
        requireNonNull(project, "project");
        requireNonNull(kind, "kind");
        if (cadence.isNegative() || cadence.isZero()) {
            throw new IllegalArgumentException("cadence must be positive, got " + cadence);
        }
        cadences.put(new JobKey(project, kind), cadence);
        return this;
    }

    /** Who does the work of a job kind (sync is built in; crawl, insights and retention come from their modules). */
    public synchronized Scheduler runner(RunRecord.Kind kind, JobRunner runner) {
        runners.put(requireNonNull(kind, "kind"), requireNonNull(runner, "runner"));
        return this;
    }

    /** The jobs due now, in a stable order. */
    public List<RunRecord.Kind> dueKinds(ProjectKey project) {
        Instant now = sitelens.clock().instant();
        List<RunRecord.Kind> due = new ArrayList<>();
        for (Map.Entry<JobKey, Duration> e : sortedJobs().entrySet()) {
            if (e.getKey().project().equals(project) && isDue(e.getKey(), e.getValue(), now)) {
                due.add(e.getKey().kind());
            }
        }
        return due;
    }

    /**
     * Starts every due job (those not already running here) and waits for them; returns the runs' records. Jobs
     * without a runner or whose project is not stored are skipped with a warning.
     */
    public List<RunRecord> runDue() {
        Instant now = sitelens.clock().instant();
        List<Run> started = new ArrayList<>();
        List<JobKey> keys = new ArrayList<>();
        for (Map.Entry<JobKey, Duration> e : sortedJobs().entrySet()) {
            JobKey key = e.getKey();
            if (!isDue(key, e.getValue(), now) || !inFlight.add(key)) {
                continue;
            }
            Optional<Project> project = sitelens.storage().projects().find(key.project());
            JobRunner runner;
            synchronized (this) {
                runner = runners.get(key.kind());
            }
            if (project.isEmpty() || (runner == null && key.kind() != RunRecord.Kind.SYNC)) {
                inFlight.remove(key);
                sitelens.eventListener()
                        .warning(
                                "scheduler",
                                "cannot run " + key.kind() + " for " + key.project()
                                        + (project.isEmpty()
                                                ? ": the project is not stored"
                                                : ": no runner for this kind of job"));
                continue;
            }
            if (key.kind() == RunRecord.Kind.SYNC) {
                started.add(sitelens.startSync(project.get(), SyncOptions.defaults("scheduler")));
            } else {
                started.add(sitelens.startRun(project.get(), key.kind(), "scheduler", requireNonNull(runner)));
            }
            keys.add(key);
        }
        List<RunRecord> done = new ArrayList<>();
        for (int i = 0; i < started.size(); i++) {
            try {
                done.add(started.get(i).await(Duration.ofHours(24)));
            } catch (SitelensException e) {
                LOG.warn("scheduled {} failed: {}", keys.get(i), e.getMessage());
            } finally {
                inFlight.remove(keys.get(i));
            }
        }
        return done;
    }

    /** Checks for due jobs every {@code tick}, each check delayed by a random jitter of up to {@code jitter}. */
    public synchronized void start(Duration tick, Duration jitter) {
        if (ticker != null) {
            throw new IllegalStateException("scheduler already started");
        }
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "sitelens-scheduler");
            th.setDaemon(true);
            return th;
        });
        long jitterMs = Math.max(0, jitter.toMillis());
        t.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (jitterMs > 0) {
                            Thread.sleep(ThreadLocalRandom.current().nextLong(jitterMs + 1));
                        }
                        runDue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        LOG.warn("scheduler tick failed: {}", e.toString());
                    }
                },
                0,
                tick.toMillis(),
                TimeUnit.MILLISECONDS);
        ticker = t;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    private boolean isDue(JobKey key, Duration cadence, Instant now) {
        Optional<Instant> last = sitelens.storage().runs().list(key.project(), 200).stream()
                .filter(r -> r.kind() == key.kind())
                .map(RunRecord::startedAt)
                .findFirst();
        return last.isEmpty() || !last.get().plus(cadence).isAfter(now);
    }

    private Map<JobKey, Duration> sortedJobs() {
        Map<JobKey, Duration> sorted = new LinkedHashMap<>();
        cadences.entrySet().stream()
                .sorted((a, b) -> {
                    int c = a.getKey()
                            .project()
                            .toString()
                            .compareTo(b.getKey().project().toString());
                    return c != 0 ? c : a.getKey().kind().compareTo(b.getKey().kind());
                })
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
