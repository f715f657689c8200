package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.model.DateRange;
import io.sitelens.model.MetricName;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.storage.jdbc.JdbcStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync} and {@code runs} end to end on the embedded store, with the example connector of the TCK. */
class SyncCommandTest {
    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path f = dir.resolve("sitelens.yaml");
        Files.writeString(f, """
                tenant: acme
                project: www
                url: https://www.example.org/
                bindings:
                  - id: stats
                    provider: example
                    settings: {pages: "3"}
                """);
        return f;
    }

    @Test
    void sync_stores_a_year_into_the_embedded_store_and_runs_lists_it() throws Exception {
        Path store = dir.resolve("store");
        CliRun sync = CliRun.of("sync", "--config", config().toString(), "--store", store.toString(), "--json");
        assertThat(sync.exitCode()).as(sync.err()).isZero();
        JsonNode run = Json.mapper().readTree(sync.out());
        assertThat(run.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(run.get("kind").asText()).isEqualTo("sync");
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("outcomes").get(0).get("provider").asText()).isEqualTo("stats");
        assertThat(sync.err()).contains("sync:stats/site");

        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        try (StorageAdapter s = JdbcStorage.embedded(store)) {
            ProjectKey key = ProjectKey.of("acme", "www");
            assertThat(s.metrics().series(key, "stats", MetricName.PAGE_VIEWS, "", DateRange.lastDays(today, 365)))
                    .as("a year of the site series")
                    .hasSize(365);
            assertThat(s.metrics().dimensionKeys(key, "stats", MetricName.PAGE_VIEWS, DateRange.day(today)))
                    .containsExactly("", "page=/page-0", "page=/page-1", "page=/page-2");
            assertThat(s.projects().find(key)).isPresent();
        }

        CliRun again = CliRun.of("sync", "--config", config().toString(), "--store", store.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("SUCCEEDED").contains("stats:");

        CliRun runs = CliRun.of("runs", "--config", config().toString(), "--store", store.toString(), "--json");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        JsonNode list = Json.mapper().readTree(runs.out()).get("runs");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(list.get(0).get("requestedBy").asText()).isEqualTo("cli");
    }

    @Test
    void an_unknown_source_or_bad_dates_are_usage_errors() throws Exception {
        Path store = dir.resolve("store");
        CliRun r = CliRun.of("sync", "--config", config().toString(), "--store", store.toString(), "--source", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out() + r.err()).contains("no binding 'nope'");
        r = CliRun.of(
                "sync",
                "--config",
                config().toString(),
                "--store",
                store.toString(),
                "--from",
                "2026-02-10",
                "--to",
                "2026-01-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("before it starts");
    }
}
