import io.sitelens.screenshots.ChromiumScreenshotProvider;
import io.sitelens.screenshots.ScreenshotsPlugin;
import io.sitelens.spi.crawl.ScreenshotRequest;
import io.sitelens.spi.crawl.Viewport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Captures N pages of a site served on loopback with the sitelens Chromium provider (one browser, reused),
 * viewport then full page, and prints median/p90 per capture and the browser's peak resident memory
 * (sampled every 50 ms over all its processes). Run by bench/screenshots/run.sh.
 */
public final class ScreenshotBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path dir = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        List<String> files = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".html")).sorted().forEach(files::add);
        }
        List<String> urls = files.subList(0, Math.min(n, files.size())).stream().map(f -> base + f).toList();
        try (ChromiumScreenshotProvider p = new ScreenshotsPlugin.ChromiumFactory().open(true)) {
            for (int i = 0; i < 3; i++) { // warm-up: browser start, first navigations
                p.capture(ScreenshotRequest.viewport(urls.get(i), Viewport.DESKTOP));
            }
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long total = 0;
                    for (long pid : p.browserPids()) {
                        total += rssKb(pid);
                    }
                    peak.accumulateAndGet(total, Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            report("viewport 1366x768", time(p, urls, false));
            report("full page (cap 16384 px)", time(p, urls, true));
            sampler.interrupt();
            System.out.printf("browser peak RSS (all Chromium processes): %.0f MB%n", peak.get() / 1024.0);
        }
    }

    static List<Double> time(ChromiumScreenshotProvider p, List<String> urls, boolean full) {
        List<Double> ms = new ArrayList<>();
        for (String u : urls) {
            long t0 = System.nanoTime();
            p.capture(new ScreenshotRequest(u, Viewport.DESKTOP, full, 16_384, Duration.ofSeconds(30)));
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }

    static void report(String what, List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        System.out.printf("%-26s n=%d median %.0f ms  p90 %.0f ms  total %.1f s%n", what, s.size(), s.get(s.size() / 2),
                s.get((int) Math.floor(s.size() * 0.9)), s.stream().mapToDouble(Double::doubleValue).sum() / 1000);
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // process gone
        }
        return 0;
    }
}
