package io.sitelens.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sitelens privacy erase} carries the request to the GA4 binding's handler: one user-deletion request per
 * GA client id / user id to the Admin API (a local stub), the identifiers kept out of the output.
 */
class PrivacyGa4IT {
    private static final String DELETE = "/v1alpha/properties/123:submitUserDeletion";

    @TempDir
    Path dir;

    private final LocalGa4 ga4 = new LocalGa4();

    @AfterEach
    void stop() {
        ga4.close();
    }

    @Test
    void erasure_propagates_to_ga4_as_user_deletion_requests() throws Exception {
        ga4.server.stubFor(
                post(urlPathEqualTo(DELETE))
                        .willReturn(
                                LocalGa4.json(
                                        "{\"name\":\"properties/123/userDeletionRequests\",\"deletionRequestTime\":\"2026-11-29T10:00:00Z\"}")));
        ga4.writeKey(dir.resolve("ga4-key.json"));
        Path cfg = dir.resolve("sitelens.yaml");
        Files.writeString(cfg, """
                tenant: acme
                project: www
                url: https://www.example.org/
                store: "%s"
                bindings:
                  - id: web
                    provider: ga4
                    settings: {propertyId: "123", endpoint: "%2$s", adminEndpoint: "%2$s"}
                    secrets: {credentials: file:ga4-key.json}
                """.formatted(dir.resolve("store").toString().replace('\\', '/'), ga4.url()));
        CliRun r = CliRun.of(
                "privacy",
                "erase",
                "--subject",
                "ga-client:1234567890.1700000000,email:ana@example.org",
                "--config",
                cfg.toString(),
                "--json");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        JsonNode ga = null;
        for (JsonNode s : doc.get("systems")) {
            if (s.get("system").asText().equals("ga4")) {
                ga = s;
            }
        }
        assertThat(ga).as("a GA4 outcome in " + doc).isNotNull();
        assertThat(ga.get("status").asText()).isEqualTo("done");
        assertThat(r.out()).doesNotContain("1234567890.1700000000");
        ga4.server.verify(
                1,
                postRequestedFor(urlPathEqualTo(DELETE))
                        .withRequestBody(equalToJson("{\"clientId\":\"1234567890.1700000000\"}")));
    }
}
