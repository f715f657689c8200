package io.sitelens.connector.matomo;

import static io.sitelens.connector.matomo.Answers.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitelens.ErrorCategory;
import io.sitelens.ErrorCode;
import io.sitelens.RateLimitedException;
import io.sitelens.SitelensException;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.connector.MetricConnector;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every way Matomo says no, and what a user gets from it. */
class MatomoErrorsIT {
    private static final DateRange WEEK = DateRange.of(LocalDate.of(2010, 1, 3), LocalDate.of(2010, 1, 9));
    private static final JsonNode VISITS_BY_DAY = tree(FakeMatomo.fixture("VisitsSummary.get_days.derived.json"));
    private static final String MEMORY =
            "Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)";

    private final FakeMatomo matomo = new FakeMatomo();
    private final TestContext context = new TestContext();
    private MockWebServer server;
    private MetricConnector connector;

    private MetricConnector connect(Map<String, String> settings) {
        server = Servers.start(matomo);
        connector = new MatomoConnectorFactory().create(Servers.config(server, settings), context);
        return connector;
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            connector.close();
        }
        server.close();
    }

    private static MetricQuery sessionsByDay(DateRange range) {
        return MetricQuery.builder(range)
                .metric(MetricName.SESSIONS)
                .dimension(DimensionName.DATE)
                .build();
    }

    private static MockResponse visitsFor(FakeMatomo.Call c) {
        return FakeMatomo.json(200, Answers.daysOf(VISITS_BY_DAY, c).toString());
    }

    @Nested
    class NotRetried {
        @Test
        void http_401_is_an_authentication_error_naming_the_matomo_url() {
            matomo.http(
                    "VisitsSummary.get",
                    c -> FakeMatomo.json(
                            401,
                            FakeMatomo.error("You can't access this resource as it requires 'view' access for the"
                                    + " website id = 1.")));
            MetricConnector c = connect(Map.of());
            assertThatThrownBy(() -> c.query(sessionsByDay(WEEK)))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
                        assertThat(e.providerId()).isEqualTo("matomo");
                        assertThat(e.getMessage())
                                .contains(server.url("/analytics/").toString(), "token", "site 1", "view");
                        assertThat(e.retryable()).isFalse();
                    });
            assertThat(matomo.requests).as("a refused token is not retried").hasSize(1);
        }

        @Test
        void an_unknown_method_answered_with_400_is_a_clear_error() {
            // the fake answers an unanswered method as Matomo does: HTTP 400 and "does not exist or is not available"
            MetricConnector c = connect(Map.of());
            assertThatThrownBy(() -> c.query(MetricQuery.builder(WEEK)
                            .metric(MetricName.EVENT_COUNT)
                            .build()))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode().code()).isEqualTo("external.unknown-method");
                        assertThat(e.getMessage()).contains("Events.getCategory", "plugin activated");
                    });
            assertThat(matomo.requests).hasSize(1);
        }

        @Test
        void a_result_error_in_a_200_carries_matomos_message() {
            String body = FakeMatomo.fixture("CoreUpdater_CoreUpdaterDb_CoreUpdater.API.ErrorMessageJSON.txt");
            matomo.http("VisitsSummary.get", c -> FakeMatomo.json(200, body));
            MetricConnector c = connect(Map.of());
            assertThatThrownBy(() -> c.query(sessionsByDay(WEEK)))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_REJECTED);
                        assertThat(e.getMessage()).contains("Database Upgrade Required", "VisitsSummary.get");
                    });
            assertThat(matomo.requests).hasSize(1);
        }

        @Test
        void a_redirect_is_not_followed_because_it_would_drop_the_post_body() {
            matomo.http("VisitsSummary.get", c -> new MockResponse.Builder()
                    .code(301)
                    .setHeader("Location", "https://elsewhere.example/")
                    .build());
            MetricConnector c = connect(Map.of());
            assertThatThrownBy(() -> c.query(sessionsByDay(WEEK)))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIG_INVALID);
                        assertThat(e.getMessage()).contains("redirected", "baseUrl");
                    });
        }

        @Test
        void an_html_page_instead_of_json_is_a_malformed_response() {
            matomo.http("VisitsSummary.get", c -> new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "text/html")
                    .body("<html><body>Sign in</body></html>")
                    .build());
            MetricConnector c = connect(Map.of());
            assertThatThrownBy(() -> c.query(sessionsByDay(WEEK)))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_MALFORMED);
                        assertThat(e.getMessage()).contains("not JSON", "HTML page");
                    });
        }

        @Test
        void an_answer_larger_than_the_limit_is_refused() {
            matomo.http("VisitsSummary.get", MatomoErrorsIT::visitsFor);
            MetricConnector c = connect(Map.of("maxResponseBytes", "1024"));
            assertThatThrownBy(() -> c.query(sessionsByDay(WEEK)))
                    .isInstanceOfSatisfying(SitelensException.class, e -> assertThat(e.getMessage())
                            .contains("more than 1024 bytes"));
        }
    }

    @Nested
    class Retried {
        @Test
        void server_errors_are_retried_with_backoff_and_every_attempt_is_metered() {
            AtomicInteger n = new AtomicInteger();
            matomo.http(
                    "VisitsSummary.get",
                    c -> n.incrementAndGet() <= 2 ? FakeMatomo.json(503, "Service Unavailable") : visitsFor(c));
            MetricTable t = connect(Map.of()).query(sessionsByDay(WEEK));
            assertThat(t.rows()).hasSize(7);
            assertThat(matomo.requests).hasSize(3);
            assertThat(context.used(UsageKind.API_CALL)).isEqualTo(3);
            assertThat(context.logger.lines)
                    .filteredOn(l -> l.startsWith("WARN"))
                    .hasSize(2);
        }

        @Test
        void retries_are_bounded_and_end_in_a_retryable_unavailable_error() {
            matomo.http("VisitsSummary.get", c -> FakeMatomo.json(500, "oops"));
            MetricConnector c = connect(Map.of("maxRetries", "3"));
            assertThatThrownBy(() -> c.query(sessionsByDay(WEEK)))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_UNAVAILABLE);
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.category()).isEqualTo(ErrorCategory.EXTERNAL);
                        assertThat(e.getMessage()).contains("HTTP 500");
                    });
            assertThat(matomo.requests).hasSize(4);
        }

        @Test
        void a_timeout_is_retried_and_then_reported_as_a_timeout() {
            AtomicInteger n = new AtomicInteger();
            matomo.http(
                    "VisitsSummary.get",
                    c -> n.incrementAndGet() == 1
                            ? new MockResponse.Builder()
                                    .headersDelay(2, TimeUnit.SECONDS)
                                    .body("{}")
                                    .build()
                            : visitsFor(c));
            MetricTable t = connect(Map.of("readTimeout", "300ms")).query(sessionsByDay(WEEK));
            assertThat(t.rows()).hasSize(7);
            assertThat(matomo.requests).hasSize(2);

            matomo.http("VisitsSummary.get", c -> new MockResponse.Builder()
                    .headersDelay(2, TimeUnit.SECONDS)
                    .body("{}")
                    .build());
            assertThatThrownBy(() -> connector.query(sessionsByDay(WEEK)))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.EXTERNAL_TIMEOUT);
                        assertThat(e.getMessage()).contains("did not answer", "in time");
                    });
        }

        @Test
        void http_429_waits_as_asked_and_retries() {
            AtomicInteger n = new AtomicInteger();
            matomo.http(
                    "VisitsSummary.get",
                    c -> n.incrementAndGet() == 1
                            ? new MockResponse.Builder()
                                    .code(429)
                                    .setHeader("Retry-After", "1")
                                    .build()
                            : visitsFor(c));
            long start = System.nanoTime();
            MetricTable t = connect(Map.of()).query(sessionsByDay(WEEK));
            assertThat(t.rows()).hasSize(7);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(900);
        }

        @Test
        void rate_limiting_that_never_ends_is_a_rate_limited_exception() {
            matomo.http(
                    "VisitsSummary.get",
                    c -> new MockResponse.Builder().code(429).body("slow down").build());
            MetricConnector c = connect(Map.of("maxRetries", "1"));
            assertThatThrownBy(() -> c.query(sessionsByDay(WEEK))).isInstanceOf(RateLimitedException.class);
        }
    }

    @Nested
    class MemoryExhausted {
        @Test
        void a_memory_error_on_a_long_range_splits_the_range_until_matomo_copes() {
            matomo.answer("VisitsSummary.get", c -> {
                String[] ends = c.params().get("date").split(",");
                long days =
                        LocalDate.parse(ends[0]).until(LocalDate.parse(ends[1])).getDays() + 1;
                return days > 2
                        ? FakeMatomo.error(MEMORY)
                        : Answers.daysOf(VISITS_BY_DAY, c).toString();
            });
            MetricTable t = connect(Map.of()).query(sessionsByDay(WEEK));
            assertThat(t.rows()).hasSize(7);
            assertThat(t.rows()).extracting(r -> r.value(0)).containsExactly(2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
            assertThat(t.notes()).isEmpty();
            assertThat(matomo.calls("VisitsSummary.get"))
                    .extracting(c -> c.params().get("date"))
                    .startsWith("2010-01-03,2010-01-09")
                    .contains("2010-01-03,2010-01-05", "2010-01-04,2010-01-05", "2010-01-08,2010-01-09");
        }

        @Test
        void a_php_fatal_error_page_with_http_500_is_recognised_and_split_not_retried_as_is() {
            matomo.http("VisitsSummary.get", c -> {
                String[] ends = c.params().get("date").split(",");
                return ends[0].equals("2010-01-03") && ends[1].equals("2010-01-09")
                        ? new MockResponse.Builder()
                                .code(500)
                                .setHeader("Content-Type", "text/html")
                                .body("<br />\n<b>Fatal error</b>: " + MEMORY
                                        + " in <b>/var/www/core/DataTable.php</b>")
                                .build()
                        : visitsFor(c);
            });
            // the two halves come back in one bulk request, whose sub-requests Matomo answers normally
            matomo.answer(
                    "VisitsSummary.get", c -> Answers.daysOf(VISITS_BY_DAY, c).toString());
            MetricTable t = connect(Map.of()).query(sessionsByDay(WEEK));
            assertThat(t.rows()).hasSize(7);
            assertThat(matomo.requests)
                    .as("no retry of the same request: one try, then one bulk of two halves")
                    .hasSize(2);
        }

        @Test
        void page_windows_split_by_days_then_by_page_size() {
            JsonNode rows = tree(FakeMatomo.fixture("Actions.getPageUrls_flat.derived.json"));
            matomo.answer("Actions.getPageUrls", c -> {
                boolean oneDay = !c.params().get("date").contains(",")
                        || c.params()
                                .get("date")
                                .split(",")[0]
                                .equals(c.params().get("date").split(",")[1]);
                boolean small = Integer.parseInt(c.params().get("filter_limit")) <= 2;
                return oneDay && small ? Answers.pagedRows(rows).apply(c) : FakeMatomo.error(MEMORY);
            });
            MetricTable t = connect(Map.of("windowDays", "2", "pageSize", "4"))
                    .query(MetricQuery.builder(DateRange.of(LocalDate.of(2010, 3, 1), LocalDate.of(2010, 3, 2)))
                            .metric(MetricName.PAGE_VIEWS)
                            .dimensions(List.of(DimensionName.DATE, DimensionName.PAGE))
                            .build());
            assertThat(t.rows()).hasSize(6);
            assertThat(t.notes()).isEmpty();
        }

        @Test
        void a_memory_error_on_one_period_cannot_be_split_and_says_how_to_ask_instead() {
            matomo.answer("VisitsSummary.get", c -> FakeMatomo.error(MEMORY));
            MetricConnector c = connect(Map.of());
            assertThatThrownBy(() -> c.query(MetricQuery.builder(WEEK)
                            .metric(MetricName.SESSIONS)
                            .build()))
                    .isInstanceOfSatisfying(SitelensException.class, e -> {
                        assertThat(e.errorCode().code()).isEqualTo("external.matomo-memory-exhausted");
                        assertThat(e.getMessage()).contains("ran out of memory", "ask by date");
                    });
        }
    }
}
