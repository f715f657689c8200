package io.sitelens.cli;

import io.sitelens.Outcome;
import io.sitelens.Run;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.UsageRecorder;
import io.sitelens.crawler.CrawlConfig;
import io.sitelens.crawler.CrawlReport;
import io.sitelens.crawler.CrawlResult;
import io.sitelens.crawler.Crawler;
import io.sitelens.insights.InsightEngine;
import io.sitelens.insights.InsightReport;
import io.sitelens.insights.StoredInsightContext;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DateRange;
import io.sitelens.model.Project;
import io.sitelens.model.TrackingPlan;
import io.sitelens.report.HtmlReport;
import io.sitelens.report.JsonSummary;
import io.sitelens.report.ReportData;
import io.sitelens.report.ReportOptions;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The phases of {@code sitelens audit} and {@code sitelens demo}: store the project, sync every bound
 * connector for the last 365 days, crawl the site, compute and store insights, write the report and its JSON summary.
 * Every phase reports progress on stderr; every phase's outcome is kept for the summary. Re-running
 * resumes: the sync engine fetches only what is missing, insights are replaced, the report is rewritten
 * atomically.
 */
final class AuditPipeline {
    /** How long the sync phase may take before the audit gives up on it (the run stays resumable). */
    static final Duration SYNC_TIMEOUT = Duration.ofMinutes(30);

    private final Sitelens sitelens;
    private final PrintWriter err;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int phase;
    private volatile @Nullable Run current;
    private final int phases;

    AuditPipeline(Sitelens sitelens, PrintWriter err, int phases) {
        this.sitelens = sitelens;
        this.err = err;
        this.phases = phases;
    }

    List<Outcome> outcomes() {
        return outcomes;
    }

    List<String> notes() {
        return notes;
    }

    void note(String note) {
        notes.add(note);
    }

    void progress(String name, String message) {
        err.printf(Locale.ROOT, "[%d/%d] %-11s %s%n", phase, phases, name, message);
        err.flush();
    }

    private void begin(String name, String message) {
        phase++;
        progress(name, message);
    }

    /** Stores the project (creating or updating it). */
    Project project(Project project) {
        begin("project", project.key() + " " + project.mainUrl());
        sitelens.storage().projects().put(project);
        return project;
    }

    /** Syncs every bound metric connector for the 365 days up to yesterday, waiting for the run to end. */
    void sync(Project project, LocalDate yesterday) {
        List<String> sources = project.bindings().stream()
                .filter(b -> syncable(b))
                .map(ConnectorBinding::bindingId)
                .toList();
        if (sources.isEmpty()) {
            begin("sync", "no analytics binding: skipped (bind ga4, matomo or file in --config)");
            outcomes.add(new Outcome.Skipped("sync", "no analytics binding"));
            return;
        }
        begin("sync", "365 days of " + String.join(", ", sources) + " …");
        Run run = sitelens.startSync(
                project,
                io.sitelens.SyncOptions.defaults("audit")
                        .withSources(java.util.Set.copyOf(sources))
                        .withRange(yesterday.minusDays(364), yesterday));
        RunRecord r = await(run);
        for (Outcome o : r.outcomes()) {
            outcomes.add(o);
            progress("sync", describe(o));
        }
        progress("sync", "run " + r.id() + " " + r.status().name().toLowerCase(Locale.ROOT));
    }

    private boolean syncable(ConnectorBinding b) {
        MetricConnectorFactory f = sitelens.connectorFactories().get(b.providerId());
        return f != null
                && (f.capabilities().contains(ConnectorCapability.SITE_SERIES)
                        || f.capabilities().contains(ConnectorCapability.PAGE_METRICS));
    }

    private RunRecord await(Run run) {
        current = run;
        long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
        try {
            while (true) {
                try {
                    return run.await(Duration.ofSeconds(5));
                } catch (SitelensException e) {
                    if (e.errorCode().equals(io.sitelens.ErrorCode.CANCELLED)) {
                        run.cancel();
                        throw e;
                    }
                    if (System.nanoTime() > deadline || run.isDone()) {
                        run.cancel();
                        throw e;
                    }
                    progress("sync", "still running …");
                }
            }
        } finally {
            current = null;
        }
    }

