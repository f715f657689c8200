package io.sitelens.connector.ga4.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.spi.connector.ConnectorConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Ga4SettingsTest {
    private static Ga4Settings parse(Map<String, String> settings) {
        return Ga4Settings.from(ConnectorConfig.of("ga4", "web", settings));
    }

    @Test
    void a_property_id_may_be_written_bare_or_as_a_resource_name() {
        assertThat(parse(Map.of("propertyId", "123")).propertyId()).isEqualTo("123");
        assertThat(parse(Map.of("propertyId", "properties/123")).property()).isEqualTo("properties/123");
    }

    @Test
    void defaults_are_ten_concurrent_requests_and_google_endpoints() {
        Ga4Settings s = parse(Map.of("propertyId", "123"));
        assertThat(s.maxConcurrentRequests()).isEqualTo(10);
        assertThat(s.endpoint()).isNull();
        assertThat(s.maxQuotaWait()).isEqualTo(Duration.ofMinutes(61));
    }

    @Test
    void a_measurement_id_is_refused_with_a_hint() {
        assertThatThrownBy(() -> parse(Map.of("propertyId", "G-ABC123")))
                .isInstanceOfSatisfying(
                        SitelensException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID))
                .hasMessageContaining("propertyId")
                .hasMessageContaining("G-ABC123")
                .hasMessageContaining("measurement id");
    }

    @Test
    void every_bad_setting_is_named_at_once() {
        assertThatThrownBy(() -> parse(Map.of(
                        "propertyId", "properties/abc",
                        "maxConcurrentRequests", "50",
                        "endpoint", "http://analytics.example.com")))
                .hasMessageContaining("propertyId")
                .hasMessageContaining("maxConcurrentRequests must be within 1..10")
                .hasMessageContaining("plain http:// only for a local stub");
    }

    @Test
    void a_missing_property_id_is_reported() {
        assertThatThrownBy(() -> parse(Map.of())).hasMessageContaining("propertyId is required");
    }

    @Test
    void plain_http_is_accepted_on_loopback_and_the_admin_endpoint_follows_it() {
        Ga4Settings s = parse(Map.of("propertyId", "1", "endpoint", "http://127.0.0.1:8089"));
        assertThat(s.endpoint()).isEqualTo("http://127.0.0.1:8089");
        assertThat(s.adminEndpoint()).isEqualTo("http://127.0.0.1:8089");
        assertThat(parse(Map.of("propertyId", "1", "endpoint", "https://proxy.example.com:8443"))
                        .endpoint())
                .isEqualTo("https://proxy.example.com:8443");
    }

    @Test
    void an_endpoint_with_a_path_is_refused() {
        assertThatThrownBy(() -> parse(Map.of("propertyId", "1", "endpoint", "https://example.com/v1beta")))
                .hasMessageContaining("without a path");
    }
}
