package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CollectorCommandTest {
    @Test
    void snippet_prints_the_tag_with_site_and_endpoint() {
        CliRun r = CliRun.of("collector", "snippet", "--site", "shop", "--endpoint", "https://c.example.org/c");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("data-site=\"shop\"")
                .contains("data-endpoint=\"https://c.example.org/c\"")
                .contains("src=\"https://c.example.org/sitelens.min.js\"")
                .contains("sitelens('consent'");
    }

    @Test
    void snippet_without_a_site_is_a_usage_error() {
        CliRun r = CliRun.of("collector", "snippet");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--site");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path store;

    @Test
    void serve_answers_batches_with_204_and_serves_the_tracker_and_stores_in_h2() throws Exception {
        io.sitelens.collector.internal.UserAgents.shared(); // the parser takes seconds to build: not on the clock below
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(
                "collector",
                "serve",
                "--site",
                "shop",
                "--port",
                Integer.toString(port),
                "--for",
                "8",
                "--store",
                store.toString(),
                "--origin",
                "https://www.example.org"));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> js = null;
        for (int i = 0; i < 100 && js == null; i++) {
            try {
                js = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sitelens.min.js"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        assertThat(js).isNotNull();
        assertThat(js.statusCode()).isEqualTo(200);
        long t = System.currentTimeMillis();
        String batch = "{\"v\":1,\"s\":\"shop\",\"t\":" + t + ",\"c\":{\"b\":1,\"g\":0,\"r\":0,\"n\":\"v1\"},"
                + "\"p\":{\"u\":\"/\",\"w\":1280,\"h\":800},\"e\":[{\"k\":\"pv\",\"t\":" + t + "}]}";
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/c"))
                        .header("Content-Type", "text/plain")
                        .header("Origin", "https://www.example.org")
                        .header(
                                "User-Agent",
                                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                                        + " Chrome/131.0.0.0 Safari/537.36")
                        .POST(HttpRequest.BodyPublishers.ofString(batch))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(204);
        CliRun r = run.get();
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("ingest  http://127.0.0.1:" + port + "/c").contains("stored=1");
        try (var h2 = io.sitelens.storage.jdbc.JdbcStorage.embedded(store)) {
            assertThat(h2.behaviour()
                            .events(
                                    io.sitelens.model.ProjectKey.of("default", "shop"),
                                    java.time.Instant.EPOCH,
                                    java.time.Instant.now().plusSeconds(60),
                                    10))
                    .as("the event is in the embedded store after the server stopped; stderr: %s", r.err())
                    .hasSize(1);
        }
    }
}
