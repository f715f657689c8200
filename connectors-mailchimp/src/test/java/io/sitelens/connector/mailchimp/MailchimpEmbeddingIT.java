package io.sitelens.connector.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.DiscoveryMode;
import io.sitelens.Sitelens;
import io.sitelens.UsageRecorder;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DataSubject;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SecretRef;
import io.sitelens.model.SubjectIdentity;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.privacy.HandlerResult;
import io.sitelens.spi.privacy.HandlerResult.Status;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import io.sitelens.spi.secret.EnvironmentSecretResolver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler as the privacy module meets it: discovered by {@link Sitelens} from the class path, made from a
 * project's binding with the secret resolved through the host's resolver, its API calls recorded as usage.
 */
class MailchimpEmbeddingIT {
    final MailchimpStub stub = new MailchimpStub()
            .list("a1b2c3d4e5", "Newsletter")
            .list("f6e5d4c3b2", "Customers")
            .member("a1b2c3d4e5", "ana@example.org", "subscribed")
            .member("f6e5d4c3b2", "ana@example.org", "subscribed");
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

    @Test
    void discovered_handler_erases_through_the_projects_binding_and_meters_its_calls() {
        InMemoryStorageAdapter storage = new InMemoryStorageAdapter();
        Sitelens sitelens = Sitelens.builder()
                .storage(storage)
                .consentPolicy(StrictOptInConsentPolicy::new)
                .secretResolver(EnvironmentSecretResolver.create(Map.of("MC_KEY", MailchimpStub.KEY), Path.of(".")))
                .discoverPlugins(DiscoveryMode.STRICT)
                .build();
        assertThat(sitelens.discoveryReport().problems()).isEmpty();
        PrivacyRightsHandlerFactory factory = sitelens.privacyHandlers().get("mailchimp");
        assertThat(factory)
                .as("MailchimpPlugin is found through META-INF/services")
                .isNotNull();

        ConnectorBinding binding = new ConnectorBinding(
                "newsletter",
                "mailchimp",
                Map.of("baseUrl", server.url("/3.0/").toString()),
                Map.of("apiKey", SecretRef.parse("env:MC_KEY")));
        Project project = Project.builder(ProjectKey.of("acme", "shop"), URI.create("https://shop.example.org/"))
                .binding(binding)
                .build();
        HandlerResult result;
        try (UsageRecorder usage = sitelens.usageRecorder(project.key(), "mailchimp")) {
            PrivacyRightsHandler handler = factory.create(
                            binding,
                            sitelens.connectorConfig(project, binding),
                            sitelens.pluginContext(project, "newsletter", usage))
                    .orElseThrow();
            result = handler.erase(
                    new TestRequest("dsr-1"), DataSubject.of(SubjectIdentity.parse("email:ana@example.org")));
        }

        assertThat(result.status()).isEqualTo(Status.DONE);
        assertThat(result.affected()).isEqualTo(2);
        assertThat(stub.memberCount("a1b2c3d4e5") + stub.memberCount("f6e5d4c3b2"))
                .isZero();
        // GET /lists, search-members, two member GETs, two deletions
        assertThat(sitelens.usage(project.key(), Instant.EPOCH, Instant.now().plusSeconds(60))
                        .total("mailchimp", UsageKind.API_CALL))
                .isEqualTo(stub.requestLines().size())
                .isEqualTo(6);
    }
}
