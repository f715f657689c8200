package io.sitelens.insights.speed;

import io.sitelens.insights.InMemoryInsightContext;
import io.sitelens.insights.InsightEngine;
import io.sitelens.insights.InsightReport;
import io.sitelens.insights.StoredInsightContext;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.DateRange;
import io.sitelens.model.Finding;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricPoint;
import io.sitelens.model.Page;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Severity;
import io.sitelens.model.TrackingPlan;
import io.sitelens.spi.storage.CrawlRun;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Bench (not a test): every built-in provider over 10,000 pages × 365 days of daily metrics (sessions, page
 * views and bounce rate per page, plus the site series, 20 event series, a 10,000-page crawl with findings and
 * a tracking plan), first already in memory ({@link InMemoryInsightContext}), then read from a storage adapter
 * ({@link StoredInsightContext} over the in-memory store). Usage: {@code SpeedBench [pages] [runs]}.
 */
public final class SpeedBench {

    static final Project PROJECT = Project.builder(ProjectKey.of("bench", "speed"), URI.create("https://speed.example"))
            .build();

    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of every live thread (the engine's pool threads are included while they live). */
    static long totalCpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        LocalDate first = LocalDate.of(2025, 1, 1);
        DateRange period = DateRange.of(first, first.plusDays(364));
        Random rnd = new Random(1);
        List<MetricPoint> points = new ArrayList<>(pages * 365 * 3 + 10_000);
        List<Page> crawl = new ArrayList<>(pages);
        List<Finding> findings = new ArrayList<>();
        double[] site = new double[365];
        for (int p = 0; p < pages; p++) {
            String key = "page=/p" + p;
            double level = 5000.0 / Math.pow(p + 1, 0.8) + 1; // Zipf-like: a few big pages, a long tail
            double bounce = 0.3 + 0.4 * rnd.nextDouble();
            for (int d = 0; d < 365; d++) {
                double weekly = (d % 7 >= 5) ? 0.6 : 1.0;
                double s = Math.max(0, Math.round(level * weekly * (1 + 0.1 * rnd.nextGaussian())));
                LocalDate day = first.plusDays(d);
                points.add(new MetricPoint("ga4", MetricName.SESSIONS, key, day, s));
                points.add(new MetricPoint("ga4", MetricName.PAGE_VIEWS, key, day, Math.round(s * 2.2)));
                points.add(new MetricPoint("ga4", MetricName.BOUNCE_RATE, key, day, bounce));
                site[d] += s;
            }
            int status = p % 97 == 0 ? 404 : p % 211 == 0 ? 301 : 200;
            crawl.add(new Page(
                    "https://speed.example/p" + p,
                    status,
                    "text/html",
                    2,
                    20_000 + p,
                    Duration.ofMillis(100 + p % 1500),
                    "t",
                    p % 53 != 0,
                    null,
                    status == 301 ? "https://speed.example/" : null,
                    Instant.EPOCH));
            if (p % 31 == 0) {
                findings.add(Finding.of("orphan-page", Severity.NOTICE, "https://speed.example/p" + p, "orphan"));
            }
        }
        for (int d = 0; d < 365; d++) {
            points.add(new MetricPoint("ga4", MetricName.SESSIONS, "", first.plusDays(d), site[d]));
            for (int e = 0; e < 20; e++) {
                points.add(new MetricPoint("ga4", MetricName.EVENT_COUNT, "event=e" + e, first.plusDays(d), 100));
            }
        }
        List<TrackingPlan.Tag> tags = new ArrayList<>();
        List<TrackingPlan.TrackedEvent> events = new ArrayList<>();
        for (int e = 0; e < 25; e++) {
            tags.add(new TrackingPlan.Tag("" + e, "tag " + e, "gaawe", false, List.of(), List.of(), null, Map.of()));
            events.add(new TrackingPlan.TrackedEvent("e" + e, false, "" + e, "G-X", List.of()));
        }
        TrackingPlan plan =
                new TrackingPlan("GTM-X", "x", tags, List.of(), List.of(), List.of(), events, List.of("G-X"));
        System.out.printf(
                Locale.ROOT,
                "%d pages x 365 days: %,d points; %d CPUs available%n",
                pages,
                points.size(),
                Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        InMemoryInsightContext ctx = InMemoryInsightContext.builder(PROJECT, period)
                .points(points)
                .pages(crawl)
                .findings(findings)
                .trackingPlan(plan)
                .build();
        System.out.printf(Locale.ROOT, "building the in-memory context: %.2f s%n", (System.nanoTime() - t0) / 1e9);
        for (var provider : io.sitelens.insights.InsightProviders.all()) {
            double best = Double.MAX_VALUE;
            double bestCpu = Double.MAX_VALUE;
            for (int r = 0; r < 3; r++) {
                long t = System.nanoTime();
                long c = CPU.getCurrentThreadCpuTime();
                provider.insights(ctx);
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
                bestCpu = Math.min(bestCpu, (CPU.getCurrentThreadCpuTime() - c) / 1e9);
            }
            System.out.printf(
                    Locale.ROOT, "  provider %-14s best of 3: wall %.3f s, cpu %.3f s%n", provider.id(), best, bestCpu);
        }
        if (Boolean.getBoolean("providersOnly")) {
            return;
        }
        for (int threads : new int[] {1, 2}) {
            InsightEngine engine = InsightEngine.builder().parallelism(threads).build();
            for (int r = 0; r < runs; r++) {
                long t = System.nanoTime();
                long c = totalCpu();
                InsightReport report = engine.run(ctx);
                System.out.printf(
                        Locale.ROOT,
                        "in memory, %d thread(s), run %d: wall %.3f s, cpu (all threads) %.3f s, %d insights%n",
                        threads,
                        r + 1,
                        (System.nanoTime() - t) / 1e9,
                        (totalCpu() - c) / 1e9,
                        report.insights().size());
            }
        }

        InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
        storage.projects().put(PROJECT);
        long w = System.nanoTime();
        storage.metrics().upsert(PROJECT.key(), points);
        CrawlRun run = storage.crawls().startRun(PROJECT.key(), "https://speed.example/", Instant.EPOCH);
        storage.crawls().savePages(PROJECT.key(), run.id(), crawl);
        storage.crawls().saveFindings(PROJECT.key(), run.id(), findings);
        storage.crawls().finishRun(PROJECT.key(), run.id(), CrawlRun.Status.COMPLETED, Instant.EPOCH);
        System.out.printf(Locale.ROOT, "writing to the in-memory store: %.2f s%n", (System.nanoTime() - w) / 1e9);
        InsightEngine engine = InsightEngine.builder().parallelism(2).build();
        for (int r = 0; r < Math.min(runs, 3); r++) {
            long t = System.nanoTime();
            StoredInsightContext stored =
                    StoredInsightContext.of(storage, PROJECT, period, java.time.Clock.systemUTC(), plan);
            InsightReport report = engine.run(stored);
            System.out.printf(
                    Locale.ROOT,
                    "from storage (in-memory adapter), 2 threads, run %d: %.3f s, %d insights%n",
                    r + 1,
                    (System.nanoTime() - t) / 1e9,
                    report.insights().size());
        }
    }
}
