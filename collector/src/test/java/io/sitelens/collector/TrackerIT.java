package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.BehaviourEvent;
import io.sitelens.spi.storage.BehaviourEvent.Kind;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The tracker in real headless Chromium: a local page with the tag; batches go to a recording endpoint that
 * keeps every raw payload and hands it to a {@link Collector} over an in-memory store.
 */
class TrackerIT {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final ProjectKey SHOP = ProjectKey.of("acme", "shop");

    static HttpServer pages;
    static final List<String> payloads = new CopyOnWriteArrayList<>();
    static volatile Collector collector;
    static InMemoryStorageAdapter store;
    ChromeDriver driver;

    @BeforeAll
    static void serve() throws IOException {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && System.getenv("SITELENS_CI") != null) {
            throw new AssertionError("SITELENS_CI is set but /usr/bin/chromium or /usr/bin/chromedriver is missing");
        }
        assumeTrue(
                present,
                "skipped: install Debian packages chromium and chromium-driver to run the tracker in a browser");
        pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        int port = pages.getAddress().getPort();
        // the collector endpoint is another origin (127.0.0.1 vs localhost), as on a real site
        String page = new String(
                        TrackerIT.class
                                .getResourceAsStream("/site/page-synthetic.html")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("ENDPOINT", "http://127.0.0.1:" + port + "/c");
        pages.createContext("/page.html", ex -> respond(ex, 200, "text/html", page.getBytes(StandardCharsets.UTF_8)));
        pages.createContext("/sitelens.min.js", ex -> respond(ex, 200, "application/javascript", Tracker.minified()));
        pages.createContext("/c", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            payloads.add(new String(body, StandardCharsets.UTF_8));
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            IngestResult r =
                    collector.ingest(body, headers, ex.getRemoteAddress().getAddress());
            respond(ex, r.status(), "text/plain", new byte[0]);
        });
        pages.start();
    }

    static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String type, byte[] body)
            throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            if (status == 204 || body.length == 0) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (pages != null) {
            pages.stop(0);
        }
    }

    @BeforeEach
    void open() {
        payloads.clear();
        store = new InMemoryStorageAdapter();
        collector = Collector.builder()
                .storage(store)
                .site(CollectorSite.of(
                        "shop", SHOP, "http://localhost:" + pages.getAddress().getPort()))
                .build();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
        collector.close();
    }

    ChromeDriver browser(boolean globalPrivacyControl) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,800",
                "--user-agent=" + Batches.CHROME);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .build();
        driver = new ChromeDriver(service, options);
        if (globalPrivacyControl) {
            driver.executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument",
                    Map.of(
                            "source",
                            "Object.defineProperty(Navigator.prototype,'globalPrivacyControl',{get:()=>true})"));
        }
        driver.get("http://localhost:" + pages.getAddress().getPort() + "/page.html");
        waitFor(() -> Boolean.TRUE.equals(js("return typeof sitelens === 'function' && !sitelens.q")));
        return driver;
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s; payloads: " + payloads);
            }
            sleep(100);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Set<Kind> storedKinds() {
        return store.behaviour().events(SHOP, Instant.EPOCH, Instant.now().plusSeconds(60), 10_000).stream()
                .map(BehaviourEvent::kind)
                .collect(Collectors.toSet());
    }

    void behave() {
        driver.findElement(By.id("live")).click();
        js("window.scrollTo(0, document.body.scrollHeight)");
        WebElement rage = driver.findElement(By.id("rage"));
        new Actions(driver).click(rage).click(rage).click(rage).click(rage).perform();
        driver.findElement(By.cssSelector(".badge b")).click();
        driver.findElement(By.id("email")).click();
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys("ana@secret-example.org");
        driver.findElement(By.id("send")).click();
        sleep(2_800); // dead clicks are reported after 2.5 s without a DOM change
        js("sitelens('flush')");
    }

    @Test
    void nothing_is_sent_before_consent_and_everything_arrives_after_it() {
        browser(false);
        behave();
        sleep(500);
        assertThat(payloads).as("no batch before consent").isEmpty();
        assertThat(js("return document.cookie")).as("no cookie before consent").isEqualTo("");

        js("sitelens('consent', {behaviour: true, geolocation: false, cookie: true, notice: 'v1'})");
        behave();
        waitFor(() -> storedKinds()
                .containsAll(Set.of(
                        Kind.PAGE_VIEW,
                        Kind.CLICK,
                        Kind.SCROLL,
                        Kind.RAGE_CLICK,
                        Kind.DEAD_CLICK,
                        Kind.FORM_START,
                        Kind.FORM_SUBMIT)));
        List<BehaviourEvent> events =
                store.behaviour().events(SHOP, Instant.EPOCH, Instant.now().plusSeconds(60), 10_000);
        assertThat(events)
                .filteredOn(e -> e.kind() == Kind.RAGE_CLICK)
                .extracting(BehaviourEvent::selector)
                .containsOnly("#rage");
        assertThat(events)
                .filteredOn(e -> e.kind() == Kind.DEAD_CLICK)
                .extracting(BehaviourEvent::selector)
                .contains("main>span>b");
        assertThat(events)
                .filteredOn(e -> e.kind() == Kind.DEAD_CLICK)
                .extracting(BehaviourEvent::selector)
                .as("a click that changed the page is not dead")
                .doesNotContain("#live");
        assertThat(events)
                .filteredOn(e -> e.kind() == Kind.FORM_SUBMIT)
                .extracting(BehaviourEvent::formId)
                .containsExactly("signup");
        assertThat(events.stream()
                        .filter(e -> e.kind() == Kind.SCROLL)
                        .mapToDouble(BehaviourEvent::value)
                        .max()
                        .orElse(0))
                .as("the deepest scroll reported reaches the bottom (an earlier flush may carry a partial depth)")
                .isGreaterThan(0.9);
        assertThat(events).filteredOn(e -> e.kind() == Kind.CLICK).allSatisfy(e -> assertThat(e.viewportWidth())
                .isEqualTo(1280));
        assertThat(store.behaviour().sessions(SHOP, Instant.EPOCH, Instant.now().plusSeconds(60), 10))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.browser()).isEqualTo("Chrome");
                    assertThat(s.cookieId()).matches("[0-9a-f]{32}");
                    assertThat(s.language()).isNotBlank();
                });
        assertThat(payloads).isNotEmpty().allSatisfy(p -> {
            assertThat(p).as("typed form values never leave the page").doesNotContain("secret-example", "ana@");
            assertThat(p.length()).isLessThan(64 * 1024);
        });
    }

    @Test
    void a_single_page_apps_route_change_is_a_new_page_view_with_its_own_events() {
        browser(false);
        js("sitelens('consent', {behaviour: true, geolocation: false, cookie: false, notice: 'v1'})");
        driver.findElement(By.id("rage")).click(); // on the page as loaded
        js("history.pushState({}, '', '/app/orders?id=7')");
        js("history.replaceState({}, '', '/app/orders?id=8')"); // same path, another query: the same page
        driver.findElement(By.id("live")).click(); // on the app's second route
        js("history.back()");
        waitFor(() -> "/page.html".equals(js("return location.pathname")));
        sleep(200); // popstate is dispatched after the location changes
        js("sitelens('flush')");

        waitFor(() ->
                store.behaviour().events(SHOP, Instant.EPOCH, Instant.now().plusSeconds(60), 100).stream()
                                .filter(e -> e.kind() == Kind.PAGE_VIEW)
                                .count()
                        == 3);
        List<BehaviourEvent> events =
                store.behaviour().events(SHOP, Instant.EPOCH, Instant.now().plusSeconds(60), 100).stream()
                        .sorted(java.util.Comparator.comparing(BehaviourEvent::at))
                        .toList();
        assertThat(events)
                .filteredOn(e -> e.kind() == Kind.PAGE_VIEW)
                .extracting(BehaviourEvent::page)
                .as("load, pushState to another path, back button; replaceState of the query is not a page")
                .containsExactly("/page.html", "/app/orders", "/page.html");
        assertThat(events)
                .filteredOn(e -> e.kind() == Kind.CLICK)
                .extracting(e -> e.page() + " " + e.selector())
                .as("each click is counted on the route it happened on")
                .containsExactly("/page.html #rage", "/app/orders #live");
        assertThat(store.behaviour().sessions(SHOP, Instant.EPOCH, Instant.now().plusSeconds(60), 10))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.pageViews()).isEqualTo(3);
                    assertThat(s.entryPage()).isEqualTo("/page.html");
                });
        assertThat(payloads).as("the query string never leaves the page").noneMatch(p -> p.contains("id=7"));
    }

    @Test
    void global_privacy_control_stops_everything_even_after_consent() {
        browser(true);
        assertThat(js("return navigator.globalPrivacyControl")).isEqualTo(true);
        js("sitelens('consent', {behaviour: true, geolocation: true, cookie: true, notice: 'v1'})");
        behave();
        sleep(500);
        assertThat(payloads).isEmpty();
        assertThat(js("return document.cookie")).isEqualTo("");
        assertThat(storedKinds()).isEmpty();
    }
}
