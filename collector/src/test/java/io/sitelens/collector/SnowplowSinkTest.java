package io.sitelens.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ProjectKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnowplowSinkTest {
    static final ProjectKey SHOP = ProjectKey.of("acme", "shop");
    MockWebServer snowplow = new MockWebServer();
    InMemoryStorageAdapter store = new InMemoryStorageAdapter();
    Collector collector;

    @BeforeEach
    void start() throws Exception {
        snowplow.start();
        collector = Collector.builder()
                .storage(store)
                .site(CollectorSite.of("shop", SHOP, "https://www.example.org"))
                .sink(SnowplowSink.builder()
                        .collector(URI.create(snowplow.url("/").toString()))
                        .appId("shop-web")
                        .siteUrl(URI.create("https://www.example.org/"))
                        .timeout(Duration.ofSeconds(2))
                        .build())
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        collector.close();
        snowplow.close();
    }

    @Test
    void accepted_events_are_posted_as_tp2_payload_data_1_0_4_without_address_or_user_agent() throws Exception {
        snowplow.enqueue(new MockResponse.Builder().code(200).build());
        IngestResult r = collector.ingest(
                Batches.bytes(Batches.typical(System.currentTimeMillis(), 1, 0, 1, Batches.COOKIE)),
                Batches.headers(Batches.CHROME),
                Batches.ip("81.2.69.160"));
        assertThat(r.kind()).isEqualTo(IngestResult.Kind.STORED);
        RecordedRequest request = snowplow.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/com.snowplowanalytics.snowplow/tp2");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        String text = request.getBody().utf8();
        JsonNode body = new ObjectMapper().readTree(text);
        assertThat(body.get("schema").asText())
                .isEqualTo("iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4");
        JsonNode data = body.get("data");
        assertThat(data).hasSize(4);
        JsonNode pv = data.get(0);
        assertThat(pv.get("e").asText()).isEqualTo("pv");
        assertThat(pv.get("url").asText()).isEqualTo("https://www.example.org/pricing");
        assertThat(pv.get("aid").asText()).isEqualTo("shop-web");
        assertThat(pv.get("duid").asText()).isEqualTo(Batches.COOKIE);
        assertThat(pv.get("sid").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(pv.get("refr").asText()).isEqualTo("https://search.example/q");
        JsonNode click = data.get(1);
        assertThat(click.get("e").asText()).isEqualTo("se");
        assertThat(click.get("se_ca").asText()).isEqualTo("sitelens");
        assertThat(click.get("se_ac").asText()).isEqualTo("click");
        assertThat(click.get("se_la").asText()).isEqualTo("main>a:nth-of-type(2)");
        assertThat(click.get("se_pr").asText()).isEqualTo("640,300");
        data.forEach(
                p -> p.fields().forEachRemaining(f -> assertThat(f.getValue().isTextual())
                        .as("payload_data values are strings: " + f.getKey())
                        .isTrue()));
        assertThat(text).doesNotContain("81.2.69.160").doesNotContain("Chrome/131");
    }

    @Test
    void a_failing_snowplow_collector_does_not_lose_the_stored_events() {
        snowplow.enqueue(new MockResponse.Builder().code(503).build());
        IngestResult r = collector.ingest(
                Batches.bytes(Batches.typical(System.currentTimeMillis(), 1, 0, 0, null)),
                Batches.headers(Batches.CHROME),
                Batches.ip("81.2.69.160"));
        assertThat(r.status()).isEqualTo(204);
        assertThat(store.behaviour().events(SHOP, Instant.EPOCH, Instant.now().plusSeconds(60), 100))
                .hasSize(4);
    }

    @Test
    void the_sink_reports_rejections_with_an_external_error_code() {
        snowplow.enqueue(new MockResponse.Builder().code(400).build());
        SnowplowSink sink = SnowplowSink.builder()
                .collector(URI.create(snowplow.url("/").toString()))
                .appId("a")
                .siteUrl(URI.create("https://www.example.org/"))
                .build();
        var s = BehaviourPrivacyHandlerContractTest.session("s", "a".repeat(32), null);
        assertThatThrownBy(() -> sink.accept(SHOP, s, java.util.List.of(BehaviourPrivacyHandlerContractTest.click(s))))
                .isInstanceOf(SitelensException.class)
                .hasMessageContaining("snowplow")
                .hasMessageContaining("HTTP 400")
                .satisfies(e -> assertThat(((SitelensException) e).errorCode()).isEqualTo(ErrorCode.EXTERNAL_REJECTED));
        sink.close();
    }
}
