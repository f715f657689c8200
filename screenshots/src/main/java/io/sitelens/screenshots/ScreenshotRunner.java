package io.sitelens.screenshots;

import static java.util.Objects.requireNonNull;

import io.sitelens.EventListener;
import io.sitelens.Outcome;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.UsageRecorder;
import io.sitelens.model.Finding;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.crawl.Screenshot;
import io.sitelens.spi.crawl.ScreenshotProvider;
import io.sitelens.spi.crawl.ScreenshotRequest;
import io.sitelens.spi.crawl.Viewport;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.ScreenshotRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Takes the screenshots of a crawl: each URL in each viewport, PNGs into the tenant's blob store, records and
 * the render checks' findings into the store (with the crawl run), usage metered, the tenant's monthly
 * screenshot cap checked before each capture. One failed page is an outcome, not the end of the run.
 */
public final class ScreenshotRunner {
    private final Sitelens sitelens;
    private final ScreenshotProvider provider;

    public ScreenshotRunner(Sitelens sitelens, ScreenshotProvider provider) {
        this.sitelens = requireNonNull(sitelens, "sitelens");
        this.provider = requireNonNull(provider, "provider");
    }

    /** What to capture. */
    public record Options(List<Viewport> viewports, boolean fullPage, int maxHeight, Duration timeoutPerPage) {
        public Options {
            viewports = List.copyOf(viewports);
            if (viewports.isEmpty()) {
                throw new IllegalArgumentException("at least one viewport");
            }
        }

        public static Options desktop() {
            return new Options(List.of(Viewport.DESKTOP), false, 16_384, Duration.ofSeconds(30));
        }
    }

    /** What a run produced. */
    public record Result(List<ScreenshotRecord> screenshots, List<Finding> findings, List<Outcome> failures) {}

    public Result capture(
            ProjectKey project, long crawlRunId, List<String> urls, Options options, BooleanSupplier cancelled) {
        EventListener listener = sitelens.eventListener();
        List<ScreenshotRecord> records = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Outcome> failures = new ArrayList<>();
        long total = (long) urls.size() * options.viewports().size();
        listener.phaseStarted("screenshots", total);
        long done = 0;
        try (UsageRecorder usage = sitelens.usageRecorder(project, provider.id())) {
            for (String url : urls) {
                for (Viewport v : options.viewports()) {
                    if (cancelled.getAsBoolean()) {
                        return finish(project, crawlRunId, records, findings, failures);
                    }
                    sitelens.checkScreenshotCap(project.tenant(), 1 + usage.pending(UsageKind.SCREENSHOT));
                    try {
                        Screenshot s = provider.capture(new ScreenshotRequest(
                                url,
                                v,
                                options.fullPage(),
                                Math.max(options.maxHeight(), v.height()),
                                options.timeoutPerPage()));
                        BlobRef blob = sitelens.storage().blobs().put(project.tenant(), s.png());
                        usage.record(UsageKind.SCREENSHOT, 1);
                        usage.record(
                                UsageKind.BYTES_FETCHED, Math.max(0, s.metrics().transferredBytes()));
                        records.add(new ScreenshotRecord(
                                url,
                                label(v, options.fullPage()),
                                s.width(),
                                s.height(),
                                blob.sha256(),
                                sitelens.clock().instant(),
                                crawlRunId,
                                s.metrics()));
                        if (v.equals(options.viewports().get(0))) {
                            findings.addAll(RenderChecks.findings(url, s.metrics()));
                        }
                    } catch (SitelensException e) {
                        if (e.errorCode().equals(io.sitelens.ErrorCode.CAP_EXCEEDED)) {
                            throw e;
                        }
                        failures.add(Outcome.Failed.of(url, e));
                    }
                    listener.progress("screenshots", ++done, total);
                }
            }
        }
        return finish(project, crawlRunId, records, findings, failures);
    }

    private Result finish(
            ProjectKey project,
            long crawlRunId,
            List<ScreenshotRecord> records,
            List<Finding> findings,
            List<Outcome> failures) {
        sitelens.storage().screenshots().save(project, records);
        sitelens.storage().crawls().saveFindings(project, crawlRunId, findings);
        sitelens.eventListener()
                .phaseFinished(
                        "screenshots",
                        failures.isEmpty()
                                ? new Outcome.Succeeded(provider.id(), records.size() + " screenshots")
                                : new Outcome.Failed(
                                        provider.id(),
                                        io.sitelens.ErrorCode.EXTERNAL_UNAVAILABLE,
                                        failures.size() + " pages could not be captured"));
        return new Result(records, findings, failures);
    }

    static String label(Viewport v, boolean fullPage) {
        String base = v.equals(Viewport.MOBILE)
                ? "mobile"
                : v.equals(Viewport.DESKTOP) ? "desktop" : v.width() + "x" + v.height();
        return fullPage ? base + "-full" : base;
    }
}
