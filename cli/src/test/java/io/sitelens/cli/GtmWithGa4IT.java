package io.sitelens.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GTM binding's event numbers end to end: {@code sitelens metrics --source tags} reads the container export,
 * asks the project's GA4 binding (the real GA4 connector, through the plugin context) for the container's events,
 * and the GA4 Data API is a local WireMock stub (responses synthetic, shaped as the API reference documents).
 */
class GtmWithGa4IT {
    @TempDir
    Path dir;

    private final LocalGa4 local = new LocalGa4();
    private final WireMockServer ga4 = local.server;

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void the_containers_events_are_counted_by_the_ga4_binding() throws Exception {
        Path export = dir.resolve("container.json");
        try (InputStream in = getClass().getResourceAsStream("/gtm/gms-gtm-boilerplate-web-container.json")) {
            Files.write(export, in.readAllBytes());
        }
        CliRun inspect = CliRun.of("gtm", "inspect", export.toString(), "--json");
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        JsonNode tag = Json.mapper().readTree(inspect.out()).get("ga4Events").get(0);
        assertThat(tag.get("eventName").asText())
                .as("the container sends {{Event}}")
                .isEqualTo("{{Event}}");
        assertThat(tag.get("namePattern").asText())
                .as("narrowed by its custom-event triggers")
                .contains("purchase");
        String event = "purchase";

        String base = local.url();
        ga4.stubFor(get(urlPathMatching("/v1beta/properties/123/metadata")).willReturn(json("""
                {"name":"properties/123/metadata",
                 "dimensions":[{"apiName":"date","uiName":"Date"},{"apiName":"eventName","uiName":"Event name"}],
                 "metrics":[{"apiName":"eventCount","uiName":"Event count","type":"TYPE_INTEGER"},
                            {"apiName":"keyEvents","uiName":"Key events","type":"TYPE_FLOAT"}]}""")));
        ga4.stubFor(post(urlPathEqualTo("/v1beta/properties/123:checkCompatibility"))
                .willReturn(json("""
                {"dimensionCompatibilities":[],"metricCompatibilities":[]}""")));
        String report = """
                {"dimensionHeaders":[{"name":"date"},{"name":"eventName"}],
                 "metricHeaders":[{"name":"eventCount","type":"TYPE_INTEGER"},{"name":"keyEvents","type":"TYPE_FLOAT"}],
                 "rows":[
                   {"dimensionValues":[{"value":"20260101"},{"value":"%1$s"}],"metricValues":[{"value":"41"},{"value":"2"}]},
                   {"dimensionValues":[{"value":"20260102"},{"value":"%1$s"}],"metricValues":[{"value":"17"},{"value":"0"}]},
                   {"dimensionValues":[{"value":"20260102"},{"value":"page_view"}],"metricValues":[{"value":"999"},{"value":"0"}]}],
                 "rowCount":3,"metadata":{"currencyCode":"EUR","timeZone":"Europe/Paris"},"kind":"analyticsData#runReport"}
                """.formatted(event);
        ga4.stubFor(post(urlPathEqualTo("/v1beta/properties/123:runReport")).willReturn(json(report)));
        ga4.stubFor(post(urlPathEqualTo("/v1beta/properties/123:batchRunReports"))
                .willReturn(json("{\"reports\":[" + report + "],\"kind\":\"analyticsData#batchRunReports\"}")));
        local.writeKey(dir.resolve("ga4-key.json"));
        Path config = dir.resolve("sitelens.yaml");
        Files.writeString(config, """
                tenant: acme
                project: www
                url: https://www.example.org/
                bindings:
                  - id: web
                    provider: ga4
                    settings: {propertyId: "123", endpoint: "%s"}
                    secrets: {credentials: file:ga4-key.json}
                  - id: tags
                    provider: gtm
                    settings: {exportFile: "%s"}
                """.formatted(base, export));

        CliRun r = CliRun.of(
                "metrics",
                "--config",
                config.toString(),
                "--source",
                "tags",
                "--metrics",
                "event_count,conversions",
                "--dimensions",
                "date,event_name",
                "--from",
                "2026-01-01",
                "--to",
                "2026-01-02");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().split("\\R")).contains("2026-01-01," + event + ",41,2", "2026-01-02," + event + ",17,0");
        assertThat(r.out()).as("page_view is not an event of this container").doesNotContain("page_view");
        ga4.verify(postRequestedFor(urlPathMatching("/v1beta/properties/123:(runReport|batchRunReports)"))
                .withRequestBody(containing("eventName"))
                .withRequestBody(containing("purchase")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return LocalGa4.json(body);
    }
}
