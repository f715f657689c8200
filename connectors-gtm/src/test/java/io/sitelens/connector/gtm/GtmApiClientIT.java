package io.sitelens.connector.gtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.connector.gtm.internal.RateLimiter;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.connector.ConnectorConfig;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Tag Manager API path against a local MockWebServer replaying synthetic responses built from the API reference. */
class GtmApiClientIT {
    private MockWebServer server;
    private final FakeTicker ticker = new FakeTicker();

    /** A clock that moves only when the client sleeps, so that the 4 s spacing costs no real time. */
    static final class FakeTicker implements RateLimiter.Ticker {
        long now = 1_000_000_000L;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public synchronized long nanoTime() {
            return now;
        }

        @Override
        public synchronized void sleep(Duration d) {
            sleeps.add(d);
            now += d.toNanos();
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GtmApiClient client(Backoff backoff) {
        return GtmApiClient.builder()
                .baseUrl(server.url("/tagmanager/v2/").toString())
                .accessToken(Secret.of("ya29.synthetic-token"))
                .backoff(backoff)
                .ticker(ticker)
                .build();
    }

    private void ok(String resource) {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json; charset=UTF-8")
                .body(Fixtures.text("gtm/api/" + resource))
                .build());
    }

    private void error(int code, String resource, String retryAfter) {
        MockResponse.Builder b = new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json; charset=UTF-8")
                .body(Fixtures.text("gtm/api/" + resource));
        if (retryAfter != null) {
            b.setHeader("Retry-After", retryAfter);
        }
        server.enqueue(b.build());
    }

