package io.sitelens.screenshots.internal;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.screenshots.ChromiumScreenshotProvider.ChromiumInstall;
import io.sitelens.spi.crawl.RenderMetrics;
import io.sitelens.spi.crawl.Screenshot;
import io.sitelens.spi.crawl.ScreenshotRequest;
import io.sitelens.spi.crawl.Viewport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running headless Chromium with its chromedriver and profile directory. */
public final class ChromiumSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumSession.class);
    static final String DESKTOP_UA =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 sitelens/0.1";
    static final String MOBILE_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/156.0.0.0 Mobile Safari/537.36 sitelens/0.1";

    /** The browser or its driver went away; the provider starts a new one. */
    public static final class BrowserGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrowserGone(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Selenium tells stderr it has no CDP bindings for a Chromium newer than itself ("Unable to find CDP
     * implementation matching 156"); sitelens sends raw CDP commands only, which need none, so users saw a warning
     * about nothing. Held in a field: java.util.logging keeps its loggers weakly.
     */
    private static final java.util.logging.Logger CDP_VERSION_FINDER =
            quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private ChromiumSession(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    public static ChromiumSession start(ChromiumInstall install, int proxyPort) {
        if (!install.available()) {
            throw new SitelensException(ErrorCode.UNSUPPORTED, "chromium", install.howToInstall(), null);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("sitelens-chromium-");
        } catch (IOException e) {
            throw new SitelensException(ErrorCode.INTERNAL, "chromium", "cannot create a browser profile: " + e, e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(install.browser().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-quic",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--disable-default-apps",
                "--no-pings",
                "--disable-features=OptimizationHints,Translate,MediaRouter,AutofillServerCommunication",
                "--mute-audio",
                "--hide-scrollbars",
                "--window-size=1366,768",
                "--user-data-dir=" + profile,
                // every connection through the guard, loopback included
                "--proxy-server=http://127.0.0.1:" + proxyPort,
                "--proxy-bypass-list=<-loopback>",
                // no WebRTC path around the proxy
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                "--webrtc-ip-handling-policy=disable_non_proxied_udp");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(install.driver().toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.executeCdpCommand("Page.enable", Map.of());
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PageScripts.OBSERVE));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            LOG.debug("started headless Chromium with profile {}", profile);
            return new ChromiumSession(driver, service, profile);
        } catch (WebDriverException e) {
            service.stop();
            deleteQuietly(profile);
            throw new SitelensException(
                    ErrorCode.EXTERNAL_UNAVAILABLE, "chromium", "headless Chromium did not start: " + firstLine(e), e);
        }
    }

    public Screenshot capture(ScreenshotRequest request, GuardProxy proxy) {
        Viewport v = request.viewport();
        try {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("width", v.width());
            metrics.put("height", v.height());
            metrics.put("deviceScaleFactor", v.deviceScaleFactor());
            metrics.put("mobile", v.mobile());
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
            driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", v.mobile()));
            driver.executeCdpCommand(
                    "Emulation.setUserAgentOverride", Map.of("userAgent", v.mobile() ? MOBILE_UA : DESKTOP_UA));
            driver.manage().timeouts().pageLoadTimeout(request.timeout());
            proxy.drain();
            List<String> failed = new ArrayList<>();
            try {
                driver.get(request.url());
            } catch (TimeoutException e) {
                failed.add(request.url() + " (page did not finish loading within " + request.timeout() + ")");
                driver.executeScript("window.stop();");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) driver.executeAsyncScript(PageScripts.COLLECT);
            Map<String, Object> shot = new LinkedHashMap<>();
            shot.put("format", "png");
            if (request.fullPage()) {
                long contentHeight = ((Number) m.getOrDefault("height", v.height())).longValue();
                long h = Math.max(v.height(), Math.min(contentHeight, request.maxHeight()));
                shot.put("captureBeyondViewport", true);
                shot.put("clip", Map.of("x", 0, "y", 0, "width", v.width(), "height", h, "scale", 1));
            }
            Map<String, Object> result = driver.executeCdpCommand("Page.captureScreenshot", shot);
            byte[] png = Base64.getDecoder().decode((String) result.get("data"));
            int[] size = Png.size(png);
            failed.addAll(strings(m.get("failed")));
            for (String refused : proxy.drain()) {
                if (!browserOwnTraffic(refused)) {
                    failed.add(refused);
                }
            }
            RenderMetrics rm = new RenderMetrics(
                    number(m.get("ttfb")),
                    number(m.get("dcl")),
                    number(m.get("load")),
                    number(m.get("lcp")),
                    number(m.get("cls")),
                    strings(m.get("errors")),
                    failed.stream().distinct().toList(),
                    (long) number(m.get("bytes")));
            return new Screenshot(request.url(), v, size[0], size[1], png, rm);
        } catch (NoSuchSessionException e) {
            throw new BrowserGone(firstLine(e), e);
        } catch (WebDriverException e) {
            if (!alive()) {
                throw new BrowserGone(firstLine(e), e);
            }
            throw new SitelensException(
                    ErrorCode.EXTERNAL_UNAVAILABLE,
                    "chromium",
                    "could not render " + request.url() + ": " + firstLine(e),
                    e);
        }
    }

    /** Loads {@code url} in the desktop viewport and returns its DOM after scripts ran. */
    public String render(String url, Duration timeout) {
        try {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("width", Viewport.DESKTOP.width());
            metrics.put("height", Viewport.DESKTOP.height());
            metrics.put("deviceScaleFactor", Viewport.DESKTOP.deviceScaleFactor());
            metrics.put("mobile", false);
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
            driver.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", DESKTOP_UA));
            driver.manage().timeouts().pageLoadTimeout(timeout);
            try {
                driver.get(url);
            } catch (TimeoutException e) {
                driver.executeScript("window.stop();");
            }
            Object html = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " requestAnimationFrame(() => setTimeout(() => done(document.documentElement.outerHTML), 50));");
            return String.valueOf(html);
        } catch (NoSuchSessionException e) {
            throw new BrowserGone(firstLine(e), e);
        } catch (WebDriverException e) {
            if (!alive()) {
                throw new BrowserGone(firstLine(e), e);
            }
            throw new SitelensException(
                    ErrorCode.EXTERNAL_UNAVAILABLE, "chromium", "could not render " + url + ": " + firstLine(e), e);
        }
    }

    /**
     * Connections Chromium makes for itself (sign-in, updates, safe browsing), not for the page: still checked
     * and refused or failed by the proxy, but not reported as the page's failed requests.
     */
    static boolean browserOwnTraffic(String destination) {
        String host = destination.contains(":") ? destination.substring(0, destination.indexOf(':')) : destination;
        return host.equals("accounts.google.com")
                || host.endsWith(".googleapis.com")
                || host.endsWith(".gvt1.com")
                || host.endsWith(".gvt2.com")
                || host.matches("clients[0-9]*\\.google\\.com")
                || host.equals("www.google.com");
    }

    /** Whether the browser still answers. */
    public boolean alive() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    /** The browser's process ids (the driver's descendants), for diagnostics and crash tests. */
    public List<Long> browserPids() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains(profile.toString()))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : -1;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) {
                out.add(String.valueOf(x));
            }
        }
        return out;
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            LOG.debug("quitting the browser: {}", e.toString());
        }
        try {
            service.stop();
        } catch (RuntimeException e) {
            LOG.debug("stopping chromedriver: {}", e.toString());
        }
        deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
