package io.sitelens.connector.ga4;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.sitelens.connector.ga4.Ga4Stub.BASE;
import static io.sitelens.connector.ga4.Ga4Stub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.connector.ConnectorConfig;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Service-account keys, host-supplied credentials, scopes, and that no credential ever reaches a log. */
class Ga4CredentialsIT {
    private final Ga4Stub stub = new Ga4Stub();
    private static final MetricQuery QUERY = MetricQuery.builder(DateRange.parse("2024-03-01", "2024-03-03"))
            .metric(MetricName.SESSIONS)
            .dimension(DimensionName.DATE)
            .build();

    @AfterEach
    void stop() {
        stub.close();
    }

    static String jwtScope(LoggedRequest tokenRequest) {
        String body = tokenRequest.getBodyAsString();
        String assertion = "";
        for (String part : body.split("&")) {
            if (part.startsWith("assertion=")) {
                assertion = URLDecoder.decode(part.substring("assertion=".length()), StandardCharsets.UTF_8);
            }
        }
        String payload = new String(Base64.getUrlDecoder().decode(assertion.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload;
    }

    @Test
    void reports_use_the_service_account_key_with_the_readonly_scope_only() {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.synthetic-sampled.json")));
        try (Ga4Connector c = stub.connector()) {
            c.query(QUERY);
        }
        List<LoggedRequest> tokens = stub.server.findAll(postRequestedFor(urlPathEqualTo("/token")));
        assertThat(tokens).isNotEmpty();
        assertThat(tokens).allSatisfy(t -> assertThat(jwtScope(t))
                .contains("https://www.googleapis.com/auth/analytics.readonly")
                .doesNotContain("analytics.edit"));
        stub.server.verify(postRequestedFor(urlPathEqualTo(BASE + ":runReport"))
                .withHeader("Authorization", equalTo("Bearer " + Ga4Stub.ACCESS_TOKEN)));
    }

    @Test
    void host_supplied_credentials_work_without_a_secret_in_the_binding() throws Exception {
        stub.metadata("getMetadata.synthetic-extended.json");
        stub.compatible();
        stub.stub(Ga4Stub.runReport().willReturn(json(200, "runReport.synthetic-sampled.json")));
        var creds = ServiceAccountCredentials.fromStream(
                new ByteArrayInputStream(stub.keyJson.getBytes(StandardCharsets.UTF_8)));
        ConnectorConfig config =
                ConnectorConfig.of("ga4", "web", Map.of("propertyId", Ga4Stub.PROPERTY, "endpoint", stub.url()));
        try (Ga4Connector c = Ga4ConnectorFactory.withCredentials(creds).create(config, new Ga4Stub.Context())) {
            assertThat(c.query(QUERY).rows()).hasSize(1);
        }
        assertThat(jwtScope(stub.server
                        .findAll(postRequestedFor(urlPathEqualTo("/token")))
                        .get(0)))
                .contains("analytics.readonly");
    }

    @Test
    void a_secret_that_is_not_a_key_is_refused_without_echoing_it() {
        String notAKey = "super-secret-value-not-json";
        ConnectorConfig config = new ConnectorConfig(
                "ga4",
                "web",
                TenantId.DEFAULT,
                Map.of("propertyId", Ga4Stub.PROPERTY, "endpoint", stub.url()),
                Map.of("credentials", SecretRef.parse("env:GA4_KEY")),
                (tenant, ref) -> Optional.of(Secret.of(notAKey)));
        try (Ga4Connector c = new Ga4ConnectorFactory().create(config, new Ga4Stub.Context())) {
            assertThatThrownBy(c::catalog).isInstanceOfSatisfying(SitelensException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
                assertThat(e.getMessage()).contains("credentials").doesNotContain(notAKey);
            });
        }
    }

    @Test
    void no_credential_appears_in_logs_messages_or_to_string() {
        List<String> jul = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                jul.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + " " + r.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        Logger google = Logger.getLogger("com.google");
        Level googleBefore = google.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        google.setLevel(Level.ALL);
        Ga4Stub.Context ctx = new Ga4Stub.Context();
        List<String> seen = new ArrayList<>();
        try {
            stub.metadata("getMetadata.synthetic-extended.json");
            stub.compatible();
            stub.stub(Ga4Stub.runReport().willReturn(json(403, "error.403-permission-denied.json")));
            try (Ga4Connector c = stub.connector(new Ga4ConnectorFactory(), ctx, Map.of())) {
                seen.add(c.toString());
                assertThatThrownBy(() -> c.query(QUERY)).isInstanceOfSatisfying(SitelensException.class, e -> {
                    seen.add(e.getMessage());
                    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                        seen.add(String.valueOf(t.getMessage()));
                    }
                });
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
            google.setLevel(googleBefore);
        }
        seen.addAll(ctx.logs);
        seen.addAll(jul);
        assertThat(seen).isNotEmpty();
        assertThat(String.join("\n", seen))
                .doesNotContain(stub.privateKeyFragment())
                .doesNotContain(Ga4Stub.ACCESS_TOKEN)
                .doesNotContain("BEGIN PRIVATE KEY");
    }
}
