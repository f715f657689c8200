package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ProjectKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectorServerIT {
    static final ProjectKey SHOP = ProjectKey.of("acme", "shop");
    InMemoryStorageAdapter store = new InMemoryStorageAdapter();
    Collector collector;
    CollectorServer server;
    HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        collector = Collector.builder()
                .storage(store)
                .site(CollectorSite.of("shop", SHOP, "https://www.example.org"))
                .build();
        server = CollectorServer.start(collector, new InetSocketAddress("127.0.0.1", 0), 2);
    }

    @AfterEach
    void stop() {
        server.close();
        collector.close();
    }

    HttpResponse<String> post(String body, String contentType, String origin) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.endpoint())
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", contentType)
                        .header("Origin", origin)
                        .header("User-Agent", Batches.CHROME)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long events() {
        return store.behaviour()
                .events(SHOP, Instant.EPOCH, Instant.now().plusSeconds(60), 1000)
                .size();
    }

    @Test
    void a_text_plain_batch_from_the_sites_origin_gets_204_with_cors() throws Exception {
        var r = post(
                Batches.typical(System.currentTimeMillis(), 1, 0, 0, null),
                "text/plain;charset=UTF-8",
                "https://www.example.org");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("https://www.example.org");
        assertThat(events()).isEqualTo(4);
    }

    @Test
    void invalid_oversized_and_non_text_bodies_are_refused_and_store_nothing() throws Exception {
        var bad = post("{\"v\":1}", "text/plain", "https://www.example.org");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("s: ");
        assertThat(post("x".repeat(200_000), "text/plain", "https://www.example.org")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(
                                Batches.typical(System.currentTimeMillis(), 1, 0, 0, null),
                                "application/json",
                                "https://www.example.org")
                        .statusCode())
                .isEqualTo(415);
        var foreign =
                post(Batches.typical(System.currentTimeMillis(), 1, 0, 0, null), "text/plain", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(events()).isZero();
    }

    @Test
    void preflight_and_tracker_script_are_served() throws Exception {
        var pre = http.send(
                HttpRequest.newBuilder(server.endpoint())
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://www.example.org")
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pre.statusCode()).isEqualTo(204);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Methods")).contains("POST, OPTIONS");
        var js = http.send(HttpRequest.newBuilder(server.scriptUrl()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/javascript"));
        assertThat(js.body()).contains("sendBeacon");
        var missing = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nope"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }
}
