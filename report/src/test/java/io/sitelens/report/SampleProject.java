package io.sitelens.report;

import io.sitelens.Outcome;
import io.sitelens.Sitelens;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.DateRange;
import io.sitelens.model.EntityRef;
import io.sitelens.model.Evidence;
import io.sitelens.model.Finding;
import io.sitelens.model.Insight;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Resource;
import io.sitelens.model.ResourceType;
import io.sitelens.model.Severity;
import io.sitelens.model.UsageKind;
import io.sitelens.model.UsageRecord;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.crawl.RenderMetrics;
import io.sitelens.spi.storage.BlobRef;
import io.sitelens.spi.storage.CrawlRun;
import io.sitelens.spi.storage.RunRecord;
import io.sitelens.spi.storage.ScreenshotRecord;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A project with constructed data in the in-memory store: a year of metrics, a crawl, screenshots, insights. */
final class SampleProject {
    static final Instant NOW = Instant.parse("2026-04-01T08:00:00Z");
    static final LocalDate AS_OF = LocalDate.parse("2026-03-31");
    static final String EVIL_TITLE = "Deals <script>alert('pwned')</script> & more";

    final InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
    final Sitelens sitelens = Sitelens.builder()
            .storage(storage)
            .consentPolicy(StrictOptInConsentPolicy::new)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();
    final Project project = Project.builder(ProjectKey.of("acme", "www"), URI.create("https://www.example.org/"))
            .name("Example <b>shop</b>")
            .build();
    final ProjectKey key = project.key();

    SampleProject() {
        storage.projects().put(project);
    }

    /** Sessions rise 10% in the last 28 days; bounce rate falls. */
    SampleProject metrics() {
        List<MetricPoint> pts = new ArrayList<>();
        for (LocalDate d : DateRange.lastDays(AS_OF, 365)) {
            boolean recent = !d.isBefore(AS_OF.minusDays(27));
            pts.add(new MetricPoint("ga", MetricName.SESSIONS, MetricPoint.SITE, d, recent ? 110 : 100));
            pts.add(new MetricPoint("ga", MetricName.PAGE_VIEWS, MetricPoint.SITE, d, recent ? 330 : 300));
            pts.add(new MetricPoint("ga", MetricName.BOUNCE_RATE, MetricPoint.SITE, d, recent ? 0.4 : 0.5));
            pts.add(new MetricPoint("ga", MetricName.PAGE_VIEWS, MetricPoint.pageKey("/deals"), d, 200));
            pts.add(new MetricPoint("ga", MetricName.PAGE_VIEWS, MetricPoint.pageKey("/"), d, 100));
        }
        storage.metrics().upsert(key, pts);
        return this;
    }

    SampleProject crawl(int screenshots) {
        CrawlRun run = storage.crawls().startRun(key, "https://www.example.org/", NOW.minusSeconds(600));
        Instant at = NOW.minusSeconds(500);
        storage.crawls()
                .savePages(
                        key,
                        run.id(),
                        List.of(
                                new Page(
                                        "https://www.example.org/",
                                        200,
                                        "text/html",
                                        0,
                                        12_000,
                                        Duration.ofMillis(40),
                                        "Home",
                                        true,
                                        null,
                                        null,
                                        at),
                                new Page(
                                        "https://www.example.org/deals",
                                        200,
                                        "text/html",
                                        1,
                                        30_000,
                                        Duration.ofMillis(900),
                                        EVIL_TITLE,
                                        true,
                                        null,
                                        null,
                                        at),
                                new Page(
                                        "https://www.example.org/old",
                                        404,
                                        "text/html",
                                        1,
                                        500,
                                        Duration.ofMillis(5),
                                        null,
                                        false,
                                        null,
                                        null,
                                        at)));
        storage.crawls()
                .saveFindings(
                        key,
                        run.id(),
                        List.of(
                                Finding.of(
                                        "analytics-tag-missing",
                                        Severity.WARNING,
                                        "https://www.example.org/deals",
                                        "no GTM, GA4 or Matomo tag"),
                                Finding.of("status-4xx", Severity.ERROR, "https://www.example.org/old", "404"),
                                Finding.of(
                                        "img-alt-missing",
                                        Severity.NOTICE,
                                        "https://www.example.org/deals",
                                        "<img src=x onerror=alert(1)> has no alt")));
        storage.crawls()
                .saveResources(
                        key,
                        run.id(),
                        List.of(new Resource(
                                "https://www.example.org/a.css",
                                ResourceType.CSS,
                                200,
                                "text/css",
                                2000,
                                null,
                                false)));
        List<ScreenshotRecord> records = new ArrayList<>();
        for (int i = 0; i < screenshots; i++) {
            String url = i == 0 ? "https://www.example.org/deals" : "https://www.example.org/p" + i;
            BlobRef blob = storage.blobs().put(key.tenant(), png(new Color(40 + i * 20, 90, 160)));
            records.add(new ScreenshotRecord(
                    url,
                    "desktop",
                    64,
                    48,
                    blob.sha256(),
                    at,
                    run.id(),
                    new RenderMetrics(
                            10, 20, 30, 1234, 0, List.of("ReferenceError: x is not defined"), List.of(), 1000)));
        }
        storage.screenshots().save(key, records);
        storage.crawls().finishRun(key, run.id(), CrawlRun.Status.COMPLETED, NOW.minusSeconds(400));
        return this;
    }

    SampleProject insights() {
        DateRange period = DateRange.lastDays(AS_OF, 28);
        storage.insights()
                .replace(
                        key,
                        List.of(
                                new Insight(
                                        "crawl.traffic-on-error",
                                        0.6,
                                        EntityRef.page("/old"),
                                        period,
                                        List.of(new Evidence("page views", 420, MetricName.PAGE_VIEWS, null)),
                                        "A page with traffic answers 404.",
                                        "Redirect /old to its successor.",
                                        "crawl-traffic"),
                                new Insight(
                                        "anomaly",
                                        0.9,
                                        EntityRef.site(),
                                        period,
                                        List.of(new Evidence("bounce rate", 0.4, MetricName.BOUNCE_RATE, "<i>low</i>")),
                                        "Sessions jumped on 2026-03-04.",
                                        "Check the campaign calendar.",
                                        "anomalies")),
                        NOW);
        storage.usage()
                .record(List.of(
                        new UsageRecord(key, "ga4", UsageKind.API_CALL, 12, NOW.minusSeconds(3600)),
                        new UsageRecord(key, "crawler", UsageKind.PAGE_FETCHED, 3, NOW.minusSeconds(3600))));
        storage.runs()
                .put(new RunRecord(
                        "run-1",
                        key,
                        RunRecord.Kind.SYNC,
                        "test",
                        NOW.minusSeconds(7200),
                        NOW.minusSeconds(7100),
                        RunRecord.Status.PARTIAL,
                        List.of(
                                new Outcome.Failed("matomo", io.sitelens.ErrorCode.RATE_LIMITED, "quota spent"),
                                new Outcome.Succeeded(
                                        "ga4",
                                        "5 slices fetched, 900 points stored; data quality:"
                                                + " sampled: read 12.5% of the events")),
                        Map.of()));
        return this;
    }

    ReportData collect(ReportOptions.Builder options) {
        return ReportData.collect(sitelens, project, options.asOf(AS_OF).build());
    }

    static byte[] png(Color color) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillRect(8, 8, 20, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
