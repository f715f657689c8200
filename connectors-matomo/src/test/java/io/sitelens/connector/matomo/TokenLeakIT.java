package io.sitelens.connector.matomo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token (and the proxy password) travel only in the POST body and the Authorization header: never in a URL,
 * a log line, an exception message or a toString — even when Matomo echoes the token back in its answers.
 */
class TokenLeakIT {
    private static final DateRange WEEK = DateRange.of(LocalDate.of(2010, 1, 3), LocalDate.of(2010, 1, 9));
    private static final String ENCODED = URLEncoder.encode(Servers.TOKEN, StandardCharsets.UTF_8);

    private final FakeMatomo matomo = new FakeMatomo();
    private final TestContext context = new TestContext();
    private final List<String> seen = new ArrayList<>();
    private MockWebServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void no_secret_leaks_through_urls_logs_errors_or_to_string() {
        AtomicInteger n = new AtomicInteger();
        String echo = "Invalid token_auth " + Servers.TOKEN + " / " + ENCODED + " / " + Servers.PASSWORD;
        matomo.http("VisitsSummary.get", c -> switch (n.incrementAndGet()) {
                    case 1 -> FakeMatomo.json(500, echo);
                    case 2 ->
                        new MockResponse.Builder()
                                .headersDelay(1, TimeUnit.SECONDS)
                                .body("{}")
                                .build();
                    case 3 -> FakeMatomo.json(401, FakeMatomo.error(echo));
                    case 4 -> FakeMatomo.json(200, FakeMatomo.error(echo));
                    default -> FakeMatomo.json(400, FakeMatomo.error(echo));
                })
                .answer("Actions.get", c -> FakeMatomo.error(echo))
                .answer("Goals.get", c -> FakeMatomo.error(echo));
        server = Servers.start(matomo);
        ConnectorConfig config =
                Servers.config(server, Map.of("readTimeout", "300ms", "maxRetries", "1", "basicAuthUser", "proxyuser"));
        MetricConnector connector = new MatomoConnectorFactory().create(config, context);

        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            MetricQuery sessions = MetricQuery.builder(WEEK)
                    .metric(MetricName.SESSIONS)
                    .dimension(DimensionName.DATE)
                    .build();
            attempt(connector, sessions); // 500 then a timeout: retries exhausted
            attempt(connector, sessions); // 401 echoing the token
            attempt(connector, sessions); // result:error in a 200 echoing the token
            attempt(connector, sessions); // 400 echoing the token
            attempt(
                    connector,
                    MetricQuery.builder(WEEK) // a bulk whose every sub-request echoes the token
                            .metric(MetricName.PAGE_VIEWS)
                            .metric(MetricName.CONVERSIONS)
                            .build());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            connector.close();
        }
        seen.add(console.toString(StandardCharsets.UTF_8));
        seen.addAll(context.logger.lines);
        seen.add(connector.toString());
        seen.add(config.toString());
        seen.add(new MatomoConnectorFactory().toString());

        assertThat(matomo.requests).hasSizeGreaterThanOrEqualTo(6);
        for (FakeMatomo.Http r : matomo.requests) {
            seen.add(r.path() + "?" + r.query());
            assertThat(r.form()).as("the token is in every POST body").containsEntry("token_auth", Servers.TOKEN);
            assertThat(r.auth()).as("basic auth for the proxy").startsWith("Basic ");
            r.form().forEach((k, v) -> {
                if (k.startsWith("urls[")) {
                    seen.add(v);
                }
            });
        }
        assertThat(seen).as("every error was seen").anyMatch(s -> s.contains("did not accept the token"));
        assertThat(context.logger.lines).as("retries were logged").isNotEmpty();
        for (String s : seen) {
            assertThat(s).doesNotContain(Servers.TOKEN).doesNotContain(ENCODED).doesNotContain(Servers.PASSWORD);
        }
    }

    private void attempt(MetricConnector connector, MetricQuery q) {
        try {
            seen.add(connector.query(q).notes().toString());
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                seen.add(t.toString());
                seen.add(String.valueOf(t.getMessage()));
            }
        }
    }
}