    private RecordedRequest take() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void accounts_follow_page_tokens_with_bearer_auth_at_most_one_request_per_4_seconds() throws Exception {
        ok("synthetic-accounts-page1.json");
        ok("synthetic-accounts-page2.json");
        try (GtmApiClient api = client(Backoff.DEFAULT)) {
            assertThat(api.accounts())
                    .extracting(GtmApiClient.Account::accountId)
                    .containsExactly("6002958335", "6075910462");
        }
        RecordedRequest first = take();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/tagmanager/v2/accounts");
        assertThat(first.getUrl().queryParameter("pageToken")).isNull();
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.synthetic-token");
        assertThat(take().getUrl().queryParameter("pageToken")).isEqualTo("CAESBwoFYWNjdDI");
        assertThat(ticker.sleeps).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void the_live_version_in_api_spelling_gives_the_same_inspection_as_the_real_export() throws Exception {
        ok("synthetic-versions-live-from-analyzify.json");
        GtmContainer live;
        try (GtmApiClient api = client(Backoff.DEFAULT)) {
            live = api.liveVersion("6002958335", "222830601");
        }
        assertThat(take().getUrl().encodedPath())
                .isEqualTo("/tagmanager/v2/accounts/6002958335/containers/222830601/versions:live");
        GtmInspection fromApi = GtmInspection.of(live);
        GtmInspection fromExport = Fixtures.inspect(Fixtures.ANALYZIFY);
        assertThat(fromApi.containerId()).isEqualTo("GTM-K2W53WLF");
        assertThat(fromApi.counts()).isEqualTo(fromExport.counts());
        assertThat(fromApi.tagsByType()).isEqualTo(fromExport.tagsByType());
        assertThat(fromApi.ga4EventNames()).isEqualTo(fromExport.ga4EventNames());
        assertThat(fromApi.ga4MeasurementIds()).isEqualTo(fromExport.ga4MeasurementIds());
        assertThat(fromApi.ga4Events()).isEqualTo(fromExport.ga4Events());
        assertThat(fromApi.findingCounts()).isEqualTo(fromExport.findingCounts());
        assertThat(fromApi.plan().triggers()).isEqualTo(fromExport.plan().triggers());
        assertThat(live.builtInVariables())
                .isEqualTo(Fixtures.container(Fixtures.ANALYZIFY).builtInVariables());
    }

    @Test
    void a_workspace_is_assembled_from_paged_lists() throws Exception {
        ok("synthetic-container-vimeo.json");
        ok("synthetic-workspace-tags-page1.json");
        ok("synthetic-workspace-tags-page2.json");
        ok("synthetic-workspace-triggers.json");
        ok("synthetic-workspace-variables.json");
        ok("synthetic-workspace-built-in-variables-empty.json");
        ok("synthetic-workspace-built-in-variables-empty.json");
        GtmContainer ws;
        try (GtmApiClient api = client(Backoff.DEFAULT)) {
            ws = api.workspace("6075910462", "104213885", "3");
        }
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            RecordedRequest r = take();
            paths.add(r.getUrl().encodedPath().replace("/tagmanager/v2/accounts/6075910462/containers/104213885", "")
                    + (r.getUrl().queryParameter("pageToken") == null ? "" : "?pageToken"));
        }
        assertThat(paths)
                .containsExactly(
                        "",
                        "/workspaces/3/tags",
                        "/workspaces/3/tags?pageToken",
                        "/workspaces/3/triggers",
                        "/workspaces/3/variables",
                        "/workspaces/3/built_in_variables",
                        "/workspaces/3/templates");
        GtmInspection i = GtmInspection.of(ws);
        assertThat(i.containerId()).isEqualTo("GTM-WSZ629J");
        assertThat(i.counts()).isEqualTo(new GtmInspection.Counts(2, 2, 5, 0));
        assertThat(i.plan().triggers()).extracting(t -> t.type()).containsExactly("customEvent", "windowLoaded");
        assertThat(i.ga4EventNames()).containsExactly("video_{{dlv - video_status}}");
        assertThat(ticker.sleeps).hasSize(6).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(4)));
    }

    @Test
    void rate_errors_403_and_429_are_retried_with_backoff_honouring_retry_after() throws Exception {
        error(403, "synthetic-error-403-user-rate-limit.json", null);
        error(429, "synthetic-error-429.json", "30");
        ok("synthetic-containers.json");
        try (GtmApiClient api = client(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(60), 5))) {
            assertThat(api.containers("6002958335"))
                    .extracting(GtmApiClient.Container::publicId)
                    .containsExactly("GTM-K2W53WLF");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(ticker.sleeps).as("the Retry-After of 30 s is honoured").contains(Duration.ofSeconds(30));
    }

    @Test
    void rate_errors_give_up_after_the_backoff_attempts_as_retryable() {
        for (int i = 0; i < 3; i++) {
            error(429, "synthetic-error-429.json", null);
        }
        try (GtmApiClient api = client(new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), 3))) {
            assertThatThrownBy(api::accounts).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).contains("gtm:", "HTTP 429", "Resource has been exhausted");
            });
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retries_stop_when_they_would_pass_the_call_timeout() {
        error(403, "synthetic-error-403-user-rate-limit.json", null);
        error(429, "synthetic-error-429.json", "150");
        error(429, "synthetic-error-429.json", null);
        try (GtmApiClient api = client(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(200), 5))) {
            assertThatThrownBy(api::accounts)
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
                            .isEqualTo(Duration.ofSeconds(150)));
        }
        assertThat(server.getRequestCount())
                .as("a 150 s Retry-After does not fit in the default 120 s call timeout")
                .isEqualTo(2);
        assertThat(ticker.sleeps)
                .as("one backoff and one 4 s spacing, but no 150 s wait")
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(4)));
    }

    @Test
    void permission_errors_and_missing_containers_fail_at_once_with_google_s_message() {
        error(403, "synthetic-error-403-forbidden.json", null);
        error(404, "synthetic-error-404.json", null);
        try (GtmApiClient api = client(Backoff.DEFAULT)) {
            assertThatThrownBy(() -> api.workspaces("1", "2")).isInstanceOfSatisfying(SitelensException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                assertThat(e.getMessage())
                        .contains("The caller does not have permission", "/accounts/1/containers/2/workspaces");
            });
            assertThatThrownBy(() -> api.liveVersion("1", "3"))
                    .isInstanceOfSatisfying(SitelensException.class, e -> assertThat(e.errorCode())
                            .isEqualTo(ErrorCode.NOT_FOUND));
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void service_account_tokens_are_fetched_from_the_key_s_token_uri_and_reused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String key = "{\"type\": \"service_account\", \"project_id\": \"synthetic\", \"private_key_id\": \"abc123\","
                + " \"private_key\": "
                + io.sitelens.connector.gtm.internal.ContainerReader.mapper().writeValueAsString(pem)
                + ", \"client_email\": \"reader@synthetic.iam.gserviceaccount.com\", \"client_id\": \"1\","
                + " \"token_uri\": \"" + server.url("/token") + "\"}";
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(
                        "{\"access_token\": \"ya29.from-service-account\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")
                .build());
        ok("synthetic-versions-live-from-analyzify.json");

        TestContext ctx = new TestContext(null, "2026-11-28");
        ConnectorConfig config = new ConnectorConfig(
                "gtm",
                "tags",
                TenantId.DEFAULT,
                Map.of(
                        "accountId",
                        "6002958335",
                        "containerId",
                        "222830601",
                        "apiBaseUrl",
                        server.url("/tagmanager/v2/").toString(),
                        "requestsPerSecond",
                        "100"),
                Map.of("credentials", SecretRef.parse("env:GTM_KEY")),
                (tenant, ref) -> Optional.of(Secret.of(key)));
        var connector = new GtmConnectorFactory().create(config, ctx);
        assertThat(connector.toString())
                .doesNotContain("PRIVATE KEY")
                .contains("accounts/6002958335/containers/222830601");
        assertThat(connector.trackingPlan().containerId()).isEqualTo("GTM-K2W53WLF");

        RecordedRequest token = take();
        assertThat(token.getUrl().encodedPath()).isEqualTo("/token");
        assertThat(token.getBody().utf8())
                .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer", "assertion=");
        RecordedRequest live = take();
        assertThat(live.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.from-service-account");
        assertThat(ctx.used(UsageKind.API_CALL)).isEqualTo(1);
        // the plan is read once: a second call makes no request
        connector.trackingPlan();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a_key_that_is_not_a_service_account_key_fails_without_echoing_it() {
        String secretish = "{\"type\": \"authorized_user\", \"refresh_token\": \"1//super-secret-refresh\"}";
        assertThatThrownBy(() -> GtmApiClient.builder().serviceAccount(Secret.of(secretish)))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
                    assertThat(e.getMessage()).contains("service-account key").doesNotContain("super-secret-refresh");
                });
    }

    @Test
    void the_rate_limiter_spaces_calls_by_the_interval() throws Exception {
        RateLimiter limiter = new RateLimiter(0.25, ticker);
        assertThat(limiter.acquire()).isEqualTo(Duration.ZERO);
        assertThat(limiter.acquire()).isEqualTo(Duration.ofSeconds(4));
        ticker.now += Duration.ofSeconds(10).toNanos();
        assertThat(limiter.acquire()).as("idle time is not banked").isEqualTo(Duration.ZERO);
        assertThat(limiter.acquire()).isEqualTo(Duration.ofSeconds(4));
    }
}
