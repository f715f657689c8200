package io.sitelens;

import static java.util.Objects.requireNonNull;

import io.sitelens.spi.storage.RunRecord;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A long job started through the facade (a sync, a crawl, …): observable through the {@link EventListener},
 * cancellable, and ending with a {@link RunRecord} holding per-provider outcomes and usage. A cancelled run
 * stops between units of work and leaves the store consistent.
 */
public final class Run {
    private final String id;
    private final RunRecord.Kind kind;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<RunRecord> result = new CompletableFuture<>();

    Run(String id, RunRecord.Kind kind) {
        this.id = requireNonNull(id, "id");
        this.kind = requireNonNull(kind, "kind");
    }

    public String id() {
        return id;
    }

    public RunRecord.Kind kind() {
        return kind;
    }

    /** Asks the run to stop at the next unit boundary. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelRequested() {
        return cancelled.get();
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** Waits for the end of the run. */
    public RunRecord await(Duration timeout) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitelensException(ErrorCode.CANCELLED, "interrupted while waiting for run " + id, e);
        } catch (TimeoutException e) {
            throw new SitelensException(ErrorCode.INTERNAL, "run " + id + " did not finish within " + timeout, e);
        } catch (ExecutionException | CancellationException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof SitelensException se) {
                throw se;
            }
            throw new SitelensException(ErrorCode.INTERNAL, "run " + id + " failed: " + c, c);
        }
    }

    void complete(RunRecord record) {
        result.complete(record);
    }

    void fail(Throwable t) {
        result.completeExceptionally(t);
    }
}
