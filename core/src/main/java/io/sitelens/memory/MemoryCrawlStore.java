package io.sitelens.memory;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Finding;
import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.CrawlStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

final class MemoryCrawlStore implements CrawlStore {
    private static final class RunData {
        CrawlRun run;
        final TreeMap<String, Page> pages = new TreeMap<>();
        final LinkedHashMap<String, Link> links = new LinkedHashMap<>();
        final TreeMap<String, Resource> resources = new TreeMap<>();
        final LinkedHashMap<String, Finding> findings = new LinkedHashMap<>();

        RunData(CrawlRun run) {
            this.run = run;
        }
    }

    private final Object lock;
    private final Map<ProjectKey, TreeMap<Long, RunData>> runs = new HashMap<>();
    private long nextId = 1;

    MemoryCrawlStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public CrawlRun startRun(ProjectKey project, String root, Instant startedAt) {
        requireNonNull(project, "project");
        synchronized (lock) {
            CrawlRun run = new CrawlRun(nextId++, root, CrawlRun.Status.RUNNING, startedAt, null);
            runs.computeIfAbsent(project, k -> new TreeMap<>()).put(run.id(), new RunData(run));
            return run;
        }
    }

    private RunData data(ProjectKey project, long runId) {
        RunData d = runs.getOrDefault(project, new TreeMap<>()).get(runId);
        if (d == null) {
            throw new SitelensException(ErrorCode.NOT_FOUND, "no crawl run " + runId + " in project " + project);
        }
        return d;
    }

    @Override
    public void finishRun(ProjectKey project, long runId, CrawlRun.Status status, Instant finishedAt) {
        synchronized (lock) {
            RunData d = data(project, runId);
            d.run = new CrawlRun(runId, d.run.root(), status, d.run.startedAt(), finishedAt);
        }
    }

    @Override
    public Optional<CrawlRun> run(ProjectKey project, long runId) {
        synchronized (lock) {
            RunData d = runs.getOrDefault(project, new TreeMap<>()).get(runId);
            return d == null ? Optional.empty() : Optional.of(d.run);
        }
    }

    @Override
    public Optional<CrawlRun> latestRun(ProjectKey project, String root) {
        synchronized (lock) {
            return runs.getOrDefault(project, new TreeMap<>()).descendingMap().values().stream()
                    .map(d -> d.run)
                    .filter(r -> r.root().equals(root))
                    .findFirst();
        }
    }

    @Override
    public Optional<CrawlRun> latestCompletedRun(ProjectKey project) {
        synchronized (lock) {
            return runs.getOrDefault(project, new TreeMap<>()).descendingMap().values().stream()
                    .map(d -> d.run)
                    .filter(r -> r.status() == CrawlRun.Status.COMPLETED)
                    .findFirst();
        }
    }

    @Override
    public void savePages(ProjectKey project, long runId, Collection<Page> pages) {
        List<Page> copy = List.copyOf(pages);
        synchronized (lock) {
            RunData d = data(project, runId);
            copy.forEach(p -> d.pages.put(p.url(), p));
        }
    }

    @Override
    public void saveLinks(ProjectKey project, long runId, Collection<Link> links) {
        List<Link> copy = List.copyOf(links);
        synchronized (lock) {
            RunData d = data(project, runId);
            copy.forEach(l -> d.links.put(l.from() + "\u0000" + l.to(), l));
        }
    }

    @Override
    public void saveResources(ProjectKey project, long runId, Collection<Resource> resources) {
        List<Resource> copy = List.copyOf(resources);
        synchronized (lock) {
            RunData d = data(project, runId);
            copy.forEach(r -> d.resources.put(r.url(), r));
        }
    }

    @Override
    public void saveFindings(ProjectKey project, long runId, Collection<Finding> findings) {
        List<Finding> copy = List.copyOf(findings);
        synchronized (lock) {
            RunData d = data(project, runId);
            copy.forEach(f -> d.findings.put(f.checkId() + "\u0000" + f.url() + "\u0000" + f.message(), f));
        }
    }

    @Override
    public List<Page> pages(ProjectKey project, long runId) {
        synchronized (lock) {
            return List.copyOf(data(project, runId).pages.values());
        }
    }

    @Override
    public List<Link> links(ProjectKey project, long runId) {
        synchronized (lock) {
            return List.copyOf(data(project, runId).links.values());
        }
    }

    @Override
    public List<Resource> resources(ProjectKey project, long runId) {
        synchronized (lock) {
            return List.copyOf(data(project, runId).resources.values());
        }
    }

    @Override
    public List<Finding> findings(ProjectKey project, long runId) {
        synchronized (lock) {
            List<Finding> all = new ArrayList<>(data(project, runId).findings.values());
            all.sort(Comparator.comparing(Finding::checkId)
                    .thenComparing(Finding::url)
                    .thenComparing(Finding::message));
            return all;
        }
    }

    void drop(ProjectKey key) {
        runs.remove(key);
    }
}
