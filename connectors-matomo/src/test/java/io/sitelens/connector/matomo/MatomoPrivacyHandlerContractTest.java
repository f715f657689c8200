package io.sitelens.connector.matomo;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DataSubject;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.tck.privacy.PrivacyRightsHandlerContract;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;

/**
 * The privacy-handler contract kit against a local Matomo that answers with the real PrivacyManager outputs of
 * Matomo's test suite and forgets the subject once {@code deleteDataSubjects} ran.
 */
class MatomoPrivacyHandlerContractTest extends PrivacyRightsHandlerContract {
    private final FakeMatomo matomo = new FakeMatomo();
    private final AtomicBoolean erased = new AtomicBoolean();
    private MockWebServer server;

    @Override
    protected PrivacyRightsHandler handler() {
        server = Servers.start(matomo);
        return new MatomoPrivacyHandlerFactory()
                .create(
                        ConnectorBinding.of("analytics", "matomo", Map.of()),
                        Servers.config(server, Map.of("siteId", "5")),
                        new TestContext())
                .orElseThrow();
    }

    @Override
    protected DataSubject knownSubject() {
        return DataSubject.of(SubjectIdentity.parse("matomo-user:userId209"));
    }

    @Override
    protected void seedKnownSubject() {
        String visits = FakeMatomo.fixture("PrivacyManager.findDataSubjects.derived.json");
        matomo.answer(
                        "PrivacyManager.findDataSubjects",
                        c -> !erased.get() && c.params().get("segment").equals("userId==userId209") ? visits : "[]")
                .answer("PrivacyManager.exportDataSubjects", "PrivacyManager_exportDataSubject_oneVisitGiven.json")
                // synthetic: rows deleted per log table
                .answer("PrivacyManager.deleteDataSubjects", c -> {
                    erased.set(true);
                    return "{\"log_visit\":4,\"log_link_visit_action\":11}";
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }
}
