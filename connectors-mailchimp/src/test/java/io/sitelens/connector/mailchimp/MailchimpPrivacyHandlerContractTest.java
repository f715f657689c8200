package io.sitelens.connector.mailchimp;

import io.sitelens.model.DataSubject;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.tck.privacy.PrivacyRightsHandlerContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;

/** The privacy-handler contract kit against the stateful Mailchimp stub (every audience in scope). */
class MailchimpPrivacyHandlerContractTest extends PrivacyRightsHandlerContract {
    private MailchimpStub stub;
    private MockWebServer server;

    @Override
    protected PrivacyRightsHandler handler() {
        stub = new MailchimpStub().list("a1b2c3d4e5", "Newsletter").list("f6e5d4c3b2", "Customers");
        server = new MockWebServer();
        server.setDispatcher(stub);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Handlers.against(server, MailchimpStub.KEY, new TestContext(), Map.of());
    }

    @Override
    protected DataSubject knownSubject() {
        return DataSubject.of(SubjectIdentity.parse("email:ana@example.org"));
    }

    @Override
    protected void seedKnownSubject() {
        stub.member("a1b2c3d4e5", "ana@example.org", "subscribed").member("f6e5d4c3b2", "ana@example.org", "pending");
    }

    @Override
    protected Map<String, String> rectification() {
        return Map.of("email_address", "ana.maria@example.org", "merge_fields.FNAME", "Ana Maria");
    }

    @Override
    protected DataSubject subjectAfterRectification() {
        return DataSubject.of(SubjectIdentity.parse("email:ana.maria@example.org"));
    }

    @AfterEach
    void stop() {
        server.close();
    }
}
