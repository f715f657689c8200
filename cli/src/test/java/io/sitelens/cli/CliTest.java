package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CliTest {
    private static final String API_KEY = "ex-api-key-9f8e7d";

    @TempDir
    Path dir;

    private Path config(String secretRef) throws Exception {
        Files.writeString(dir.resolve("api-key.txt"), API_KEY + "\n");
        Path f = dir.resolve("sitelens.yaml");
        Files.writeString(f, """
                tenant: acme
                project: www
                url: https://www.example.org/
                bindings:
                  - id: stats
                    provider: example
                    settings: {pages: "2"}
                    secrets: {apiKey: %s}
                """.formatted(secretRef));
        return f;
    }

    @Test
    void version_prints_the_version_and_exits_zero() {
        CliRun r = CliRun.of("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("sitelens 0.1.0").contains("SPI 1.0");
    }

    @Test
    void no_command_or_an_unknown_one_is_a_usage_error() {
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        CliRun r = CliRun.of("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }

    @Test
    void plugins_json_lists_discovered_providers_with_ids_and_capabilities() throws Exception {
        CliRun r = CliRun.of("plugins", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("spiVersion").asText()).isEqualTo("1.0");
        JsonNode example = null;
        for (JsonNode p : doc.get("providers")) {
            if (p.get("id").asText().equals("example")) {
                example = p;
            }
        }
        assertThat(example)
                .as("the example plugin on the test class path is listed")
                .isNotNull();
        assertThat(example.get("kind").asText()).isEqualTo("connector");
        assertThat(example.get("plugin").asText()).isEqualTo("io.sitelens.example.ExamplePlugin");
        assertThat(example.get("capabilities")).extracting(JsonNode::asText).contains("PAGE_METRICS", "SITE_SERIES");
        assertThat(doc.get("problems")).isEmpty();
    }

    @Test
    void metrics_prints_csv_with_dimension_then_metric_columns() throws Exception {
        CliRun r = CliRun.of(
                "metrics",
                "--config",
                config("file:api-key.txt").toString(),
                "--source",
                "stats",
                "--metrics",
                "page_views,bounce_rate",
                "--dimensions",
                "date,page",
                "--from",
                "2026-01-01",
                "--to",
                "2026-01-03");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines[0]).isEqualTo("date,page,page_views,bounce_rate");
        assertThat(lines).hasSize(1 + 3 * 2);
        assertThat(lines[1]).matches("2026-01-01,/page-0,\\d+,0\\.\\d+");
    }

    @Test
    void metrics_json_carries_schema_version_typed_columns_and_rows() throws Exception {
        CliRun r = CliRun.of(
                "metrics",
                "--config",
                config("file:api-key.txt").toString(),
                "--source",
                "stats",
                "--metrics",
                "sessions,example:hits",
                "--dimensions",
                "date",
                "--from",
                "2026-01-01",
                "--to",
                "2026-01-02",
                "--format",
                "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("metrics").get(1).get("name").asText()).isEqualTo("example:hits");
        assertThat(doc.get("metrics").get(1).get("type").asText())
                .as("native unit taken from the catalog")
                .isEqualTo("count");
        assertThat(doc.get("rows")).hasSize(2);
        assertThat(doc.get("rows").get(0).get("sessions").isIntegralNumber()).isTrue();
    }

    @Test
    void an_unknown_binding_or_bad_dates_are_usage_errors() throws Exception {
        Path cfg = config("file:api-key.txt");
        CliRun r = CliRun.of(
                "metrics",
                "--config",
                cfg.toString(),
                "--source",
                "nope",
                "--metrics",
                "sessions",
                "--from",
                "2026-01-01",
                "--to",
                "2026-01-02");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no binding 'nope'");
        r = CliRun.of(
                "metrics",
                "--config",
                cfg.toString(),
                "--source",
                "stats",
                "--metrics",
                "sessions",
                "--from",
                "2026-02-30",
                "--to",
                "2026-03-02");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("start date must be YYYY-MM-DD");
    }

    @Test
    void the_secret_never_appears_in_output_errors_or_logs() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Level before = root.getLevel();
        root.setLevel(Level.TRACE);
        try {
            CliRun ok = CliRun.of(
                    "metrics",
                    "--config",
                    config("file:api-key.txt").toString(),
                    "--source",
                    "stats",
                    "--metrics",
                    "sessions",
                    "--from",
                    "2026-01-01",
                    "--to",
                    "2026-01-02",
                    "--format",
                    "json");
            assertThat(ok.exitCode()).isZero();
            CliRun failed = CliRun.of(
                    "metrics",
                    "--config",
                    config("file:api-key.txt").toString(),
                    "--source",
                    "stats",
                    "--metrics",
                    "example:nosuch",
                    "--from",
                    "2026-01-01",
                    "--to",
                    "2026-01-02");
            assertThat(failed.exitCode()).isEqualTo(2);
            for (CliRun r : new CliRun[] {ok, failed}) {
                assertThat(r.out()).doesNotContain(API_KEY);
                assertThat(r.err()).doesNotContain(API_KEY);
            }
            assertThat(logs.list).isNotEmpty();
            assertThat(logs.list)
                    .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(API_KEY));
        } finally {
            root.setLevel(before);
            root.detachAppender(logs);
        }
    }

    @Test
    void an_unresolvable_secret_names_key_and_reference() throws Exception {
        CliRun r = CliRun.of(
                "metrics",
                "--config",
                config("env:SITELENS_TEST_UNSET_KEY").toString(),
                "--source",
                "stats",
                "--metrics",
                "sessions",
                "--from",
                "2026-01-01",
                "--to",
                "2026-01-02");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("apiKey").contains("env:SITELENS_TEST_UNSET_KEY");
    }
}