    /**
     * Ctrl-C: asks the running sync (if any) to stop and waits a little for it, so the run is recorded as
     * cancelled and the points written so far stay (a re-run resumes from them).
     */
    void interrupt() {
        Run r = current;
        if (r != null) {
            r.cancel();
            try {
                r.await(Duration.ofSeconds(5));
            } catch (SitelensException e) {
                // the run ends on its own; the store's writes are idempotent
            }
        }
    }

    /**
     * Crawls the project's start URLs (resuming an unfinished crawl of the same root), with the page URLs
     * analytics knows so that pages nobody links to show up as orphans.
     */
    void crawl(Project project, CrawlConfig config, LocalDate yesterday) {
        begin("crawl", project.startUrls().size() + " start URL(s) from " + project.mainUrl() + " …");
        java.util.Set<String> analyticsUrls = new java.util.LinkedHashSet<>();
        DateRange recent = DateRange.lastDays(yesterday, 365);
        for (String source : sitelens.storage().metrics().sources(project.key())) {
            for (String key : sitelens.storage()
                    .metrics()
                    .dimensionKeys(project.key(), source, io.sitelens.model.MetricName.PAGE_VIEWS, recent)) {
                if (key.startsWith("page=/") && analyticsUrls.size() < 100_000) {
                    try {
                        analyticsUrls.add(
                                project.mainUrl().resolve(key.substring(5)).toString());
                    } catch (IllegalArgumentException e) {
                        // a path analytics recorded that is no URL: nothing to compare with the crawl
                    }
                }
            }
        }
        try (UsageRecorder usage = sitelens.usageRecorder(project.key(), "crawler")) {
            Crawler crawler = Crawler.builder()
                    .sitelens(sitelens)
                    .config(config)
                    .usage(usage)
                    .analyticsUrls(analyticsUrls)
                    .eventListener(new CrawlCommand.Progress(err, System.console() != null))
                    .build();
            CrawlResult r = crawler.crawl(
                    project.key(),
                    project.startUrls().stream().map(java.net.URI::toString).toList());
            CrawlReport report = r.report();
            String summary = report.pages() + " pages, " + report.resources() + " resources, "
                    + report.findings().values().stream()
                            .mapToLong(Long::longValue)
                            .sum() + " findings"
                    + (r.resumed() ? " (resumed)" : "") + ", "
                    + r.status().name().toLowerCase(Locale.ROOT);
            if (report.pages() == 0) {
                String start = project.startUrls().get(0).toString();
                String why = sitelens.storage().crawls().findings(project.key(), r.runId()).stream()
                        .filter(f -> f.url().equals(start))
                        .map(f -> f.checkId() + ": " + f.message())
                        .findFirst()
                        .orElse("see the warnings above");
                summary = "no page of " + start + " could be crawled: " + why;
                notes.add("Crawl: " + summary);
                outcomes.add(new Outcome.Failed("crawler", io.sitelens.ErrorCode.EXTERNAL_UNAVAILABLE, summary));
            } else if (r.status() == CrawlRun.Status.COMPLETED) {
                outcomes.add(new Outcome.Succeeded("crawler", summary));
            } else {
                outcomes.add(new Outcome.Failed("crawler", io.sitelens.ErrorCode.EXTERNAL_UNAVAILABLE, summary));
            }
            r.warnings().forEach(w -> notes.add("Crawl: " + w));
            progress("crawl", summary);
        } catch (SitelensException e) {
            outcomes.add(Outcome.Failed.of("crawler", e));
            progress("crawl", "FAILED " + e.getMessage());
        }
    }

