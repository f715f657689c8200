package io.sitelens.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.crawler.TestSite.Answer;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.Finding;
import io.sitelens.model.ProjectKey;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network guard: loopback in every IP-literal form, a redirect to loopback, and a name that resolves to a
 * public address and then to a private one are all refused by default (no request reaches the private server)
 * and allowed with {@code allowPrivateNetwork}. 127.0.0.2, allow-listed, plays the public internet.
 */
class SsrfGuardIT {
    static final ProjectKey PROJECT = ProjectKey.of("test", "ssrf");
    static final InetAddress PUBLIC = address("127.0.0.2");
    static final InetAddress PRIVATE = address("127.0.0.1");

    TestSite internal;

    static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void startInternal() throws Exception {
        internal = TestSite.start(
                "127.0.0.1",
                p -> Answer.html("<html><head><title>Internal admin page of the intranet</title></head>"
                        + "<body><h1>Secret</h1></body></html>"));
    }

    @AfterEach
    void stop() {
        internal.close();
    }

    static CrawlConfig.Builder config() {
        return CrawlConfig.builder().checkExternal(false).readSitemaps(false).requestTimeout(Duration.ofSeconds(5));
    }

    static CrawlResult crawl(CrawlConfig config, String url, InMemoryStorageAdapter storage) {
        return Crawler.builder().config(config).storage(storage).build().crawl(PROJECT, List.of(url));
    }

