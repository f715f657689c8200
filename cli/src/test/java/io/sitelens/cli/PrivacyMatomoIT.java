package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sitelens privacy erase|access} carry the request to the Matomo handler of the project's binding: a
 * local Matomo stand-in answers {@code PrivacyManager.findDataSubjects} with a response from Matomo's own test
 * suite until {@code deleteDataSubjects} has run.
 */
class PrivacyMatomoIT {
    private static final String TOKEN = "c0ffee0123456789abcdef0123456789";

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicBoolean erased = new AtomicBoolean();
    private final List<String> methods = new CopyOnWriteArrayList<>();
    private String visits;
    private String export;

    @BeforeEach
    void start() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/matomo/PrivacyManager.findDataSubjects.derived.json")) {
            visits = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (InputStream in =
                getClass().getResourceAsStream("/matomo/PrivacyManager_exportDataSubject_oneVisitGiven.json")) {
            export = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = "";
        for (String pair : form.split("&")) {
            if (pair.startsWith("method=")) {
                method = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        methods.add(method);
        String body =
                switch (method) {
                    case "PrivacyManager.findDataSubjects" -> erased.get() ? "[]" : visits;
                    case "PrivacyManager.exportDataSubjects" -> export;
                    case "PrivacyManager.deleteDataSubjects" -> {
                        erased.set(true);
                        yield "{\"log_visit\":3,\"log_link_visit_action\":9}"; // synthetic
                    }
                    default -> "{\"result\":\"error\",\"message\":\"The method '" + method + "' does not exist\"}";
                };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private Path config() throws Exception {
        Files.writeString(dir.resolve("matomo.token"), TOKEN + "\n");
        Path f = dir.resolve("sitelens.yaml");
        Files.writeString(f, """
                tenant: acme
                project: www
                url: https://www.example.org/
                store: "%s"
                bindings:
                  - id: analytics
                    provider: matomo
                    settings: {baseUrl: "http://127.0.0.1:%d/", siteId: "5"}
                    secrets: {token: file:matomo.token}
                """.formatted(
                        dir.resolve("store").toString().replace('\\', '/'),
                        server.getAddress().getPort()));
        return f;
    }

    private static JsonNode system(JsonNode doc, String id) {
        for (JsonNode s : doc.get("systems")) {
            if (s.get("system").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no outcome for " + id + " in " + doc);
    }

    @Test
    void erasure_propagates_to_the_matomo_handler_and_a_second_erasure_finds_nothing() throws Exception {
        Path cfg = config();
        CliRun r = CliRun.of(
                "privacy",
                "erase",
                "--subject",
                "matomo-user:userId209,email:ana@example.org",
                "--config",
                cfg.toString(),
                "--json");
        assertThat(r.exitCode()).as(r.err() + r.out() + methods).isZero();
        JsonNode matomo = system(Json.mapper().readTree(r.out()), "matomo");
        assertThat(matomo.get("status").asText()).isEqualTo("done");
        assertThat(matomo.get("records").asLong()).isEqualTo(12);
        assertThat(methods).contains("PrivacyManager.deleteDataSubjects");
        assertThat(r.out()).doesNotContain("userId209").doesNotContain(TOKEN);

        CliRun again = CliRun.of(
                "privacy", "erase", "--subject", "matomo-user:userId209", "--config", cfg.toString(), "--json");
        assertThat(system(Json.mapper().readTree(again.out()), "matomo")
                        .get("status")
                        .asText())
                .isEqualTo("not_found");
    }

    @Test
    void access_exports_the_visits_matomo_holds() throws Exception {
        Path out = dir.resolve("export.json");
        CliRun r = CliRun.of(
                "privacy",
                "access",
                "--subject",
                "matomo-user:userId209",
                "--config",
                config().toString(),
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err() + r.out() + methods).isZero();
        assertThat(methods).contains("PrivacyManager.findDataSubjects", "PrivacyManager.exportDataSubjects");
        JsonNode doc = Json.mapper().readTree(Files.readString(out));
        assertThat(doc.get("data").toString())
                .as("the export holds Matomo's log rows")
                .contains("\"system\":\"matomo\"")
                .contains("d5e8ac7a720f0405");
    }
}
