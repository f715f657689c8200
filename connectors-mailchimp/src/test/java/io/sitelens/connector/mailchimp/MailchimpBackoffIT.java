package io.sitelens.connector.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.ErrorCode;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.model.DataSubject;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.privacy.HandlerResult.Status;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bounded backoff ({@link io.sitelens.spi.Backoff}) as a user meets it through the stub: Retry-After in seconds
 * and as a date, a wait longer than allowed, attempts that run out, dropped connections. Configured lists keep the
 * call sequence to one request per attempt.
 */
class MailchimpBackoffIT {
    static final DataSubject ANA = DataSubject.of(SubjectIdentity.parse("email:ana@example.org"));

    final MailchimpStub stub =
            new MailchimpStub().list("a1b2c3d4e5", "Newsletter").member("a1b2c3d4e5", "ana@example.org", "subscribed");
    final TestContext context = new TestContext();
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(stub);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    PrivacyRightsHandler handler(String... settings) {
        Map<String, String> extra = new java.util.HashMap<>(Map.of("lists", "a1b2c3d4e5"));
        for (int i = 0; i < settings.length; i += 2) {
            extra.put(settings[i], settings[i + 1]);
        }
        return Handlers.against(server, MailchimpStub.KEY, context, extra);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Test
    void retry_after_in_seconds_is_waited_even_when_the_jittered_delay_is_shorter() {
        stub.fail(1, MailchimpStub.tooManyRequests(2));
        long start = System.nanoTime();
        assertThat(handler("backoffBase", "10ms", "backoffMax", "5s")
                        .access(new TestRequest("b1"), ANA)
                        .status())
                .isEqualTo(Status.DONE);
        assertThat(since(start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(stub.requestLines()).hasSize(2);
    }

    @Test
    void retry_after_as_an_http_date_is_honoured() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        stub.fail(
                1,
                MailchimpStub.problem(503, "error-500.synthetic.json")
                        .newBuilder()
                        .setHeader("Retry-After", at)
                        .build());
        long start = System.nanoTime();
        handler("backoffBase", "10ms", "backoffMax", "10s").access(new TestRequest("b2"), ANA);
        // the date has whole seconds: 3 s ahead is at least 2 s away
        assertThat(since(start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void a_retry_after_longer_than_backoff_max_stops_at_once_and_says_when_to_come_back() {
        stub.fail(5, MailchimpStub.tooManyRequests(120));
        long start = System.nanoTime();
        assertThatThrownBy(() -> handler("backoffMax", "2s").access(new TestRequest("b3"), ANA))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                    assertThat(e.getMessage()).contains("HTTP 429: Too Many Requests", "asked to wait 120 s");
                });
        assertThat(stub.requestLines()).hasSize(1);
        assertThat(since(start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void rate_limits_that_persist_give_up_after_max_attempts_each_one_metered() {
        stub.fail(10, MailchimpStub.problem(429, "error-429.synthetic.json"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> handler("maxAttempts", "4", "backoffBase", "20ms", "backoffMax", "40ms")
                        .access(new TestRequest("b4"), ANA))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isNull();
                    assertThat(e.getMessage()).contains("after 4 attempts");
                });
        assertThat(stub.requestLines()).hasSize(4);
        assertThat(context.apiCalls.get()).isEqualTo(4);
        // waits are at most 20 + 40 + 40 ms: far below any stall
        assertThat(since(start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_dropped_connection_is_retried_like_a_server_error() {
        stub.fail(
                1,
                new MockResponse.Builder()
                        .onResponseStart(new SocketEffect.CloseSocket())
                        .build());
        assertThat(handler("backoffBase", "10ms")
                        .access(new TestRequest("b5"), ANA)
                        .status())
                .isEqualTo(Status.DONE);
        assertThat(context.apiCalls.get()).isEqualTo(2);
    }

    @Test
    void a_body_cut_off_midway_is_retried_not_taken_for_an_answer() {
        stub.fail(
                1,
                new MockResponse.Builder()
                        .setHeader("Content-Type", "application/json; charset=utf-8")
                        .body("{\"id\":\"ee63465620787644e046e9465740f293\",\"email_address\":\"ana@exa")
                        .onResponseBody(new SocketEffect.CloseSocket())
                        .build());
        assertThat(handler("backoffBase", "10ms")
                        .access(new TestRequest("b6"), ANA)
                        .items())
                .as("the second, whole answer is exported")
                .anyMatch(i -> "subscribed".equals(i.fields().get("status")));
        assertThat(context.apiCalls.get()).isEqualTo(2);
    }

    @Test
    void one_attempt_means_no_retry() {
        stub.fail(1, MailchimpStub.problem(502, "error-500.synthetic.json"));
        assertThatThrownBy(() -> handler("maxAttempts", "1").access(new TestRequest("b6"), ANA))
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("HTTP 502", "after 1 attempt");
                });
        assertThat(stub.requestLines()).hasSize(1);
    }
}
