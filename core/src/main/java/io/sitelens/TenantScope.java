package io.sitelens;

import static java.util.Objects.requireNonNull;

import io.sitelens.model.DateRange;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectId;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Severity;
import io.sitelens.model.Tenant;
import io.sitelens.model.TenantId;
import io.sitelens.model.UsageSummary;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.RunRecord;
import io.sitelens.spi.storage.StorageAdapter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a host does for one tenant: the tenant itself, its projects, and paged, filtered reads of their
 * metrics, pages, findings, insights, runs and usage. Every call is scoped to this tenant by construction: a
 * project id is always read as this tenant's project, so no call can reach another tenant's rows, and a
 * project of another tenant is "not found" exactly like one that does not exist. Thread-safe.
 */
public final class TenantScope {
    private static final Logger LOG = LoggerFactory.getLogger(TenantScope.class);

    private final Sitelens sitelens;
    private final TenantId id;

    TenantScope(Sitelens sitelens, TenantId id) {
        this.sitelens = requireNonNull(sitelens, "sitelens");
        this.id = requireNonNull(id, "id");
    }

    public TenantId id() {
        return id;
    }

    private StorageAdapter store() {
        return sitelens.storage();
    }

    // ---- the tenant

    /** Creates the tenant; fails with {@code storage.conflict} when it exists. */
    public Tenant create(String name) {
        if (store().tenants().find(id).isPresent()) {
            throw new SitelensException(ErrorCode.STORAGE_CONFLICT, "tenant " + id + " already exists");
        }
        Tenant t = new Tenant(id, name, sitelens.clock().instant(), null, null);
        store().tenants().put(t);
        return t;
    }

    public Optional<Tenant> get() {
        return store().tenants().find(id);
    }

    private Tenant require() {
        return get().orElseThrow(() -> new SitelensException(ErrorCode.NOT_FOUND, "no tenant " + id));
    }

    public Tenant rename(String name) {
        Tenant t = require().withName(name);
        store().tenants().put(t);
        return t;
    }

    /** Archives the tenant: its data is kept, its projects are left out of scheduling. */
    public Tenant archive() {
        Tenant t = require().withArchivedAt(sitelens.clock().instant());
        store().tenants().put(t);
        return t;
    }

    /** Records the end of the commercial relationship; retention periods counted from it start running. */
    public Tenant endRelationship(LocalDate day) {
        Tenant t = require().withRelationshipEnded(requireNonNull(day, "day"));
        store().tenants().put(t);
        return t;
    }

    /** Removes the tenant and every row and blob it owns. Returns whether it existed. */
    public boolean delete() {
        boolean existed = store().tenants().delete(id);
        LOG.info("tenant {} deleted with all its data (existed: {})", id, existed);
        return existed;
    }

    // ---- projects

    private ProjectKey key(ProjectId project) {
        return new ProjectKey(id, requireNonNull(project, "project"));
    }

    private void checkOwn(Project p) {
        if (!p.key().tenant().equals(id)) {
            throw new IllegalArgumentException(
                    "project " + p.key() + " belongs to tenant " + p.key().tenant() + ", not " + id);
        }
    }

    /** Creates a project of this tenant; fails with {@code storage.conflict} when it exists. */
    public Project createProject(Project project) {
        checkOwn(project);
        if (store().projects().find(project.key()).isPresent()) {
            throw new SitelensException(ErrorCode.STORAGE_CONFLICT, "project " + project.key() + " already exists");
        }
        store().projects().put(project);
        return project;
    }

    public Optional<Project> project(ProjectId project) {
        return store().projects().find(key(project));
    }

    /** The project, or {@code input.not-found} (also for a project of another tenant). */
    public Project requireProject(ProjectId project) {
        return project(project)
                .orElseThrow(() ->
                        new SitelensException(ErrorCode.NOT_FOUND, "no project '" + project + "' in tenant " + id));
    }

    /** Replaces an existing project (URLs, bindings, settings, cadences, retention overrides). */
    public Project updateProject(Project project) {
        checkOwn(project);
        requireProject(project.key().project());
        store().projects().put(project);
        return project;
    }

    public Project archiveProject(ProjectId project) {
        Project p = requireProject(project).newBuilder().archived(true).build();
        store().projects().put(p);
        return p;
    }

    /** Deletes the project and every row it owns. Returns whether it existed. */
    public boolean deleteProject(ProjectId project) {
        boolean existed = store().projects().delete(key(project));
        LOG.info("project {} deleted with all its data (existed: {})", key(project), existed);
        return existed;
    }

    /** The tenant's projects by id; archived ones only when asked. */
    public ResultPage<Project> projects(PageRequest page, boolean includeArchived) {
        List<Project> all = store().projects().list(id).stream()
                .filter(p -> includeArchived || !p.archived())
                .toList();
        return ResultPage.of(all, p -> p.key().project().value(), page);
    }

    // ---- metrics

    /** A stored daily series, ordered by day. */
    public List<MetricPoint> series(
            ProjectId project, String source, MetricName metric, String dimensionKey, DateRange range) {
        requireProject(project);
        return store().metrics().series(key(project), source, metric, dimensionKey, range);
    }

    /** The dimension keys of a metric ({@code page=/x}, {@code event=y}), optionally by prefix, paged. */
    public ResultPage<String> seriesKeys(
            ProjectId project,
            String source,
            MetricName metric,
            DateRange range,
            @Nullable String prefix,
            PageRequest page) {
        requireProject(project);
        List<String> keys = store().metrics().dimensionKeys(key(project), source, metric, range).stream()
                .filter(k -> prefix == null || k.startsWith(prefix))
                .toList();
        return ResultPage.of(keys, k -> k, page);
    }

    // ---- crawl results

