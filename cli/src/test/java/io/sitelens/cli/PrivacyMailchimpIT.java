package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sitelens privacy erase} carries the request to the Mailchimp handler of the project's binding: a local
 * stand-in for the Mailchimp API (synthetic member documents) sees the permanent deletion.
 */
class PrivacyMailchimpIT {
    private static final String KEY = "0123456789abcdef0123456789abcdef-us6";
    private static final String EMAIL = "ana.lima@example.org";

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, String> members = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        members.put(md5(EMAIL), EMAIL);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestMethod() + " " + path);
        String prefix = "/3.0/lists/abc123/members/";
        int status = 404;
        String body = "{\"type\":\"about:blank\",\"title\":\"Resource Not Found\",\"status\":404,\"detail\":\"\"}";
        if (path.equals("/3.0/lists/abc123") && ex.getRequestMethod().equals("GET")) {
            status = 200;
            body = "{\"id\":\"abc123\",\"name\":\"Newsletter\",\"stats\":{\"member_count\":" + members.size() + "}}";
        } else if (path.startsWith(prefix)) {
            String rest = path.substring(prefix.length());
            String hash = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            String email = members.get(hash);
            if (email != null && ex.getRequestMethod().equals("GET") && !rest.contains("/")) {
                status = 200;
                body = "{\"id\":\"" + hash + "\",\"email_address\":\"" + email + "\",\"status\":\"subscribed\","
                        + "\"list_id\":\"abc123\",\"full_name\":\"Ana Lima\",\"merge_fields\":{\"FNAME\":\"Ana\"}}";
            } else if (email != null
                    && ex.getRequestMethod().equals("POST")
                    && rest.endsWith("/actions/delete-permanent")) {
                members.remove(hash);
                status = 204;
                body = "";
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private Path config() throws Exception {
        Files.writeString(dir.resolve("mailchimp.key"), KEY + "\n");
        Path f = dir.resolve("sitelens.yaml");
        Files.writeString(f, """
                tenant: acme
                project: www
                url: https://www.example.org/
                store: "%s"
                bindings:
                  - id: newsletter
                    provider: mailchimp
                    settings: {lists: "abc123", baseUrl: "http://127.0.0.1:%d/3.0/", maxAttempts: "1"}
                    secrets: {apiKey: file:mailchimp.key}
                """.formatted(
                        dir.resolve("store").toString().replace('\\', '/'),
                        server.getAddress().getPort()));
        return f;
    }

    @Test
    void erasure_propagates_to_the_mailchimp_handler_of_the_binding() throws Exception {
        CliRun r =
                CliRun.of("privacy", "erase", "--subject", "email:" + EMAIL, "--config", config().toString(), "--json");
        assertThat(r.exitCode()).as(r.err() + r.out() + requests).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        JsonNode mailchimp = null;
        for (JsonNode s : doc.get("systems")) {
            if (s.get("system").asText().equals("mailchimp")) {
                mailchimp = s;
            }
        }
        assertThat(mailchimp)
                .as("one outcome for the mailchimp binding: " + doc)
                .isNotNull();
        assertThat(mailchimp.get("status").asText()).isEqualTo("done");
        assertThat(members)
                .as("the member was permanently deleted in the audience")
                .isEmpty();
        assertThat(requests).anyMatch(q -> q.startsWith("POST") && q.endsWith("/actions/delete-permanent"));
        assertThat(r.out()).doesNotContain(EMAIL).doesNotContain(KEY);
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
