package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI carries the file connector; a binding's relative path is resolved against the config file. */
class FileMetricsCliTest {
    @TempDir
    Path dir;

    @Test
    void metrics_reads_a_csv_export_named_relative_to_the_config_file() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("project/exports"));
        Files.writeString(exports.resolve("synthetic-2026.csv"), """
                date,page,Views,Bounce rate
                2026-01-01,/,10,50%
                2026-01-01,/a,4,25%
                2026-01-02,/,12,40%
                """);
        Path config = dir.resolve("project/sitelens.yaml");
        Files.writeString(config, """
                tenant: acme
                project: www
                url: https://www.example.org/
                bindings:
                  - id: exports
                    provider: file
                    settings: {path: exports}
                """);
        CliRun r = CliRun.of(
                "metrics",
                "--config",
                config.toString(),
                "--source",
                "exports",
                "--metrics",
                "page_views,bounce_rate",
                "--dimensions",
                "date",
                "--from",
                "2026-01-01",
                "--to",
                "2026-01-02");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().split("\\R"))
                .as("bounce rate weighted by page views: (10 x 0.5 + 4 x 0.25) / 14")
                .containsExactly(
                        "date,page_views,bounce_rate", "2026-01-01,14,0.42857142857142855", "2026-01-02,12,0.4");
    }

    @Test
    void a_bad_cell_is_a_usage_error_naming_file_line_and_column() throws Exception {
        Files.writeString(dir.resolve("synthetic-bad.csv"), "date,page,page_views\n2026-01-01,/,ten\n");
        Path config = dir.resolve("sitelens.yaml");
        Files.writeString(config, """
                tenant: acme
                project: www
                url: https://www.example.org/
                bindings:
                  - id: exports
                    provider: file
                    settings: {path: synthetic-bad.csv}
                """);
        CliRun r = CliRun.of(
                "metrics",
                "--config",
                config.toString(),
                "--source",
                "exports",
                "--metrics",
                "page_views",
                "--from",
                "2026-01-01",
                "--to",
                "2026-01-01");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("synthetic-bad.csv, line 2, column 3").contains("'ten'");
    }
}
