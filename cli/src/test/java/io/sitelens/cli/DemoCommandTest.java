package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sitelens demo} runs the whole audit offline on the bundled site and writes the report. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void the_demo_audits_the_bundled_site_and_writes_report_and_summary() throws Exception {
        Path report = dir.resolve("out/report.html");
        CliRun r = CliRun.of("demo", "--report", report.toString(), "--screenshots", "2", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("[1/6] project").contains("[2/6] sync").contains("[3/6] crawl");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("report").asText()).isEqualTo(report.toAbsolutePath().toString());
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>");
        assertThat(AuditPipeline.json(report)).exists();

        JsonNode summary = doc.get("summary");
        assertThat(summary.get("pages").get("crawled").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(summary.get("headlines").get(0).get("metric").asText()).isEqualTo("sessions");
        List<String> checks = new ArrayList<>();
        summary.get("findings").forEach(f -> checks.add(f.get("check").asText()));
        assertThat(checks)
                .contains(
                        "analytics-tag-missing",
                        "title-missing",
                        "h1-missing",
                        "img-alt-missing",
                        "link-broken",
                        "redirect-chain",
                        "duplicate-page",
                        "slow-response");
        List<String> insights = new ArrayList<>();
        summary.get("insights")
                .forEach(i -> insights.add(
                        i.get("type").asText() + " " + i.get("entity").asText()));
        assertThat(insights)
                .contains("crawl.traffic-4xx page:/summer-sale.html", "movers.up page:/blog/post-3.html")
                .anyMatch(i -> i.startsWith("anomaly."));
        assertThat(summary.get("screenshots").asInt())
                .as("with Chromium installed, the top pages are embedded")
                .isEqualTo(java.nio.file.Files.isExecutable(DemoReportIT.CHROMIUM) ? 2 : 0);
        assertThat(summary.get("trackingPlan").get("containerId").asText()).isEqualTo("GTM-SLDEMO1");
        assertThat(summary.get("trackingCoverage").get("pagesWithoutTag").get(0).asText())
                .endsWith("/blog/post-7.html");
    }

    @Test
    void without_json_the_demo_prints_the_report_path() {
        Path report = dir.resolve("report.html");
        CliRun r = CliRun.of("demo", "--report", report.toString(), "--screenshots", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(report.toAbsolutePath().toString());
    }

    @Test
    void audit_refuses_a_url_that_is_not_http() {
        CliRun r = CliRun.of("audit", "ftp://example.org/");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("absolute http(s) URL");
    }

    @Test
    void audit_refuses_a_private_address_unless_allowed() throws Exception {
        CliRun r = CliRun.of(
                "audit",
                "http://127.0.0.1:9/",
                "--report",
                dir.resolve("r.html").toString());
        assertThat(r.exitCode()).as("a failed crawl is a failure to look at").isEqualTo(1);
        assertThat(r.err())
                .contains("no page of http://127.0.0.1:9/ could be crawled")
                .contains("--allow-private-network");
        assertThat(dir.resolve("r.html")).as("the report is still written").exists();
    }
}
