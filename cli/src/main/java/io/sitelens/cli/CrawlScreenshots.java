package io.sitelens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sitelens.ErrorCode;
import io.sitelens.Outcome;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.model.ProjectKey;
import io.sitelens.screenshots.ScreenshotRunner;
import io.sitelens.screenshots.TopPages;
import io.sitelens.spi.crawl.ScreenshotProvider;
import io.sitelens.spi.crawl.Viewport;
import io.sitelens.spi.storage.ScreenshotRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The screenshot part of {@code sitelens crawl}: top pages by in-links, captured, stored, listed, written to --out. */
final class CrawlScreenshots {
    private final Sitelens sitelens;
    private final PrintWriter err;

    CrawlScreenshots(Sitelens sitelens, PrintWriter err) {
        this.sitelens = sitelens;
        this.err = err;
    }

    /** What was taken, and where the PNGs were written (when --out was given). */
    record Taken(
            boolean requested,
            List<ScreenshotRecord> records,
            Map<ScreenshotRecord, Path> files,
            List<Outcome> failures) {
        static final Taken NONE = new Taken(false, List.of(), Map.of(), List.of());

        boolean complete() {
            return failures.isEmpty();
        }

        /** The crawl report JSON with a {@code screenshots} array added. */
        String addTo(String reportJson) {
            try {
                ObjectNode doc = (ObjectNode) Json.mapper().readTree(reportJson);
                ArrayNode list = doc.putArray("screenshots");
                for (ScreenshotRecord r : records) {
                    ObjectNode n = list.addObject();
                    n.put("url", r.url());
                    n.put("viewport", r.viewport());
                    n.put("width", r.width());
                    n.put("height", r.height());
                    n.put("sha256", r.sha256());
                    Path f = files.get(r);
                    n.put("file", f == null ? null : f.toString());
                    ObjectNode m = n.putObject("metrics");
                    m.put("ttfbMs", r.metrics().ttfbMs());
                    m.put("domContentLoadedMs", r.metrics().domContentLoadedMs());
                    m.put("loadMs", r.metrics().loadMs());
                    m.put("lcpMs", r.metrics().largestContentfulPaintMs());
                    m.put("cls", r.metrics().cumulativeLayoutShift());
                    m.put("transferredBytes", r.metrics().transferredBytes());
                    r.metrics().javascriptErrors().forEach(m.withArray("javascriptErrors")::add);
                    r.metrics().failedRequests().forEach(m.withArray("failedRequests")::add);
                }
                ArrayNode failed = doc.putArray("screenshotFailures");
                for (Outcome o : failures) {
                    failed.add(o instanceof Outcome.Failed f ? f.providerId() + ": " + f.message() : o.toString());
                }
                return Json.mapper().writeValueAsString(doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void printTo(PrintWriter o) {
            for (ScreenshotRecord r : records) {
                Path f = files.get(r);
                o.printf(
                        "screenshot %-8s %dx%d %s%s%n",
                        r.viewport(), r.width(), r.height(), r.url(), f == null ? "" : " -> " + f);
            }
        }
    }

    /** A browser for a rendered crawl, closed after the crawl. */
    record Browser(ScreenshotProvider provider) implements AutoCloseable {
        io.sitelens.crawler.PageRenderer renderer() {
            return (io.sitelens.crawler.PageRenderer) provider;
        }

        @Override
        public void close() {
            provider.close();
        }
    }

    /** Opens headless Chromium for {@code --render}, or fails saying how to install it. */
    static Browser browser(boolean allowPrivate) {
        io.sitelens.screenshots.ScreenshotsPlugin.ChromiumFactory factory =
                new io.sitelens.screenshots.ScreenshotsPlugin.ChromiumFactory();
        if (!factory.available()) {
            throw new SitelensException(ErrorCode.UNSUPPORTED, "--render: " + factory.unavailableReason());
        }
        return new Browser(factory.open(allowPrivate));
    }

    Taken take(
            io.sitelens.model.Project site,
            long runId,
            int n,
            boolean fullPage,
            boolean mobile,
            boolean allowPrivate,
            @Nullable Path out) {
        ProjectKey project = site.key();
        ScreenshotProvider.Factory factory = sitelens.screenshotProviders().get("chromium");
        if (factory == null || !factory.available()) {
            String why = factory == null ? "no screenshot provider is installed" : factory.unavailableReason();
            throw new SitelensException(ErrorCode.UNSUPPORTED, "--screenshots: " + why);
        }
        TopPages.Selection top =
                TopPages.select(sitelens.storage(), project, runId, n, LocalDate.now(sitelens.clock()));
        List<Viewport> viewports = mobile ? List.of(Viewport.DESKTOP, Viewport.MOBILE) : List.of(Viewport.DESKTOP);
        try (io.sitelens.UsageRecorder usage = sitelens.usageRecorder(project, factory.id());
                ScreenshotProvider provider =
                        factory.create(sitelens.pluginContext(site, "screenshots", usage), allowPrivate)) {
            ScreenshotRunner.Result result = new ScreenshotRunner(sitelens, provider)
                    .capture(
                            project,
                            runId,
                            top.urls(),
                            new ScreenshotRunner.Options(viewports, fullPage, 16_384, Duration.ofSeconds(30)),
                            () -> false);
            Map<ScreenshotRecord, Path> files = new java.util.LinkedHashMap<>();
            if (out != null) {
                Path dir = out.resolve("screenshots");
                try {
                    Files.createDirectories(dir);
                    int i = 0;
                    String last = null;
                    for (ScreenshotRecord r : result.screenshots()) {
                        if (!r.url().equals(last)) {
                            i++;
                            last = r.url();
                        }
                        Path f = dir.resolve(String.format("%03d-%s.png", i, r.viewport()));
                        byte[] png = sitelens.storage()
                                .blobs()
                                .get(project.tenant(), r.sha256())
                                .orElseThrow();
                        Files.write(f, png);
                        files.put(r, f);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            for (Outcome o : result.failures()) {
                err.println("sitelens: screenshot failed: "
                        + (o instanceof Outcome.Failed f ? f.providerId() + ": " + f.message() : o));
            }
            return new Taken(true, new ArrayList<>(result.screenshots()), files, result.failures());
        }
    }
}
