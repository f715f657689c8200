package io.sitelens.crawler.internal;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Finding;
import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import io.sitelens.spi.storage.StorageAdapter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes what the workers find to the store from one background thread, so no worker waits for the database.
 *
 * <p>Each {@link #submit} is one unit (a page or resource with its links, findings and the frontier URLs it
 * revealed) and is buffered whole; a write stores the new frontier URLs first, then the results. So a crash can
 * lose the last fraction of a second of results (those pages are fetched again on resume) but never stores a
 * page while losing the URLs it linked to. The thread writes when {@value #FLUSH_ROWS} rows are buffered or
 * {@value #FLUSH_MILLIS} ms after the last write; beyond {@value #MAX_BUFFERED_ROWS} rows, submitting waits for
 * the database (memory stays bounded when the store is slower than the site). A failed write stops the writer;
 * {@link #failure()} reports it and {@link #finish()} throws it.
 */
final class ResultWriter {
    static final int FLUSH_ROWS = 4_000;
    static final long FLUSH_MILLIS = 250;
    static final int MAX_BUFFERED_ROWS = 50_000;

    private final StorageAdapter storage;
    private final ProjectKey project;
    private final long runId;
    private final String queue;
    private final Object lock = new Object();
    private final Thread thread;

    private Batch buffer = new Batch();
    private boolean closing;
    private volatile @Nullable RuntimeException failure;

    ResultWriter(StorageAdapter storage, ProjectKey project, long runId, String queue) {
        this.storage = storage;
        this.project = project;
        this.runId = runId;
        this.queue = queue;
        this.thread = new Thread(this::loop, "sitelens-crawl-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The write that stopped this writer, if one failed. */
    @Nullable
    RuntimeException failure() {
        return failure;
    }

    /**
     * Buffers one unit of results. Waits while the buffer is full (the database is behind), returning early if
     * the writer failed (then the unit is dropped: the crawl is stopping with that failure).
     */
    void submit(
            Collection<String> frontier,
            @Nullable Page page,
            Collection<Link> links,
            @Nullable Resource resource,
            Collection<Finding> findings)
            throws InterruptedException {
        synchronized (lock) {
            while (buffer.rows >= MAX_BUFFERED_ROWS && failure == null && !closing) {
                lock.wait(100);
            }
            if (failure != null) {
                return;
            }
            buffer.frontier.addAll(frontier);
            if (page != null) {
                buffer.pages.add(page);
            }
            buffer.links.addAll(links);
            if (resource != null) {
                buffer.resources.add(resource);
            }
            buffer.findings.addAll(findings);
            buffer.rows += frontier.size()
                    + (page == null ? 0 : 1)
                    + links.size()
                    + (resource == null ? 0 : 1)
                    + findings.size();
            if (buffer.rows >= FLUSH_ROWS) {
                lock.notifyAll();
            }
        }
    }

    /** Writes everything submitted, stops the thread and throws the failure of any write. */
    void finish() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the last write must end before the run is closed
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void loop() {
        while (true) {
            Batch batch;
            synchronized (lock) {
                long until = System.nanoTime() + FLUSH_MILLIS * 1_000_000;
                while (!closing && buffer.rows < FLUSH_ROWS) {
                    long left = (until - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    try {
                        lock.wait(left);
                    } catch (InterruptedException e) {
                        closing = true; // nothing interrupts this thread but a dying JVM: write what is here
                    }
                }
                if (buffer.rows == 0) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch = buffer;
                buffer = new Batch();
                lock.notifyAll(); // workers waiting for room
            }
            try {
                write(batch);
            } catch (RuntimeException e) {
                synchronized (lock) {
                    failure = e instanceof SitelensException
                            ? e
                            : new SitelensException(
                                    ErrorCode.STORAGE_FAILURE,
                                    "storing the results of crawl run " + runId + " failed: " + e,
                                    e);
                    lock.notifyAll();
                }
                return;
            }
        }
    }

    private void write(Batch b) {
        if (!b.frontier.isEmpty()) {
            storage.work().enqueue(project, queue, b.frontier);
        }
        if (!b.pages.isEmpty()) {
            storage.crawls().savePages(project, runId, b.pages);
        }
        if (!b.links.isEmpty()) {
            storage.crawls().saveLinks(project, runId, b.links);
        }
        if (!b.resources.isEmpty()) {
            storage.crawls().saveResources(project, runId, b.resources);
        }
        if (!b.findings.isEmpty()) {
            storage.crawls().saveFindings(project, runId, b.findings);
        }
    }

    private static final class Batch {
        final List<String> frontier = new ArrayList<>();
        final List<Page> pages = new ArrayList<>();
        final List<Link> links = new ArrayList<>();
        final List<Resource> resources = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        int rows;
    }
}
