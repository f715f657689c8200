package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitelens.report.DemoSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sitelens audit URL --config FILE --store DIR} on a local site, twice: the second run resumes. */
class AuditCommandTest {
    @TempDir
    Path dir;

    @Test
    void an_audit_with_a_config_stores_everything_and_a_rerun_resumes() throws Exception {
        DemoSite.writeAnalytics(dir, LocalDate.now(ZoneOffset.UTC).minusDays(1));
        Path config = dir.resolve("sitelens.yaml");
        Files.writeString(config, """
                tenant: acme
                project: shop
                url: https://placeholder.example/
                bindings:
                  - id: exports
                    provider: file
                    settings: {path: %s}
                """.formatted(DemoSite.ANALYTICS_FILE));
        try (DemoSite site = DemoSite.start()) {
            String[] args = {
                "audit",
                site.url().toString(),
                "--config",
                config.toString(),
                "--store",
                dir.resolve("store").toString(),
                "--report",
                dir.resolve("audit.html").toString(),
                "--screenshots",
                "0",
                "--allow-private-network",
                "--json"
            };
            CliRun first = CliRun.of(args);
            assertThat(first.exitCode()).as(first.err()).isZero();
            JsonNode doc = new ObjectMapper().readTree(first.out());
            assertThat(doc.get("summary").get("project").asText()).isEqualTo("acme/shop");
            assertThat(doc.get("summary").get("mainUrl").asText())
                    .isEqualTo(site.url().toString());
            assertThat(doc.get("summary").get("source").asText()).isEqualTo("exports");
            assertThat(doc.get("summary").get("pages").get("crawled").asInt()).isGreaterThanOrEqualTo(30);
            assertThat(doc.get("summary").get("insights").size()).isPositive();
            assertThat(first.err()).contains("[4/6] screenshots skipped (--screenshots 0)");
            assertThat(dir.resolve("audit.json")).exists();

            CliRun second = CliRun.of(args);
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.err())
                    .as("the year is stored: the second sync fetches nothing new")
                    .contains("exports: 0 slices fetched");
            JsonNode again = new ObjectMapper().readTree(second.out());
            assertThat(again.get("summary").get("insights").size())
                    .isEqualTo(doc.get("summary").get("insights").size());
        }
    }
}
