package io.sitelens.connector.matomo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.connector.ConnectorConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatomoSettingsTest {

    private static ConnectorConfig config(Map<String, String> settings, String... secrets) {
        Map<String, SecretRef> refs = new HashMap<>();
        for (String s : secrets) {
            refs.put(s, SecretRef.parse("env:X_" + s.toUpperCase(java.util.Locale.ROOT)));
        }
        return new ConnectorConfig(
                "matomo", "analytics", TenantId.DEFAULT, settings, refs, (t, r) -> Optional.of(Secret.of("s3cr3t")));
    }

    @Test
    void every_problem_is_named_at_once() {
        assertThatThrownBy(() -> MatomoSettings.from(
                        config(Map.of("siteId", "abc", "pageSize", "0", "callTimeout", "soon")), HttpSettings.DEFAULTS))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
                    assertThat(e.getMessage())
                            .startsWith("matomo: binding 'analytics': ")
                            .contains("baseUrl is required", "siteId must be", "token (secret) is required")
                            .contains("pageSize must be within", "callTimeout must be a duration");
                });
    }

    @Test
    void basic_auth_needs_both_user_and_password() {
        assertThatThrownBy(() -> MatomoSettings.from(
                        config(Map.of("baseUrl", "https://a.example", "siteId", "1", "basicAuthUser", "u"), "token"),
                        HttpSettings.DEFAULTS))
                .hasMessageContaining("basicAuthPassword is missing");
        assertThatThrownBy(() -> MatomoSettings.from(
                        config(Map.of("baseUrl", "https://a.example", "siteId", "1"), "token", "basicAuthPassword"),
                        HttpSettings.DEFAULTS))
                .hasMessageContaining("basicAuthUser is missing");
    }

    @Test
    void a_url_with_credentials_is_refused() {
        assertThatThrownBy(() -> MatomoSettings.from(
                        config(Map.of("baseUrl", "https://me:pw@a.example/", "siteId", "1"), "token"),
                        HttpSettings.DEFAULTS))
                .hasMessageContaining("without user info");
    }

    @Test
    void the_endpoint_is_index_php_under_the_base_url() {
        assertThat(MatomoSettings.endpoint("https://a.example").toString()).isEqualTo("https://a.example/index.php");
        assertThat(MatomoSettings.endpoint("https://a.example/matomo/").toString())
                .isEqualTo("https://a.example/matomo/index.php");
        assertThat(MatomoSettings.endpoint("https://a.example/matomo").toString())
                .isEqualTo("https://a.example/matomo/index.php");
        assertThat(MatomoSettings.endpoint("https://a.example/index.php?module=CoreHome#x")
                        .toString())
                .isEqualTo("https://a.example/index.php");
        assertThat(MatomoSettings.endpoint("ftp://a.example/")).isNull();
    }

    @Test
    void timeouts_default_to_the_hosts_http_settings_and_can_be_overridden() {
        MatomoSettings s = MatomoSettings.from(
                config(Map.of("baseUrl", "https://a.example", "siteId", "7", "readTimeout", "90s"), "token"),
                HttpSettings.DEFAULTS);
        assertThat(s.siteId()).isEqualTo("7");
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.connectTimeout()).isEqualTo(HttpSettings.DEFAULTS.connectTimeout());
        assertThat(s.maxAttempts()).isEqualTo(HttpSettings.DEFAULTS.maxRetries() + 1);
        assertThat(s.displayUrl()).isEqualTo("https://a.example/");
        assertThat(s.toString()).doesNotContain("s3cr3t");
    }
}
