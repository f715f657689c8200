package io.sitelens.connector.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.TenantId;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.secret.SecretResolver;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailchimpConfigTest {
    static final String KEY = "3f2a9c8b7d6e5f4a3b2c1d0e9f8a7b6c-us6";

    static MailchimpConfig config(String key, Map<String, String> settings) {
        return MailchimpConfig.from(Handlers.config(key, settings));
    }

    static void assertConfigError(Runnable r, String... mentions) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(SitelensException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
            assertThat(e.getMessage()).contains("mailchimp", "newsletter").contains(mentions);
        });
    }

    @Test
    void the_data_centre_is_the_suffix_of_the_key_and_names_the_api_root() {
        MailchimpConfig c = config(KEY, Map.of());
        assertThat(c.dataCentre()).isEqualTo("us6");
        assertThat(c.apiRoot()).isEqualTo(URI.create("https://us6.api.mailchimp.com/3.0/"));
        assertThat(config("abc-def-us21", Map.of()).dataCentre()).isEqualTo("us21");
    }

    @Test
    void a_key_without_a_data_centre_fails_naming_the_key_never_its_value() {
        MailchimpConfig c = config("3f2a9c8b7d6e5f4a3b2c1d0e9f8a7b6c", Map.of());
        assertConfigError(c::apiRoot, "apiKey", "-us6");
        assertThatThrownBy(c::apiRoot).hasMessageNotContaining("3f2a9c8b");
    }

    @Test
    void a_missing_key_is_reported_when_the_binding_is_read() {
        ConnectorConfig noSecret = ConnectorConfig.of("mailchimp", "newsletter", Map.of());
        assertThatThrownBy(() -> MailchimpConfig.from(noSecret)).isInstanceOfSatisfying(SitelensException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
            assertThat(e.getMessage()).contains("apiKey (secret)");
        });
    }

    @Test
    void an_unresolvable_key_fails_on_first_use_not_when_the_binding_is_read() {
        ConnectorConfig unresolved = new ConnectorConfig(
                "mailchimp",
                "newsletter",
                TenantId.DEFAULT,
                Map.of(),
                Map.of("apiKey", io.sitelens.model.SecretRef.parse("env:MISSING_KEY")),
                SecretResolver.NONE);
        MailchimpConfig c = MailchimpConfig.from(unresolved);
        assertThatThrownBy(c::apiKey).isInstanceOfSatisfying(SitelensException.class, e -> assertThat(e.errorCode())
                .isEqualTo(ErrorCode.SECRET_UNRESOLVED));
    }

    @Test
    void lists_are_comma_separated_audience_ids_and_empty_means_all() {
        assertThat(config(KEY, Map.of()).allLists()).isTrue();
        MailchimpConfig c = config(KEY, Map.of("lists", " a1b2c3d4e5, f6e5d4c3b2,,a1b2c3d4e5 "));
        assertThat(c.lists()).containsExactly("a1b2c3d4e5", "f6e5d4c3b2");
        assertThat(c.allLists()).isFalse();
        assertConfigError(() -> config(KEY, Map.of("lists", "a1b2c3d4e5,../admin")), "lists", "../admin");
    }

    @Test
    void base_url_may_point_at_a_proxy_but_the_key_never_travels_over_plain_http_off_loopback() {
        assertThat(config(KEY, Map.of("baseUrl", "https://mc-proxy.example.net/3.0"))
                        .apiRoot())
                .isEqualTo(URI.create("https://mc-proxy.example.net/3.0/"));
        assertThat(config(KEY, Map.of("baseUrl", "http://127.0.0.1:8089/3.0/")).apiRoot())
                .isEqualTo(URI.create("http://127.0.0.1:8089/3.0/"));
        assertConfigError(() -> config(KEY, Map.of("baseUrl", "http://mc-proxy.example.net/3.0/")), "baseUrl", "https");
        assertConfigError(() -> config(KEY, Map.of("baseUrl", "ftp://example.net/")), "baseUrl");
        assertConfigError(
                () -> config(KEY, Map.of("baseUrl", "https://user:pw@example.net/")), "baseUrl", "credentials");
    }

    @Test
    void bounds_and_backoff_are_validated_and_default_to_the_hosts_retries() {
        MailchimpConfig c = config(KEY, Map.of());
        assertThat(c.maxLists()).isEqualTo(1000);
        assertThat(c.pageSize()).isEqualTo(1000);
        assertThat(c.backoff(HttpSettings.DEFAULTS.withMaxRetries(2)).maxAttempts())
                .isEqualTo(3);
        assertThat(c.backoff(HttpSettings.DEFAULTS).base()).isEqualTo(Duration.ofMillis(500));
        MailchimpConfig tuned = config(KEY, Map.of("maxAttempts", "7", "backoffBase", "1s", "backoffMax", "10s"));
        assertThat(tuned.backoff(HttpSettings.DEFAULTS).maxAttempts()).isEqualTo(7);
        assertThat(tuned.backoff(HttpSettings.DEFAULTS).max()).isEqualTo(Duration.ofSeconds(10));
        assertConfigError(() -> config(KEY, Map.of("maxLists", "0")), "maxLists", "1..10000");
        assertConfigError(() -> config(KEY, Map.of("pageSize", "5000")), "pageSize", "1..1000");
        assertConfigError(() -> config(KEY, Map.of("backoffBase", "5s", "backoffMax", "1s")), "backoffMax");
    }

    @Test
    void the_key_is_masked_wherever_the_config_is_printed() {
        MailchimpConfig c = config(KEY, Map.of("lists", "a1b2c3d4e5"));
        c.apiKey();
        assertThat(c.toString()).doesNotContain("3f2a9c8b").contains("apiKey=****", "a1b2c3d4e5");
        assertThat(c.apiKey().toString()).doesNotContain("3f2a9c8b");
        assertThat(Handlers.config(KEY, Map.of()).toString()).doesNotContain("3f2a9c8b");
        assertThat(new MailchimpPrivacyHandlerFactory().secretKeys()).isEqualTo(List.of("apiKey"));
    }
}
