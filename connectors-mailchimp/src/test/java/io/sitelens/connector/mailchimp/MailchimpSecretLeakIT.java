package io.sitelens.connector.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.sitelens.SitelensException;
import io.sitelens.connector.mailchimp.internal.MemberHash;
import io.sitelens.model.DataSubject;
import io.sitelens.model.Purpose;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every log line (at TRACE), result message and exception message of a busy session — retries, a refused
 * key, server errors, all four rights — is free of the API key (whole, its secret part, its basic-auth form) and
 * of the subject's address and subscriber hash.
 */
class MailchimpSecretLeakIT {
    static final String ANA = "ana@example.org";

    final MailchimpStub stub = new MailchimpStub()
            .list("a1b2c3d4e5", "Newsletter")
            .list("f6e5d4c3b2", "Customers")
            .member("a1b2c3d4e5", ANA, "subscribed")
            .member("f6e5d4c3b2", ANA, "subscribed");
    final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level rootLevel;
    MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        captured.start();
        root.addAppender(captured);
        server = new MockWebServer();
        server.setDispatcher(stub);
        server.start();
    }

    @AfterEach
    void stop() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        server.close();
    }

    @Test
    void the_key_and_the_address_never_reach_a_log_line_or_a_message() {
        List<String> texts = new ArrayList<>();
        DataSubject ana = DataSubject.of(SubjectIdentity.parse("email:" + ANA));
        PrivacyRightsHandler h =
                Handlers.against(server, MailchimpStub.KEY, new TestContext(), Map.of("maxAttempts", "2"));

        stub.fail(1, MailchimpStub.tooManyRequests(0));
        texts.add(h.access(new TestRequest("l1"), ana).message());
        texts.add(h.object(new TestRequest("l2"), ana, Purpose.MARKETING).message());
        texts.add(h.rectify(new TestRequest("l3"), ana, Map.of("merge_fields.FNAME", "Ana Maria"))
                .message());
        stub.failOn("POST", "/lists/f6e5d4c3b2/", 2, MailchimpStub.problem(500, "error-500.synthetic.json"));
        texts.add(h.erase(new TestRequest("l4"), ana).message());
        stub.fail(2, MailchimpStub.problem(500, "error-500.synthetic.json"));
        texts.add(messageOf(() -> h.access(new TestRequest("l5"), ana)));
        stub.acceptKey("another-key-us6");
        texts.add(messageOf(() -> h.erase(new TestRequest("l6"), ana)));

        for (ILoggingEvent e : captured.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        assertThat(captured.list)
                .as("the client logs its calls and retries, so this test reads real lines")
                .anyMatch(e -> e.getFormattedMessage().contains("GET lists/a1b2c3d4e5/members/{hash}"))
                .anyMatch(e ->
                        e.getLevel() == Level.WARN && e.getFormattedMessage().contains("retrying in"));
        String basic =
                Base64.getEncoder().encodeToString(("sitelens:" + MailchimpStub.KEY).getBytes(StandardCharsets.UTF_8));
        assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t)
                .doesNotContain(MailchimpStub.KEY)
                .doesNotContain("0123456789abcdef")
                .doesNotContain(basic)
                .doesNotContain(ANA)
                .doesNotContain(MemberHash.of(ANA)));
    }

    private static String messageOf(Supplier<HandlerResult> call) {
        try {
            return call.get().message();
        } catch (SitelensException e) {
            return e.getMessage();
        }
    }
}