    /**
     * Screenshots of the top {@code n} pages of the latest crawl (by page views where analytics is stored,
     * else by in-links) in headless Chromium; skipped with a note when Chromium is not installed.
     */
    void screenshots(Project project, int n, boolean allowPrivateNetwork) {
        if (n == 0) {
            begin("screenshots", "skipped (--screenshots 0)");
            outcomes.add(new Outcome.Skipped("screenshots", "--screenshots 0"));
            return;
        }
        java.util.Optional<CrawlRun> run = sitelens.storage().crawls().latestCompletedRun(project.key());
        if (run.isEmpty()) {
            begin("screenshots", "skipped: no completed crawl");
            outcomes.add(new Outcome.Skipped("screenshots", "no completed crawl"));
            return;
        }
        begin("screenshots", "top " + n + " pages in headless Chromium …");
        try {
            CrawlScreenshots.Taken taken = new CrawlScreenshots(sitelens, err)
                    .take(project, run.get().id(), n, false, false, allowPrivateNetwork, null);
            outcomes.add(new Outcome.Succeeded("screenshots", taken.records().size() + " screenshots"));
            outcomes.addAll(taken.failures());
            if (!taken.failures().isEmpty()) {
                notes.add(taken.failures().size() + " screenshot(s) could not be taken; see the runs below.");
            }
            progress(
                    "screenshots",
                    taken.records().size() + " taken, " + taken.failures().size() + " failed");
        } catch (SitelensException e) {
            if (e.errorCode().equals(io.sitelens.ErrorCode.UNSUPPORTED)) {
                outcomes.add(new Outcome.Skipped("screenshots", String.valueOf(e.getMessage())));
                notes.add("No screenshots were taken: " + e.getMessage());
                progress("screenshots", "skipped: " + e.getMessage());
            } else {
                outcomes.add(Outcome.Failed.of("screenshots", e));
                progress("screenshots", "FAILED " + e.getMessage());
            }
        }
    }

    /** The tracking plan of the first binding with the TRACKING_PLAN capability, or null. */
    @Nullable
    TrackingPlan trackingPlan(Project project) {
        for (ConnectorBinding b : project.bindings()) {
            MetricConnectorFactory f = sitelens.connectorFactories().get(b.providerId());
            if (f != null && f.capabilities().contains(ConnectorCapability.TRACKING_PLAN)) {
                try (MetricConnector c = sitelens.openConnector(project, b.bindingId())) {
                    TrackingPlan plan = c.trackingPlan();
                    outcomes.add(new Outcome.Succeeded(
                            b.bindingId(),
                            "tracking plan " + plan.containerId() + ", "
                                    + plan.tags().size() + " tags"));
                    return plan;
                } catch (SitelensException e) {
                    outcomes.add(Outcome.Failed.of(b.bindingId(), e));
                    notes.add("The tracking plan of binding '" + b.bindingId() + "' could not be read: "
                            + e.getMessage());
                }
            }
        }
        return null;
    }

    /** Runs every insight provider over the stored data and replaces the project's insights. */
    int insights(Project project, LocalDate yesterday, @Nullable TrackingPlan plan) {
        begin("insights", "analysing …");
        DateRange period = DateRange.lastDays(yesterday, 365);
        InsightReport report = InsightEngine.builder()
                .build()
                .run(StoredInsightContext.of(sitelens.storage(), project, period, sitelens.clock(), plan));
        sitelens.storage()
                .insights()
                .replace(project.key(), report.insights(), sitelens.clock().instant());
        for (Outcome o : report.outcomes()) {
            if (!(o instanceof Outcome.Succeeded)) {
                outcomes.add(o);
                progress("insights", describe(o));
            }
        }
        progress(
                "insights",
                report.insights().size() + " insights in " + report.elapsed().toMillis() + " ms");
        return report.insights().size();
    }

    /** Writes the HTML report and the JSON summary next to it (same name, {@code .json}). */
    ReportData report(Project project, Path html, int screenshots, LocalDate yesterday, @Nullable TrackingPlan plan) {
        begin("report", "writing " + html.toAbsolutePath() + " …");
        ReportOptions.Builder o = ReportOptions.builder()
                .asOf(yesterday)
                .screenshots(Math.min(screenshots, 500))
                .trackingPlan(plan);
        notes.forEach(o::note);
        ReportData data = ReportData.collect(sitelens, project, o.build());
        try {
            HtmlReport.write(data, html);
            JsonSummary.write(data, json(html));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + html + ": " + e.getMessage(), e);
        }
        progress("report", "done: " + html.toAbsolutePath());
        return data;
    }

    static Path json(Path html) {
        String name = html.getFileName().toString();
        String base = name.endsWith(".html") ? name.substring(0, name.length() - 5) : name;
        return html.resolveSibling(base + ".json");
    }

    static String describe(Outcome o) {
        if (o instanceof Outcome.Succeeded s) {
            return s.providerId() + ": " + s.summary();
        }
        if (o instanceof Outcome.Failed f) {
            return f.providerId() + ": FAILED " + f.message();
        }
        Outcome.Skipped s = (Outcome.Skipped) o;
        return s.providerId() + ": skipped, " + s.reason();
    }
}