    static List<Finding> noResponse(InMemoryStorageAdapter storage, CrawlResult r) {
        return storage.crawls().findings(PROJECT, r.runId()).stream()
                .filter(f -> f.checkId().equals("no-response"))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "127.0.0.1",
                "2130706433",
                "127.1",
                "[::ffff:127.0.0.1]",
                "[::ffff:7f00:1]",
                "0.0.0.0",
                "localhost",
                "[::1]"
            })
    void loopback_in_every_literal_form_is_refused_by_default(String host) {
        InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
        CrawlResult r = crawl(config().build(), "http://" + host + ":" + internal.port() + "/", storage);
        assertThat(internal.total.get())
                .as("no request may reach the loopback server")
                .isZero();
        assertThat(r.report().pages()).isZero();
        assertThat(noResponse(storage, r))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("refused").contains("allow-private-network"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "2130706433", "127.1", "[::ffff:127.0.0.1]", "0.0.0.0", "localhost"})
    void loopback_is_crawled_when_private_networks_are_allowed(String host) {
        InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
        CrawlResult r = crawl(
                config().allowPrivateNetwork(true).build(), "http://" + host + ":" + internal.port() + "/", storage);
        assertThat(internal.hits("/")).isEqualTo(1);
        assertThat(r.report().pages()).isEqualTo(1);
    }

    @Test
    void an_allow_listed_address_is_crawled_while_other_loopback_addresses_stay_refused() throws Exception {
        try (TestSite pub = TestSite.start(
                "127.0.0.2",
                p -> p.equals("/")
                        ? Answer.html("<html><head><title>Public</title></head><body><a href=\"http://127.0.0.1:"
                                + internal.port() + "/\">internal</a><img src=\"http://127.0.0.1:" + internal.port()
                                + "/pixel.png\"></body></html>")
                        : null)) {
            InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
            CrawlResult r = Crawler.builder()
                    .config(config().allowAddress(PUBLIC).checkExternal(true).build())
                    .storage(storage)
                    .build()
                    .crawl(PROJECT, List.of(pub.url("/")));
            assertThat(r.report().pages()).isEqualTo(1);
            assertThat(internal.total.get())
                    .as("external checks are guarded too")
                    .isZero();
            assertThat(r.report().status()).containsKey("0");
        }
    }

    Map<String, List<InetAddress>> dns(String... pairs) {
        Map<String, List<InetAddress>> m = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], List.of(address(pairs[i + 1])));
        }
        return m;
    }

    @Test
    void a_redirect_to_a_loopback_name_is_refused_and_allowed_with_the_option() throws Exception {
        String target = "http://intranet.example.com:" + internal.port() + "/secret";
        try (TestSite pub = TestSite.start("127.0.0.2", p -> switch (p) {
            case "/" ->
                Answer.html("<html><head><title>Public site</title></head><body><a href=\"/go\">go</a>"
                        + "<img src=\"/pixel.png\" alt=\"\"></body></html>");
            case "/go" -> Answer.redirect(302, target);
            case "/pixel.png" -> Answer.redirect(302, "http://127.0.0.1:" + internal.port() + "/pixel.png");
            default -> null;
        })) {
            Map<String, List<InetAddress>> names =
                    dns("www.example.com", "127.0.0.2", "intranet.example.com", "127.0.0.1");
            AddressResolver resolver = host -> {
                List<InetAddress> a = names.get(host);
                if (a == null) {
                    throw new UnknownHostException(host);
                }
                return a;
            };
            String start = "http://www.example.com:" + pub.port() + "/";
            InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
            CrawlResult refused = crawl(
                    config().scope(CrawlScope.DOMAIN)
                            .resolver(resolver)
                            .allowAddress(PUBLIC)
                            .build(),
                    start,
                    storage);
            assertThat(pub.hits("/go")).isEqualTo(1);
            assertThat(pub.hits("/pixel.png")).isEqualTo(1);
            assertThat(internal.total.get())
                    .as("neither the page nor the resource redirect may reach loopback")
                    .isZero();
            assertThat(noResponse(storage, refused)).anySatisfy(f -> {
                assertThat(f.url()).isEqualTo(target);
                assertThat(f.message()).contains("127.0.0.1 is loopback");
            });

            CrawlResult allowed = crawl(
                    config().scope(CrawlScope.DOMAIN)
                            .resolver(resolver)
                            .allowPrivateNetwork(true)
                            .newRun(true)
                            .build(),
                    start,
                    new InMemoryStorageAdapter());
            assertThat(internal.hits("/secret")).isEqualTo(1);
            assertThat(internal.hits("/pixel.png")).isEqualTo(1);
            assertThat(allowed.report().pages()).isEqualTo(2);
        }
    }

    @Test
    void a_name_that_resolves_public_then_private_is_refused_at_connect_time() throws Exception {
        AtomicBoolean rebound = new AtomicBoolean();
        TestSite.Routes routes = p -> {
            Answer a =
                    switch (p) {
                        case "/" -> {
                            rebound.set(true);
                            yield Answer.html(
                                    "<html><head><title>Rebinding</title></head><body><a href=\"/next\">next</a></body></html>");
                        }
                        case "/next" ->
                            Answer.html(
                                    "<html><head><title>Next page, served publicly</title></head><body></body></html>");
                        default -> null;
                    };
            return a == null ? null : a.withHeaders(Map.of("Connection", "close"));
        };
        try (TestSite pub = TestSite.start("127.0.0.2", routes);
                TestSite samePortInternal =
                        TestSite.start("127.0.0.1", pub.port(), p -> Answer.html("<title>secret</title>"))) {
            AddressResolver resolver = host -> {
                if (!host.equals("rebind.example.com")) {
                    throw new UnknownHostException(host);
                }
                return List.of(rebound.get() ? PRIVATE : PUBLIC);
            };
            String start = "http://rebind.example.com:" + pub.port() + "/";
            InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
            CrawlResult r =
                    crawl(config().resolver(resolver).allowAddress(PUBLIC).build(), start, storage);
            assertThat(pub.hits("/")).isEqualTo(1);
            assertThat(samePortInternal.total.get())
                    .as("the rebound address must not be connected to")
                    .isZero();
            assertThat(noResponse(storage, r))
                    .anySatisfy(f -> assertThat(f.url()).endsWith("/next"))
                    .allSatisfy(f -> assertThat(f.message()).contains("refused"));

            rebound.set(false);
            crawl(
                    config().resolver(resolver)
                            .allowPrivateNetwork(true)
                            .newRun(true)
                            .build(),
                    start,
                    new InMemoryStorageAdapter());
            assertThat(samePortInternal.hits("/next"))
                    .as("allowed with the option")
                    .isEqualTo(1);
        }
    }
}
