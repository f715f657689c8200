package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyCliTest {
    @TempDir
    Path dir;

    private String store() {
        return dir.resolve("store").toString().replace('\\', '/');
    }

    private Path config() throws Exception {
        Path f = dir.resolve("sitelens.yaml");
        Files.writeString(f, """
                tenant: acme
                project: www
                url: https://www.example.org/
                store: "%s"
                retention:
                  behaviourEvents: P6M
                """.formatted(store()));
        return f;
    }

    @Test
    void erase_runs_across_every_system_and_prints_one_outcome_per_system() throws Exception {
        CliRun r = CliRun.of(
                "privacy", "erase", "--subject", "email:ana@example.org", "--config", config().toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("right").asText()).isEqualTo("erasure");
        assertThat(doc.get("state").asText()).isEqualTo("completed");
        assertThat(doc.get("systems").get(0).get("system").asText()).isEqualTo("storage");
        assertThat(r.out())
                .as("the output names the subject only through the request")
                .doesNotContain("ana@");
    }

    @Test
    void access_writes_the_export_file() throws Exception {
        Path out = dir.resolve("export.json");
        CliRun r = CliRun.of(
                "privacy",
                "access",
                "--subject",
                "email:ana@example.org,account:42",
                "--config",
                config().toString(),
                "--out",
                out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("export written to " + out);
        JsonNode export = Json.mapper().readTree(Files.readString(out));
        assertThat(export.get("metadata").get("retention").toString())
                .as("the config's retention periods appear in the export's metadata")
                .contains("P6M");
    }

    @Test
    void a_malformed_subject_is_a_usage_error_naming_the_option() throws Exception {
        CliRun r = CliRun.of("privacy", "erase", "--subject", "phone:123", "--config", config().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--subject").contains("phone");
    }

    @Test
    void rectify_needs_a_field_and_object_a_known_purpose() throws Exception {
        assertThat(CliRun.of("privacy", "rectify", "--subject", "email:a@b.c", "--config", config().toString())
                        .exitCode())
                .isEqualTo(2);
        CliRun r = CliRun.of(
                "privacy", "object", "--subject", "email:a@b.c", "--config", config().toString(), "--purpose", "spam");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("spam");
        CliRun ok = CliRun.of(
                "privacy",
                "object",
                "--subject",
                "email:a@b.c",
                "--config",
                config().toString(),
                "--purpose",
                "marketing");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("objection completed");
    }

    @Test
    void audit_verify_checks_the_anchor_format_and_reports_an_empty_store() {
        CliRun empty = CliRun.of("privacy", "audit", "verify", "--store", store());
        assertThat(empty.exitCode()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("no audit log");
        CliRun bad = CliRun.of(
                "privacy", "audit", "verify", "--store", store(), "--tenant", "acme", "--anchor", "three:abc");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("COUNT:HASH");
        CliRun truncated = CliRun.of(
                "privacy",
                "audit",
                "verify",
                "--store",
                store(),
                "--tenant",
                "acme",
                "--anchor",
                "4:" + "ab".repeat(32),
                "--json");
        assertThat(truncated.exitCode())
                .as("an empty log cannot reach an anchor of 4 entries")
                .isEqualTo(1);
    }

    @Test
    void retention_dry_run_reports_every_category() throws Exception {
        CliRun r = CliRun.of("retention", "run", "--dry-run", "--config", config().toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        JsonNode cats = doc.get("tenants").get(0).get("categories");
        assertThat(cats.toString())
                .contains("contractData")
                .contains("P10Y")
                .contains("customerData")
                .contains("prospectMarketingConsent")
                .contains("\"behaviourEvents\",\"period\":\"P6M\"");
    }

    @Test
    void an_unsupported_store_is_refused_by_name() throws Exception {
        CliRun r = CliRun.of("retention", "run", "--store", "ftp://nowhere");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("ftp://nowhere");
    }

    @Test
    void register_prints_the_records_of_processing_as_json() throws Exception {
        CliRun r = CliRun.of("privacy", "register");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("activities").size()).isPositive();
        assertThat(doc.has("transfersOutsideEea")).isTrue();
    }

    @Test
    void requests_persist_in_the_store_and_the_audit_log_verifies_against_an_anchor() throws Exception {
        Path cfg = config();
        assertThat(CliRun.of("privacy", "restrict", "--subject", "email:ana@example.org", "--config", cfg.toString())
                        .exitCode())
                .isZero();
        CliRun first = CliRun.of("privacy", "audit", "verify", "--config", cfg.toString(), "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode t = Json.mapper().readTree(first.out()).get("tenants").get(0);
        assertThat(t.get("valid").asBoolean()).isTrue();
        long count = t.get("count").asLong();
        assertThat(count)
                .as("received, verified, one entry per system, completed")
                .isGreaterThanOrEqualTo(4);
        String head = t.get("head").asText();
        assertThat(head).startsWith(count + ":");

        assertThat(CliRun.of("privacy", "erase", "--subject", "email:ana@example.org", "--config", cfg.toString())
                        .exitCode())
                .isZero();
        CliRun anchored = CliRun.of("privacy", "audit", "verify", "--config", cfg.toString(), "--anchor", head);
        assertThat(anchored.exitCode()).as(anchored.out() + anchored.err()).isZero();
        assertThat(anchored.out()).contains("acme: valid");

        CliRun purge = CliRun.of("retention", "run", "--store", store(), "--json");
        assertThat(purge.exitCode()).as(purge.err()).isZero();
        assertThat(Json.mapper()
                        .readTree(purge.out())
                        .get("tenants")
                        .get(0)
                        .get("tenant")
                        .asText())
                .as("without --config, every tenant in the store")
                .isEqualTo("acme");
    }
}
