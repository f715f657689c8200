package io.sitelens.cli;

import io.sitelens.ErrorCode;
import io.sitelens.EventListener;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.UsageRecorder;
import io.sitelens.crawler.CrawlConfig;
import io.sitelens.crawler.CrawlReport;
import io.sitelens.crawler.CrawlResult;
import io.sitelens.crawler.CrawlScope;
import io.sitelens.crawler.Crawler;
import io.sitelens.model.Finding;
import io.sitelens.model.Link;
import io.sitelens.model.Page;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import io.sitelens.spi.crawl.PageCheck;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sitelens crawl URL}: crawls a site, audits every page and prints a summary (or, with {@code --json},
 * the {@link CrawlReport} document). Re-running it on the same root resumes an unfinished run of the store;
 * {@code --new} starts over.
 */
@Command(
        name = "crawl",
        description = "Crawl a site from URL, audit every page and resource, detect analytics tags.",
        sortOptions = false)
final class CrawlCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "The start URL (http or https).")
    String url;

    @Option(names = "--max-pages", paramLabel = "N", description = "At most N pages (default ${DEFAULT-VALUE}).")
    int maxPages = CrawlConfig.DEFAULTS.maxPages();

    @Option(
            names = "--max-depth",
            paramLabel = "D",
            description = "At most D clicks from URL (default ${DEFAULT-VALUE}).")
    int maxDepth = CrawlConfig.DEFAULTS.maxDepth();

    @Option(
            names = "--concurrency",
            paramLabel = "C",
            description = "Requests in flight per host (default ${DEFAULT-VALUE}).")
    int concurrency = CrawlConfig.DEFAULTS.concurrency();

    @Option(
            names = "--scope",
            paramLabel = "host|domain",
            description = "The start URL's host (default) or its registrable domain.")
    String scope = "host";

    @Option(names = "--delay", paramLabel = "MS", description = "Pause between two requests to a host, in ms.")
    long delayMs;

    @Option(
            names = "--allow-private-network",
            description = "Allow loopback, private and link-local addresses (refused by default).")
    boolean allowPrivateNetwork;

    @Option(names = "--no-external", description = "Do not check the status of external links and resources.")
    boolean noExternal;

    @Option(names = "--new", description = "Start a new run even if the last run of URL is unfinished.")
    boolean newRun;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write report.json and CSV files to DIR.")
    Path out;

    @picocli.CommandLine.Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Option(
            names = "--screenshots",
            paramLabel = "N",
            description = "Screenshot the top N pages (by internal in-links) in headless Chromium (default 0).")
    int screenshots;

    @Option(names = "--full-page", description = "Capture whole pages (up to 16,384 px) instead of the viewport.")
    boolean fullPage;

    @Option(names = "--mobile", description = "Also capture a mobile viewport (390x844, scale 3).")
    boolean mobile;

    @Option(
            names = "--render",
            description = "Render every page in headless Chromium and take links, titles and checks from the"
                    + " rendered DOM (sites built with client-side JavaScript).")
    boolean render;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HttpUrl start = HttpUrl.parse(url.strip());
        if (start == null) {
            throw new SitelensException(
                    ErrorCode.INVALID_INPUT, "URL '" + url + "' is not an absolute http:// or https:// URL");
        }
        CrawlScope crawlScope =
                switch (scope.toLowerCase(Locale.ROOT)) {
                    case "host" -> CrawlScope.HOST;
                    case "domain" -> CrawlScope.DOMAIN;
                    default ->
                        throw new SitelensException(
                                ErrorCode.INVALID_INPUT, "--scope must be host or domain, got '" + scope + "'");
                };
        CrawlScreenshots.Browser browser = render ? CrawlScreenshots.browser(allowPrivateNetwork) : null;
        CrawlConfig config = CrawlConfig.builder()
                .renderer(browser == null ? null : browser.renderer())
                .maxPages(maxPages)
                .maxDepth(maxDepth)
                .concurrency(concurrency)
                .scope(crawlScope)
                .delay(Duration.ofMillis(Math.max(-1, delayMs)))
                .allowPrivateNetwork(allowPrivateNetwork)
                .checkExternal(!noExternal)
                .newRun(newRun)
                .build();
        PrintWriter err = spec.commandLine().getErr();
        ProjectKey project = ProjectKey.of("local", projectId(start));
        StorageAdapter storage = storeOptions.open(null);
        try (CrawlScreenshots.Browser closeBrowser = browser;
                storage;
                Sitelens sitelens = Runtime.openWithoutProject(storage);
                UsageRecorder usage = sitelens.usageRecorder(project, "crawler")) {
            Crawler crawler = Crawler.builder()
                    .sitelens(sitelens)
                    .config(config)
                    .usage(usage)
                    .eventListener(new Progress(err, System.console() != null))
                    .build();
            List<PageCheck> checks = crawler.checks();
            CrawlResult result = crawler.crawl(project, List.of(start.toString()));
            CrawlScreenshots.Taken shots = screenshots > 0
                    ? new CrawlScreenshots(sitelens, err)
                            .take(
                                    io.sitelens.model.Project.builder(project, java.net.URI.create(start.toString()))
                                            .build(),
                                    result.runId(),
                                    screenshots,
                                    fullPage,
                                    mobile,
                                    allowPrivateNetwork,
                                    out)
                    : CrawlScreenshots.Taken.NONE;
            if (out != null) {
                writeFiles(out, storage, project, result, checks);
            }
            print(result, checks, shots);
            if (result.report().pages() == 0) {
                String why = storage.crawls().findings(project, result.runId()).stream()
                        .filter(f -> f.url().equals(start.toString()))
                        .map(f -> f.checkId() + ": " + f.message())
                        .findFirst()
                        .orElse("see the findings above");
                err.println("sitelens: no page of " + start + " could be crawled: " + why);
                return ExitCode.FAILURE;
            }
            return result.status() == CrawlRun.Status.COMPLETED && shots.complete() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    static String projectId(HttpUrl start) {
        String id = (start.host() + (start.port() == HttpUrl.defaultPort(start.scheme()) ? "" : "-" + start.port()))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]", "-")
                .replaceAll("^[^a-z0-9]+", "");
        id = id.isEmpty() ? "site" : id;
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    private void print(CrawlResult result, List<PageCheck> checks, CrawlScreenshots.Taken shots) {
        PrintWriter o = spec.commandLine().getOut();
        CrawlReport r = result.report();
        if (json) {
            o.println(shots.records().isEmpty() && !shots.requested() ? r.toJson() : shots.addTo(r.toJson()));
            o.flush();
            return;
        }
        shots.printTo(o);
        o.printf("crawled %s%s: %s%n", r.root(), result.resumed() ? " (resumed)" : "", result.status());
        o.printf(
                "pages %d  requests %d  resources %d  bytes %d  %.1f s%n",
                r.pages(), r.requests(), r.resources(), r.bytes(), r.durationMs() / 1000.0);
        o.printf("status %s%n", r.status());
        Map<String, PageCheck> byId = new java.util.HashMap<>();
        checks.forEach(c -> byId.put(c.id(), c));
        List<Map.Entry<String, Long>> findings = new ArrayList<>(r.findings().entrySet());
        findings.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        o.printf("%-28s %-8s %8s%n", "CHECK", "SEVERITY", "URLS");
        for (Map.Entry<String, Long> f : findings) {
            PageCheck c = byId.get(f.getKey());
            o.printf(
                    "%-28s %-8s %8d%n",
                    f.getKey(), c == null ? "" : c.severity().name().toLowerCase(Locale.ROOT), f.getValue());
        }
        r.tags().forEach((kind, ids) -> {
            for (String id : ids) {
                o.printf(
                        "tag %-6s %-16s on %d of %d pages%n",
                        kind, id, result.tagCoverage().getOrDefault(kind + ":" + id, 0L), result.htmlPages());
            }
        });
        o.flush();
    }

    private static void writeFiles(
            Path dir, StorageAdapter storage, ProjectKey project, CrawlResult result, List<PageCheck> checks) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.json"), result.report().toJson() + "\n", StandardCharsets.UTF_8);
            long run = result.runId();
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("pages.csv"), StandardCharsets.UTF_8)) {
                w.write("url,status,content_type,depth,bytes,response_ms,title,indexable,sha256,redirect_target\n");
                for (Page p : storage.crawls().pages(project, run)) {
                    w.write(csv(
                            p.url(),
                            p.statusCode(),
                            p.contentType(),
                            p.depth(),
                            p.bytes(),
                            p.responseTime().toMillis(),
                            p.title(),
                            p.indexable(),
                            p.bodySha256(),
                            p.redirectTarget()));
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("findings.csv"), StandardCharsets.UTF_8)) {
                w.write("check,severity,url,message\n");
                for (Finding f : storage.crawls().findings(project, run)) {
                    w.write(csv(f.checkId(), f.severity().name().toLowerCase(Locale.ROOT), f.url(), f.message()));
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("resources.csv"), StandardCharsets.UTF_8)) {
                w.write("url,type,status,content_type,bytes,sha256,external\n");
                for (Resource r : storage.crawls().resources(project, run)) {
                    w.write(csv(
                            r.url(),
                            r.type().name().toLowerCase(Locale.ROOT),
                            r.statusCode(),
                            r.contentType(),
                            r.bytes(),
                            r.sha256(),
                            r.external()));
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("links.csv"), StandardCharsets.UTF_8)) {
                w.write("from,to,anchor_text,nofollow,internal\n");
                for (Link l : storage.crawls().links(project, run)) {
                    w.write(csv(l.from(), l.to(), l.anchorText(), l.nofollow(), l.internal()));
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("checks.csv"), StandardCharsets.UTF_8)) {
                w.write("check,severity,explanation\n");
                for (PageCheck c : checks) {
                    w.write(csv(c.id(), c.severity().name().toLowerCase(Locale.ROOT), c.explanation()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --out " + dir + ": " + e.getMessage(), e);
        }
    }

    static String csv(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values[i] == null ? "" : String.valueOf(values[i]);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                v = '"' + v.replace("\"", "\"\"") + '"';
            }
            sb.append(v);
        }
        return sb.append('\n').toString();
    }

    /** Progress on stderr: a one-line bar on a terminal, warnings always. */
    static final class Progress implements EventListener {
        private final PrintWriter err;
        private final boolean terminal;
        private volatile long lastDraw;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void progress(String phase, long done, long total) {
            long now = System.nanoTime();
            if (!terminal || now - lastDraw < 200_000_000L) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = total > 0 ? (int) Math.min(width, done * width / total) : 0;
            synchronized (err) {
                err.printf("\r%s [%s%s] %d/%d ", phase, "#".repeat(filled), " ".repeat(width - filled), done, total);
                err.flush();
            }
        }

        @Override
        public void phaseFinished(String phase, io.sitelens.Outcome outcome) {
            if (terminal && phase.equals("crawl")) {
                synchronized (err) {
                    err.print("\r" + " ".repeat(60) + "\r");
                    err.flush();
                }
            }
        }

        @Override
        public void warning(String phase, String message) {
            synchronized (err) {
                err.println((terminal ? "\r" : "") + "warning: " + message);
                err.flush();
            }
        }
    }
}
