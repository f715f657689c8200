package io.sitelens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.secret.EnvironmentSecretResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    private static final String VALUE = "s3cr3t-token-value";

    @TempDir
    Path dir;

    @Test
    void a_secret_is_masked_in_to_string_and_revealed_only_on_request() {
        Secret s = Secret.of(VALUE);
        assertThat(s.toString()).doesNotContain(VALUE).contains("****");
        assertThat(s.reveal()).isEqualTo(VALUE);
        assertThat(s).isEqualTo(Secret.of(VALUE)).isNotEqualTo(Secret.of("other"));
    }

    @Test
    void env_and_file_references_resolve_and_file_paths_are_relative_to_the_base_dir() throws Exception {
        Files.writeString(dir.resolve("token.txt"), VALUE + "\n");
        EnvironmentSecretResolver r = EnvironmentSecretResolver.create(Map.of("MATOMO_TOKEN", VALUE), dir);
        assertThat(r.resolve(TenantId.DEFAULT, SecretRef.parse("env:MATOMO_TOKEN")))
                .contains(Secret.of(VALUE));
        assertThat(r.resolve(TenantId.DEFAULT, SecretRef.parse("file:token.txt")))
                .as("trailing newline trimmed")
                .contains(Secret.of(VALUE));
        assertThat(r.resolve(TenantId.DEFAULT, SecretRef.parse("env:NOPE"))).isEmpty();
        assertThat(r.resolve(TenantId.DEFAULT, SecretRef.parse("vault:kv/x"))).isEmpty();
    }

    @Test
    void parsing_a_value_that_is_not_a_reference_does_not_echo_it() {
        assertThatThrownBy(() -> SecretRef.parse(VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(VALUE);
    }

    @Test
    void connector_config_masks_secrets_and_its_errors_name_key_and_reference_not_value() {
        ConnectorConfig c = new ConnectorConfig(
                "matomo",
                "main",
                TenantId.DEFAULT,
                Map.of("baseUrl", "https://matomo.example.org/"),
                Map.of("token", SecretRef.parse("env:MATOMO_TOKEN")),
                (tenant, ref) -> Optional.of(Secret.of(VALUE)));
        assertThat(c.toString()).doesNotContain(VALUE).contains("token");
        assertThat(c.secret("token").toString()).doesNotContain(VALUE);

        ConnectorConfig unresolved = new ConnectorConfig(
                "matomo",
                "main",
                TenantId.DEFAULT,
                Map.of(),
                Map.of("token", SecretRef.parse("env:MATOMO_TOKEN")),
                (tenant, ref) -> Optional.empty());
        assertThatThrownBy(() -> unresolved.secret("token")).isInstanceOfSatisfying(SitelensException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.SECRET_UNRESOLVED);
            assertThat(e.providerId()).isEqualTo("matomo");
            assertThat(e.getMessage()).contains("token").contains("env:MATOMO_TOKEN");
        });
    }

    @Test
    void a_binding_prints_references_never_values() {
        ConnectorBinding b = new ConnectorBinding(
                "main", "matomo", Map.of("siteId", "3"), Map.of("token", SecretRef.parse("env:MATOMO_TOKEN")));
        assertThat(b.toString()).contains("env:MATOMO_TOKEN").contains("siteId=3");
    }

    @Test
    void typed_getters_name_provider_binding_and_key_on_bad_values() {
        ConnectorConfig c = ConnectorConfig.of("ga4", "analytics", Map.of("maxConcurrentRequests", "ten", "t", "30s"));
        assertThatThrownBy(() -> c.integer("maxConcurrentRequests", 10))
                .hasMessageContaining("ga4")
                .hasMessageContaining("analytics")
                .hasMessageContaining("maxConcurrentRequests")
                .hasMessageContaining("'ten'");
        assertThat(c.duration("t", java.time.Duration.ZERO)).hasSeconds(30);
        assertThatThrownBy(() -> c.requireAll(java.util.List.of("propertyId", "t"), java.util.List.of("credentials")))
                .hasMessageContaining("propertyId")
                .hasMessageContaining("credentials (secret)");
    }
}
