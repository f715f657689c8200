package io.sitelens.cli;

import io.sitelens.Outcome;
import io.sitelens.Sitelens;
import io.sitelens.cli.config.ProjectConfig;
import io.sitelens.cli.config.ProjectConfigLoader;
import io.sitelens.crawler.CrawlConfig;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.TrackingPlan;
import io.sitelens.report.JsonSummary;
import io.sitelens.report.ReportData;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sitelens audit URL}: stores the project, syncs its bound connectors for the last 365 days, computes
 * insights and writes the report (HTML) and its JSON summary. Progress goes to stderr; the report's path (or
 * with {@code --json} one JSON document) to stdout.
 */
@Command(
        name = "audit",
        description = "Audit a site: sync analytics, crawl, compute insights, write report.html and report.json.")
final class AuditCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "The site's main URL.")
    String url;

    @Option(names = "--config", paramLabel = "FILE", description = "Project config (bindings, additional URLs).")
    @Nullable
    Path config;

    @Option(
            names = "--report",
            defaultValue = "report.html",
            paramLabel = "FILE",
            description = "Where to write the report (default report.html; the summary goes next to it as .json).")
    Path report;

    @Option(
            names = "--screenshots",
            defaultValue = "100",
            paramLabel = "N",
            description = "Screenshots of the top N pages shown in the report (default 100).")
    int screenshots;

    @Option(names = "--max-pages", paramLabel = "N", description = "Crawl at most N pages (default ${DEFAULT-VALUE}).")
    int maxPages = CrawlConfig.DEFAULTS.maxPages();

    @Option(
            names = "--allow-private-network",
            description = "Allow loopback, private and link-local addresses (refused by default).")
    boolean allowPrivateNetwork;

    @picocli.CommandLine.Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--json", description = "Print one JSON document (schemaVersion 1) instead of the path.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (screenshots < 0) {
            throw new IllegalArgumentException("--screenshots must be 0 or more, got " + screenshots);
        }
        URI main = mainUrl(url);
        ProjectConfig cfg = config == null ? null : ProjectConfigLoader.load(config);
        Project project = cfg == null
                ? Project.builder(ProjectKey.of("default", projectId(main)), main)
                        .build()
                : cfg.project().newBuilder().mainUrl(main).build();
        StorageAdapter storage = storeOptions.open(cfg);
        try (storage;
                Sitelens sitelens = cfg == null ? Runtime.openWithoutProject(storage) : Runtime.open(storage, cfg)) {
            AuditPipeline pipeline =
                    new AuditPipeline(sitelens, spec.commandLine().getErr(), 6);
            CrawlConfig crawl = CrawlConfig.builder()
                    .maxPages(maxPages)
                    .allowPrivateNetwork(allowPrivateNetwork)
                    .build();
            return run(
                    pipeline,
                    sitelens,
                    project,
                    crawl,
                    allowPrivateNetwork,
                    report,
                    screenshots,
                    json,
                    spec.commandLine().getOut());
        }
    }

    /** The phases every audit runs, and the output; shared with {@code sitelens demo}. */
    static int run(
            AuditPipeline pipeline,
            Sitelens sitelens,
            Project project,
            CrawlConfig crawl,
            boolean allowPrivateNetwork,
            Path report,
            int screenshots,
            boolean json,
            PrintWriter out) {
        Thread hook = new Thread(pipeline::interrupt, "sitelens-audit-interrupt");
        java.lang.Runtime.getRuntime().addShutdownHook(hook);
        try {
            LocalDate yesterday = LocalDate.ofInstant(sitelens.clock().instant(), project.zone())
                    .minusDays(1);
            Project stored = pipeline.project(project);
            pipeline.sync(stored, yesterday);
            pipeline.crawl(stored, crawl, yesterday);
            pipeline.screenshots(stored, screenshots, allowPrivateNetwork);
            TrackingPlan plan = pipeline.trackingPlan(stored);
            pipeline.insights(stored, yesterday, plan);
            ReportData data = pipeline.report(stored, report, screenshots, yesterday, plan);
            boolean failed = pipeline.outcomes().stream().anyMatch(o -> o instanceof Outcome.Failed);
            if (json) {
                Map<String, Object> doc = Json.document();
                doc.put("report", report.toAbsolutePath().toString());
                doc.put(
                        "summaryFile",
                        AuditPipeline.json(report).toAbsolutePath().toString());
                List<Map<String, String>> outcomes = new ArrayList<>();
                for (Outcome o : pipeline.outcomes()) {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("provider", o.providerId());
                    m.put("status", o.getClass().getSimpleName().toLowerCase(Locale.ROOT));
                    m.put("detail", AuditPipeline.describe(o));
                    outcomes.add(m);
                }
                doc.put("outcomes", outcomes);
                doc.put("summary", JsonSummary.toJson(data));
                Json.print(out, doc);
            } else {
                out.println(report.toAbsolutePath());
                out.flush();
            }
            return failed ? ExitCode.FAILURE : ExitCode.OK;
        } finally {
            try {
                java.lang.Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
    }

    static URI mainUrl(String text) {
        URI u;
        try {
            u = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("URL must be an absolute http(s) URL, got '" + text + "'");
        }
        if (u.getScheme() == null
                || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                || u.getHost() == null) {
            throw new IllegalArgumentException("URL must be an absolute http(s) URL, got '" + text + "'");
        }
        return u.getPath() == null || u.getPath().isEmpty() ? u.resolve("/") : u;
    }

    /** A project id from the host (and port): {@code www.example.org}, {@code 127.0.0.1-8080}. */
    static String projectId(URI url) {
        String id = url.getHost().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (url.getPort() > 0) {
            id += "-" + url.getPort();
        }
        id = id.replaceAll("^[^a-z0-9]+", "");
        return id.isEmpty() ? "site" : id.length() > 64 ? id.substring(0, 64) : id;
    }
}
