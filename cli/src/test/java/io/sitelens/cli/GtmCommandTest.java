package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GtmCommandTest {
    @TempDir
    Path dir;

    private Path export() throws Exception {
        Path f = dir.resolve("web-container.json");
        try (InputStream in = getClass().getResourceAsStream("/gtm/gms-gtm-boilerplate-web-container.json")) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    @Test
    void inspect_json_reports_the_real_export() throws Exception {
        CliRun r = CliRun.of("gtm", "inspect", export().toString(), "--json");
        assertThat(r.exitCode())
                .as("findings are results, not failures: " + r.err())
                .isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("containerId").asText()).isEqualTo("GTM-ABCDEFG");
        assertThat(doc.get("counts").get("tags").asInt()).isEqualTo(5);
        assertThat(doc.get("counts").get("builtInVariables").asInt()).isEqualTo(5);
        assertThat(doc.get("ga4MeasurementIds").get(0).asText()).isEqualTo("G-AAAAAAAAAA");
        assertThat(doc.get("ga4EventNames").get(0).asText()).isEqualTo("{{Event}}");
        assertThat(doc.get("tagsByType").get("fls").asInt()).isEqualTo(1);
        assertThat(doc.get("findings").get("missing-consent-settings").asInt()).isEqualTo(2);
        assertThat(doc.get("findingDetails").get(0).get("subject").asText()).isEqualTo("tag:Google Tag");
    }

    @Test
    void inspect_prints_a_readable_summary() throws Exception {
        CliRun r = CliRun.of("gtm", "inspect", export().toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("GTM-ABCDEFG")
                .contains("5 tags, 2 triggers, 6 variables, 5 built-in variables")
                .contains("G-AAAAAAAAAA")
                .contains("warning missing-consent-settings");
    }

    @Test
    void invalid_json_is_bad_input_with_line_and_column() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"exportFormatVersion\": 2,\n \"containerVersion\": [\n");
        CliRun r = CliRun.of("gtm", "inspect", f.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("broken.json is not valid JSON at line 3");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_file_that_is_not_an_export_says_what_was_expected() throws Exception {
        Path f = dir.resolve("package.json");
        Files.writeString(f, "{\"name\": \"x\"}");
        CliRun r = CliRun.of("gtm", "inspect", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not a GTM container export", "exportFormatVersion");
    }
}