    /** A page of the latest completed crawl with the findings on it. */
    public record PageWithFindings(Page page, List<Finding> findings) {
        public PageWithFindings {
            requireNonNull(page, "page");
            findings = List.copyOf(findings);
        }
    }

    /** How to order pages. */
    public enum PageSort {
        URL,
        /** Most findings first, then URL. */
        FINDINGS
    }

    /** Pages of the latest completed crawl, optionally only those with a finding of {@code checkId}. */
    public ResultPage<PageWithFindings> pages(
            ProjectId project, @Nullable String checkId, PageSort sort, PageRequest page) {
        Optional<CrawlRun> run = latestCrawl(project);
        if (run.isEmpty()) {
            return new ResultPage<>(List.of(), null);
        }
        Map<String, List<Finding>> byUrl = new HashMap<>();
        for (Finding f : store().crawls().findings(key(project), run.get().id())) {
            byUrl.computeIfAbsent(f.url(), u -> new ArrayList<>()).add(f);
        }
        List<PageWithFindings> all = new ArrayList<>();
        for (Page p : store().crawls().pages(key(project), run.get().id())) {
            List<Finding> fs = byUrl.getOrDefault(p.url(), List.of());
            if (checkId == null || fs.stream().anyMatch(f -> f.checkId().equals(checkId))) {
                all.add(new PageWithFindings(p, fs));
            }
        }
        return switch (sort) {
            case URL -> ResultPage.of(all, p -> p.page().url(), page);
            case FINDINGS ->
                ResultPage.of(
                        all,
                        p -> String.format(
                                        Locale.ROOT,
                                        "%010d",
                                        Integer.MAX_VALUE - p.findings().size())
                                + p.page().url(),
                        page);
        };
    }

    /** Findings of the latest completed crawl, by check then URL, optionally filtered. */
    public ResultPage<Finding> findings(
            ProjectId project, @Nullable String checkId, @Nullable Severity severity, PageRequest page) {
        Optional<CrawlRun> run = latestCrawl(project);
        if (run.isEmpty()) {
            return new ResultPage<>(List.of(), null);
        }
        List<Finding> all = store().crawls().findings(key(project), run.get().id()).stream()
                .filter(f -> checkId == null || f.checkId().equals(checkId))
                .filter(f -> severity == null || f.severity() == severity)
                .toList();
        return ResultPage.of(all, f -> f.checkId() + '\u0000' + f.url() + '\u0000' + f.message(), page);
    }

    private Optional<CrawlRun> latestCrawl(ProjectId project) {
        requireProject(project);
        return store().crawls().latestCompletedRun(key(project));
    }

    /** Screenshots of the latest completed crawl (or of {@code crawlRunId}), by URL then viewport. */
    public ResultPage<io.sitelens.spi.storage.ScreenshotRecord> screenshots(
            ProjectId project, @Nullable Long crawlRunId, PageRequest page) {
        requireProject(project);
        Optional<Long> run = crawlRunId != null
                ? Optional.of(crawlRunId)
                : store().crawls().latestCompletedRun(key(project)).map(CrawlRun::id);
        if (run.isEmpty()) {
            return new ResultPage<>(List.of(), null);
        }
        return ResultPage.of(
                store().screenshots().list(key(project), run.get()), r -> r.url() + '\u0000' + r.viewport(), page);
    }

    // ---- insights, runs, usage

    /** How to order insights. */
    public enum InsightSort {
        /** Highest score first. */
        SCORE,
        /** Most recent period first. */
        PERIOD
    }

    /**
     * Current insights, filtered by type prefix ({@code anomaly}, {@code crawl.}), minimum score and a period
     * they overlap (all optional).
     */
    public ResultPage<Insight> insights(
            ProjectId project,
            @Nullable String typePrefix,
            double minScore,
            @Nullable DateRange overlapping,
            InsightSort sort,
            PageRequest page) {
        requireProject(project);
        List<Insight> all = store().insights().list(key(project)).stream()
                .filter(i -> typePrefix == null || i.type().startsWith(typePrefix))
                .filter(i -> i.score() >= minScore)
                .filter(i -> overlapping == null
                        || !(i.period().end().isBefore(overlapping.start())
                                || i.period().start().isAfter(overlapping.end())))
                .toList();
        return switch (sort) {
            case SCORE ->
                ResultPage.of(
                        all,
                        i -> String.format(Locale.ROOT, "%016d", Math.round((1.0 - i.score()) * 1e15)) + i.dedupKey(),
                        page);
            case PERIOD ->
                ResultPage.of(
                        all,
                        i -> String.format(
                                        Locale.ROOT,
                                        "%010d",
                                        99_999_999L - i.period().end().toEpochDay())
                                + i.dedupKey(),
                        page);
        };
    }

    /** Recorded runs, newest first. */
    public ResultPage<RunRecord> runs(ProjectId project, PageRequest page) {
        requireProject(project);
        List<RunRecord> all = store().runs().list(key(project), 10_000);
        return ResultPage.of(
                all,
                r -> String.format(
                                Locale.ROOT,
                                "%020d",
                                Long.MAX_VALUE - r.startedAt().toEpochMilli())
                        + r.id(),
                page);
    }

    /** Usage of a project between two instants, per provider and kind (optionally one provider). */
    public UsageSummary usage(ProjectId project, Instant from, Instant to, @Nullable String providerId) {
        requireProject(project);
        UsageSummary all = store().usage().summarize(key(project), from, to);
        if (providerId == null) {
            return all;
        }
        return new UsageSummary(
                all.project(),
                from,
                to,
                all.totals().containsKey(providerId)
                        ? Map.of(providerId, all.totals().get(providerId))
                        : Map.of());
    }
}
