package io.sitelens.screenshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitelens.screenshots.ChromiumScreenshotProvider.ChromiumInstall;
import io.sitelens.spi.crawl.Screenshot;
import io.sitelens.spi.crawl.ScreenshotRequest;
import io.sitelens.spi.crawl.Viewport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChromiumScreenshotProviderIT {
    /** 127.0.0.2 plays the public site; every other loopback address is forbidden. */
    static final AddressPolicy POLICY = a -> a.getHostAddress().equals("127.0.0.2")
            ? null
            : (a.isLoopbackAddress() || a.getHostAddress().startsWith("0:0:0:0:0:ffff:7f") ? "loopback" : null);

    static LocalSite site;
    static LocalSite forbidden;
    static ChromiumScreenshotProvider provider;

    static void requireChromium() {
        ChromiumInstall install = ChromiumInstall.detect();
        if (!install.available()) {
            if (System.getenv("SITELENS_CI") != null) {
                fail("CI must run the browser tests: " + install.howToInstall());
            }
            assumeTrue(false, install.howToInstall());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        requireChromium();
        site = new LocalSite("127.0.0.2");
        forbidden = new LocalSite("127.0.0.1");
        forbidden.page("/secret", "<p>internal admin</p>");
        NameResolver resolver = host -> host.equals("evil.test")
                ? List.of(InetAddress.getByName("127.0.0.1"))
                : NameResolver.SYSTEM.resolve(host);
        provider = new ChromiumScreenshotProvider(ChromiumInstall.detect(), POLICY, resolver);
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
        if (site != null) {
            site.close();
            forbidden.close();
        }
    }

    private static BufferedImage image(Screenshot s) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(s.png()));
    }

    private static ScreenshotRequest request(String url, Viewport v, boolean fullPage) {
        return new ScreenshotRequest(url, v, fullPage, 10_000, Duration.ofSeconds(60));
    }

    @Test
    void a_desktop_capture_is_exactly_the_viewport_and_shows_the_block_where_it_is() throws Exception {
        site.page("/block", """
                <!doctype html><html><body style="margin:0;background:#ffffff">
                <div style="position:absolute;left:100px;top:50px;width:200px;height:100px;background:#ff0000"></div>
                </body></html>""");
        Screenshot s = provider.capture(request(site.url("/block"), Viewport.DESKTOP, false));
        assertThat(s.width()).isEqualTo(1366);
        assertThat(s.height()).isEqualTo(768);
        BufferedImage img = image(s);
        assertThat(img.getWidth()).isEqualTo(1366);
        assertThat(img.getRGB(150, 80) & 0xffffff).as("inside the red block").isEqualTo(0xff0000);
        assertThat(img.getRGB(299, 149) & 0xffffff).as("its last pixel").isEqualTo(0xff0000);
        assertThat(img.getRGB(300, 150) & 0xffffff).as("just outside").isEqualTo(0xffffff);
        assertThat(img.getRGB(10, 10) & 0xffffff).isEqualTo(0xffffff);
        assertThat(s.metrics().loadMs()).isPositive();
        assertThat(s.metrics().javascriptErrors()).isEmpty();
    }

    @Test
    void full_page_and_mobile_captures_have_the_requested_sizes() throws Exception {
        site.page(
                "/tall",
                "<!doctype html><body style=\"margin:0\"><div style=\"height:3000px;background:#00f\"></div></body>");
        Screenshot full = provider.capture(request(site.url("/tall"), Viewport.DESKTOP, true));
        assertThat(full.width()).isEqualTo(1366);
        assertThat(full.height()).isEqualTo(3000);
        Screenshot capped = provider.capture(
                new ScreenshotRequest(site.url("/tall"), Viewport.DESKTOP, true, 1200, Duration.ofSeconds(60)));
        assertThat(capped.height()).as("full page is capped at maxHeight").isEqualTo(1200);
        Screenshot mobile = provider.capture(request(site.url("/tall"), Viewport.MOBILE, false));
        assertThat(mobile.width()).isEqualTo(390 * 3);
        assertThat(mobile.height()).isEqualTo(844 * 3);
        assertThat(image(mobile).getRGB(100, 100) & 0xffffff).isEqualTo(0x0000ff);
    }

    @Test
    void a_page_that_throws_reports_the_javascript_error() throws Exception {
        site.page(
                "/throws",
                "<!doctype html><body><p>hi</p><script>throw new Error('boom from the page')</script></body>");
        Screenshot s = provider.capture(request(site.url("/throws"), Viewport.DESKTOP, false));
        assertThat(s.metrics().javascriptErrors()).anySatisfy(e -> assertThat(e).contains("boom from the page"));
    }

    @Test
    void sub_resources_at_forbidden_addresses_are_never_reached() throws Exception {
        int p = forbidden.port();
        site.redirect("/hop", "http://127.0.0.1:" + p + "/secret");
        site.page("/ssrf", """
                <!doctype html><body>
                <img src="http://127.0.0.1:%1$d/secret">
                <img src="http://2130706433:%1$d/secret">
                <img src="http://evil.test:%1$d/secret">
                <img src="%2$s">
                <iframe src="http://localhost:%1$d/secret"></iframe>
                <script>fetch('http://[::ffff:127.0.0.1]:%1$d/secret').catch(() => {});</script>
                </body>""".formatted(p, site.url("/hop")));
        int before = forbidden.hits.get();
        Screenshot s = provider.capture(request(site.url("/ssrf"), Viewport.DESKTOP, false));
        assertThat(forbidden.hits.get())
                .as("the forbidden server received no request")
                .isEqualTo(before);
        assertThat(provider.refusedConnections())
                .anySatisfy(r -> assertThat(r).startsWith("evil.test:" + p))
                .anySatisfy(r -> assertThat(r).startsWith("127.0.0.1:" + p));
        assertThat(s.metrics().failedRequests()).isNotEmpty();
    }

    @Test
    void a_crashed_browser_is_replaced() throws Exception {
        site.page("/ok", "<!doctype html><body style=\"background:#0f0\"></body>");
        provider.capture(request(site.url("/ok"), Viewport.DESKTOP, false));
        List<Long> pids = provider.browserPids();
        assertThat(pids).isNotEmpty();
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        Thread.sleep(300);
        Screenshot again = provider.capture(request(site.url("/ok"), Viewport.DESKTOP, false));
        assertThat(image(again).getRGB(5, 5) & 0xffffff).isEqualTo(0x00ff00);
        assertThat(provider.browserPids()).as("a new browser").doesNotContainAnyElementsOf(pids);
    }
}
