package io.sitelens.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.SecretRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("sitelens.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    static final String VALID = """
            # a commented example, as in docs/config.md
            tenant: acme
            project: www
            name: Example shop
            url: https://www.example.org/
            additionalUrls:
              - https://shop.example.org/
            timeZone: Europe/Paris
            store: /var/lib/sitelens
            consent:
              policy: strict-opt-in
            bindings:
              - id: analytics
                provider: matomo
                settings:
                  baseUrl: https://matomo.example.org/
                  siteId: "3"
                secrets:
                  token: env:MATOMO_TOKEN
              - id: ga4
                provider: ga4
                settings: {propertyId: "123456"}
                secrets: {credentials: file:ga4-service-account.json}
            retention:
              behaviourEvents: P13M
            cadences:
              sync: P1D
              crawl: P7D
            """;

    @Test
    void a_full_config_loads_into_a_project_with_bindings_and_secret_references() throws Exception {
        ProjectConfig c = ProjectConfigLoader.load(write(VALID));
        assertThat(c.project().key().toString()).isEqualTo("acme/www");
        assertThat(c.project().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(c.project().startUrls()).hasSize(2);
        ConnectorBinding m = c.project().binding("analytics").orElseThrow();
        assertThat(m.providerId()).isEqualTo("matomo");
        assertThat(m.settings()).containsEntry("siteId", "3");
        assertThat(m.secrets()).containsEntry("token", SecretRef.parse("env:MATOMO_TOKEN"));
        assertThat(c.store()).isEqualTo("/var/lib/sitelens");
        assertThat(c.retention()).containsEntry("behaviourEvents", Period.ofMonths(13));
        assertThat(c.cadences()).containsEntry("crawl", Duration.ofDays(7));
    }

    @Test
    void json_is_accepted() throws Exception {
        Path f = dir.resolve("sitelens.json");
        Files.writeString(f, "{\"project\": \"www\", \"url\": \"https://www.example.org/\", \"bindings\": []}");
        assertThat(ProjectConfigLoader.load(f).project().key().tenant().value()).isEqualTo("default");
    }

    @Test
    void an_unknown_key_is_rejected_with_file_line_and_key() throws Exception {
        Path f = write(VALID.replace("  sync: P1D", "  sync: P1D\n  backups: P1D"));
        assertThatThrownBy(() -> ProjectConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.file()).isEqualTo(f.toAbsolutePath());
            assertThat(e.line()).isEqualTo(28);
            assertThat(e.key()).isEqualTo("cadences.backups");
            assertThat(e.getMessage()).startsWith(f.toAbsolutePath() + ":28: cadences.backups: unknown key");
        });
    }

    @Test
    void an_unknown_top_level_key_is_named() throws Exception {
        Path f = write("project: www\nurl: https://x.org/\nprojet: typo\n");
        assertThatThrownBy(() -> ProjectConfigLoader.load(f)).hasMessageContaining(":3: projet: unknown key");
    }

    @Test
    void a_secret_written_as_a_value_is_rejected_without_echoing_it() throws Exception {
        String token = "a1b2c3d4e5f6SECRET";
        Path f = write(VALID.replace("token: env:MATOMO_TOKEN", "token: " + token));
        assertThatThrownBy(() -> ProjectConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(19);
            assertThat(e.key()).isEqualTo("bindings[0].secrets.token");
            assertThat(e.getMessage()).contains("secret reference").doesNotContain(token);
        });
    }

    @Test
    void a_secret_in_plain_settings_is_rejected() throws Exception {
        Path f = write(VALID.replace("siteId: \"3\"", "siteId: \"3\"\n      token_auth: abc123"));
        assertThatThrownBy(() -> ProjectConfigLoader.load(f)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.key()).isEqualTo("bindings[0].settings.token_auth");
            assertThat(e.getMessage()).contains("looks like a secret").doesNotContain("abc123");
        });
    }

    @Test
    void bad_values_name_their_key() throws Exception {
        assertThatThrownBy(() -> ProjectConfigLoader.load(write(VALID.replace("Europe/Paris", "Mars/Olympus"))))
                .hasMessageContaining(":8: timeZone: unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> ProjectConfigLoader.load(
                        write(VALID.replace("url: https://www.example.org/", "url: www.example.org"))))
                .hasMessageContaining(":5: url: must be an absolute http(s) URL");
        assertThatThrownBy(() -> ProjectConfigLoader.load(write(VALID.replace("P13M", "13 months"))))
                .hasMessageContaining("retention.behaviourEvents: must be an ISO-8601 period");
        assertThatThrownBy(() -> ProjectConfigLoader.load(write("url: https://x.org/\n")))
                .hasMessageContaining("project: is required");
    }

    @Test
    void a_duplicate_binding_id_and_a_yaml_syntax_error_are_located() throws Exception {
        assertThatThrownBy(() -> ProjectConfigLoader.load(write(VALID.replace("- id: ga4", "- id: analytics"))))
                .hasMessageContaining("'analytics' is used twice");
        assertThatThrownBy(() -> ProjectConfigLoader.load(write("project: www\nurl: [unclosed\n")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.key()).isEqualTo("(syntax)"));
        assertThatThrownBy(() -> ProjectConfigLoader.load(dir.resolve("missing.yaml")))
                .hasMessageContaining("config file not found");
    }
}
