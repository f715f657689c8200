package io.sitelens.screenshots;

import static java.util.Objects.requireNonNull;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.screenshots.internal.ChromiumSession;
import io.sitelens.screenshots.internal.GuardProxy;
import io.sitelens.spi.crawl.Screenshot;
import io.sitelens.spi.crawl.ScreenshotProvider;
import io.sitelens.spi.crawl.ScreenshotRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screenshots in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven through the
 * system chromedriver with CDP commands, so nothing is downloaded and no Chromium major version is assumed).
 * One browser serves every capture, one capture at a time; a crashed browser is replaced by a new one. Every
 * connection of the browser goes through a local {@link GuardProxy} that checks the address it connects to
 * (loopback included: Chromium is told not to bypass the proxy for it, and WebRTC may not use non-proxied UDP).
 */
public final class ChromiumScreenshotProvider implements ScreenshotProvider, io.sitelens.crawler.PageRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumScreenshotProvider.class);
    public static final String ID = "chromium";

    private final ChromiumInstall install;
    private final GuardProxy proxy;
    private @Nullable ChromiumSession session;
    private boolean closed;

    public ChromiumScreenshotProvider(ChromiumInstall install, AddressPolicy policy, NameResolver resolver) {
        this.install = requireNonNull(install, "install");
        try {
            this.proxy = new GuardProxy(policy, resolver);
        } catch (IOException e) {
            throw new SitelensException(ErrorCode.INTERNAL, ID, "could not start the guarding proxy: " + e, e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** The running browser's process ids (empty before the first capture). */
    public synchronized java.util.List<Long> browserPids() {
        return session == null ? java.util.List.of() : session.browserPids();
    }

    /** The destinations the guard refused since the provider started (for tests and diagnostics). */
    public java.util.List<String> refusedConnections() {
        return proxy.refused();
    }

    @Override
    public synchronized Screenshot capture(ScreenshotRequest request) {
        if (closed) {
            throw new IllegalStateException("provider is closed");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return session().capture(request, proxy);
            } catch (ChromiumSession.BrowserGone e) {
                LOG.warn("browser crashed while capturing {}; starting a new one ({})", request.url(), e.getMessage());
                restart();
                if (attempt >= 2) {
                    throw new SitelensException(
                            ErrorCode.EXTERNAL_UNAVAILABLE, ID, "the browser crashed twice on " + request.url(), e);
                }
            }
        }
    }

    /**
     * The page's DOM after its scripts ran, for a rendered crawl ({@code crawl --render}). Same browser, same
     * guard, one page at a time.
     */
    @Override
    public synchronized String render(String url) {
        if (closed) {
            throw new IllegalStateException("provider is closed");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return session().render(url, java.time.Duration.ofSeconds(30));
            } catch (ChromiumSession.BrowserGone e) {
                restart();
                if (attempt >= 2) {
                    throw new SitelensException(
                            ErrorCode.EXTERNAL_UNAVAILABLE, ID, "the browser crashed twice on " + url, e);
                }
            }
        }
    }

    private ChromiumSession session() {
        if (session == null) {
            session = ChromiumSession.start(install, proxy.port());
        }
        return session;
    }

    private void restart() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** Quits the browser and the proxy. Never throws. */
    @Override
    public synchronized void close() {
        closed = true;
        restart();
        proxy.close();
    }

    /** Where Chromium and chromedriver are, and whether they are installed. */
    public record ChromiumInstall(Path browser, Path driver) {
        public ChromiumInstall {
            requireNonNull(browser, "browser");
            requireNonNull(driver, "driver");
        }

        /** {@code SITELENS_CHROMIUM} / {@code SITELENS_CHROMEDRIVER}, else Debian's paths. */
        public static ChromiumInstall detect() {
            String b = System.getenv("SITELENS_CHROMIUM");
            String d = System.getenv("SITELENS_CHROMEDRIVER");
            return new ChromiumInstall(
                    Path.of(b != null ? b : "/usr/bin/chromium"), Path.of(d != null ? d : "/usr/bin/chromedriver"));
        }

        public boolean available() {
            return Files.isExecutable(browser) && Files.isExecutable(driver);
        }

        /** How to install what is missing. */
        public String howToInstall() {
            return "headless Chromium is not installed (looked for " + browser + " and " + driver
                    + "); install it with: sudo apt-get install chromium chromium-driver"
                    + " (or point SITELENS_CHROMIUM and SITELENS_CHROMEDRIVER at a browser and its driver)";
        }
    }
}
