package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sitelens crawl} against a real local server (synthetic pages). */
class CrawlCommandIT {
    static HttpServer server;
    static String root;

    @BeforeAll
    static void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String html =
                    switch (path) {
                        case "/" ->
                            "<html lang=\"en\"><head><title>Home page of the synthetic CLI test site</title></head>"
                                    + "<body><h1>Home</h1><a href=\"/a\">Page A</a> <a href=\"/gone\">Gone</a></body></html>";
                        case "/a" ->
                            "<html><head><title>A</title><script async "
                                    + "src=\"https://www.googletagmanager.com/gtag/js?id=G-CLITEST01\"></script></head>"
                                    + "<body><h1>A</h1></body></html>";
                        default -> null;
                    };
            byte[] body =
                    (html == null ? "<html><title>Not found</title></html>" : html).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(html == null ? 404 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        root = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void json_output_is_one_document_with_the_documented_fields() throws Exception {
        CliRun run = CliRun.of("crawl", root, "--allow-private-network", "--no-external", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(run.out());
        List<String> fields = new ArrayList<>();
        doc.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "schemaVersion",
                        "root",
                        "pages",
                        "requests",
                        "resources",
                        "bytes",
                        "status",
                        "findings",
                        "tags",
                        "durationMs");
        assertThat(doc.get("root").asText()).isEqualTo(root);
        assertThat(doc.get("pages").asLong()).isEqualTo(2);
        assertThat(doc.get("status").get("404").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(doc.get("findings").get("status-4xx").asLong()).isEqualTo(1);
        assertThat(doc.get("findings").get("link-broken").asLong()).isEqualTo(1);
        assertThat(doc.get("tags").get("ga4").get(0).asText()).isEqualTo("G-CLITEST01");
    }

    @Test
    void a_loopback_site_is_refused_without_the_option() {
        CliRun run = CliRun.of("crawl", root, "--json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"no-response\" : 1");
        assertThat(run.err()).contains("could be crawled: no-response: refused").contains("--allow-private-network");
    }

    @Test
    void bad_options_are_usage_errors() {
        assertThat(CliRun.of("crawl", root, "--scope", "planet").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("crawl", "ftp://example.com/").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("crawl", root, "--max-pages", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void out_writes_the_report_and_csv_files(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("crawl", root, "--allow-private-network", "--no-external", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("pages 2").contains("status-4xx");
        assertThat(run.out()).containsPattern("tag ga4 +G-CLITEST01 +on 1 of 2 pages");
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"schemaVersion\"");
        assertThat(Files.readAllLines(dir.resolve("pages.csv"))).hasSize(4);
        assertThat(Files.readString(dir.resolve("findings.csv"))).contains("title-too-short,notice," + root + "a,");
        assertThat(Files.readAllLines(dir.resolve("checks.csv"))).hasSizeGreaterThan(47);
    }
}
