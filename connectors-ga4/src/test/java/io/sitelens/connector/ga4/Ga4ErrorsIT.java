package io.sitelens.connector.ga4;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.sitelens.connector.ga4.Ga4Stub.BASE;
import static io.sitelens.connector.ga4.Ga4Stub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCategory;
import io.sitelens.ErrorCode;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.spi.HttpSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the connector reacts to GA4's errors: permission, bad requests, quota (429) and server errors. */
class Ga4ErrorsIT {
    private final Ga4Stub stub = new Ga4Stub();
    private static final MetricQuery QUERY = MetricQuery.builder(DateRange.parse("2024-03-01", "2024-03-03"))
            .metric(MetricName.SESSIONS)
            .dimension(DimensionName.DATE)
            .build();

    @BeforeEach
    void metadata() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private static Ga4Stub.Context at(String instant) {
        return new Ga4Stub.Context(
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), HttpSettings.DEFAULTS.withMaxRetries(2));
    }

    @Test
    void permission_denied_names_the_property_and_the_account() {
        stub.stub(Ga4Stub.runReport().willReturn(json(403, "error.403-permission-denied.json")));
        try (Ga4Connector c = stub.connector()) {
            assertThatThrownBy(() -> c.query(QUERY)).isInstanceOfSatisfying(SitelensException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                assertThat(e.providerId()).isEqualTo("ga4");
                assertThat(e.getMessage())
                        .contains(Ga4Stub.PROPERTY)
                        .contains(Ga4Stub.CLIENT_EMAIL)
                        .contains("does not have sufficient permissions for this property");
            });
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }

    @Test
    void a_bad_request_quotes_google_and_is_the_users_error() {
        stub.stub(Ga4Stub.runReport().willReturn(json(400, "error.400-incompatible-dimensions-metrics.json")));
        try (Ga4Connector c = stub.connector()) {
            assertThatThrownBy(() -> c.query(QUERY)).isInstanceOfSatisfying(SitelensException.class, e -> {
                assertThat(e.category()).isEqualTo(ErrorCategory.USER);
                assertThat(e.getMessage())
                        .contains("Please add sessionCampaignName")
                        .contains(Ga4Stub.PROPERTY);
            });
        }
    }

    @Test
    void an_hourly_quota_waits_for_the_next_hour_and_then_continues() {
        stub.stub(Ga4Stub.runReport()
                .inScenario("quota")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(429, "error.429-hourly.synthetic.json"))
                .willSetStateTo("reset"));
        stub.stub(Ga4Stub.runReport()
                .inScenario("quota")
                .whenScenarioStateIs("reset")
                .willReturn(json(200, "runReport.synthetic-sampled.json")));
        Ga4Stub.Context ctx = at("2024-03-04T10:59:59.700Z");
        long start = System.nanoTime();
        try (Ga4Connector c = stub.connector(new Ga4ConnectorFactory(), ctx, Map.of())) {
            MetricTable t = c.query(QUERY);
            assertThat(t.rows()).hasSize(1);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1200));
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
        assertThat(ctx.logs).anySatisfy(l -> assertThat(l).contains("hourly").contains(Ga4Stub.PROPERTY));
    }

    @Test
    void an_hourly_quota_beyond_the_allowed_wait_says_when_to_come_back() {
        stub.stub(Ga4Stub.runReport().willReturn(json(429, "error.429-hourly.synthetic.json")));
        Ga4Stub.Context ctx = at("2024-03-04T10:30:00Z");
        try (Ga4Connector c = stub.connector(new Ga4ConnectorFactory(), ctx, Map.of("maxQuotaWait", "5m"))) {
            assertThatThrownBy(() -> c.query(QUERY)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryable()).isTrue();
                assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(30).plusSeconds(1));
                assertThat(e.getMessage()).contains("Exhausted property tokens per hour");
            });
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }

    @Test
    void a_daily_quota_stops_at_once_with_a_clear_message() {
        stub.stub(Ga4Stub.runReport().willReturn(json(429, "error.429-daily.synthetic.json")));
        try (Ga4Connector c = stub.connector()) {
            assertThatThrownBy(() -> c.query(QUERY)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.QUOTA_EXHAUSTED);
                assertThat(e.retryable()).isFalse();
                assertThat(e.retryAfter()).isNull();
                assertThat(e.getMessage())
                        .contains("daily quota")
                        .contains("midnight Pacific time")
                        .contains(Ga4Stub.PROPERTY);
            });
        }
        stub.server.verify(1, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }

    @Test
    void server_errors_are_retried_a_bounded_number_of_times() {
        stub.stub(Ga4Stub.runReport().willReturn(json(503, "error.503-unavailable.synthetic.json")));
        try (Ga4Connector c = stub.connector()) {
            assertThatThrownBy(() -> c.query(QUERY)).isInstanceOfSatisfying(SitelensException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_UNAVAILABLE);
                assertThat(e.getMessage()).contains("3 times").contains("currently unavailable");
            });
        }
        stub.server.verify(3, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }

    @Test
    void a_passing_server_error_is_retried_and_the_report_succeeds() {
        stub.stub(Ga4Stub.runReport()
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(503, "error.503-unavailable.synthetic.json"))
                .willSetStateTo("ok"));
        stub.stub(Ga4Stub.runReport()
                .inScenario("flaky")
                .whenScenarioStateIs("ok")
                .willReturn(json(200, "runReport.synthetic-sampled.json")));
        try (Ga4Connector c = stub.connector()) {
            assertThat(c.query(QUERY).rows()).hasSize(1);
        }
        stub.server.verify(2, postRequestedFor(urlPathEqualTo(BASE + ":runReport")));
    }
}
