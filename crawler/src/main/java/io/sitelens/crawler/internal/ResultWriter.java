package io.sitelens.crawler.internal;

import io.sitelens.model.Finding;
import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import io.sitelens.spi.storage.StorageAdapter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Buffers what workers find and writes it to the store in batches; a frontier item is completed in the same
 * flush as the rows it produced, so a crash never marks work done that was not stored. Thread-safe.
 */
final class ResultWriter {
    /** Pages per batch. */
    static final int FLUSH_EVERY = 200;

    private final StorageAdapter storage;
    private final ProjectKey project;
    private final long runId;
    private final String queue;
    private final String worker;
    private final java.util.concurrent.locks.ReentrantLock flushing = new java.util.concurrent.locks.ReentrantLock();
    private final Object lock = new Object();
    private List<Page> pages = new ArrayList<>();
    private List<Link> links = new ArrayList<>();
    private List<Resource> resources = new ArrayList<>();
    private List<Finding> findings = new ArrayList<>();
    private List<Long> done = new ArrayList<>();

    ResultWriter(StorageAdapter storage, ProjectKey project, long runId, String queue, String worker) {
        this.storage = storage;
        this.project = project;
        this.runId = runId;
        this.queue = queue;
        this.worker = worker;
    }

    void page(Page page) {
        synchronized (lock) {
            pages.add(page);
        }
    }

    void links(Collection<Link> found) {
        synchronized (lock) {
            links.addAll(found);
        }
    }

    void resource(Resource resource) {
        synchronized (lock) {
            resources.add(resource);
        }
    }

    void findings(Collection<Finding> found) {
        if (found.isEmpty()) {
            return;
        }
        synchronized (lock) {
            findings.addAll(found);
        }
    }

    /** Records a finished frontier item; true when a batch is full and should be flushed. */
    boolean done(long itemId) {
        synchronized (lock) {
            done.add(itemId);
            return pages.size() >= FLUSH_EVERY;
        }
    }

    /** Writes everything buffered so far, waiting for a flush another thread is doing. */
    void flush() {
        flushing.lock();
        try {
            write();
        } finally {
            flushing.unlock();
        }
    }

    /**
     * Writes what is buffered unless another thread is writing already (then returns at once: that worker goes on
     * crawling instead of queueing behind the database, and the next full batch or the final flush writes the rest).
     */
    void flushIfIdle() {
        if (flushing.tryLock()) {
            try {
                write();
            } finally {
                flushing.unlock();
            }
        }
    }

    private void write() {
        List<Page> p;
        List<Link> l;
        List<Resource> r;
        List<Finding> f;
        List<Long> d;
        synchronized (lock) { // batches are taken and written in the same order
            p = pages;
            l = links;
            r = resources;
            f = findings;
            d = done;
            pages = new ArrayList<>();
            links = new ArrayList<>();
            resources = new ArrayList<>();
            findings = new ArrayList<>();
            done = new ArrayList<>();
        }
        if (!p.isEmpty()) {
            storage.crawls().savePages(project, runId, p);
        }
        if (!l.isEmpty()) {
            storage.crawls().saveLinks(project, runId, l);
        }
        if (!r.isEmpty()) {
            storage.crawls().saveResources(project, runId, r);
        }
        if (!f.isEmpty()) {
            storage.crawls().saveFindings(project, runId, f);
        }
        if (!d.isEmpty()) {
            storage.work().complete(project, queue, worker, d);
        }
    }
}
