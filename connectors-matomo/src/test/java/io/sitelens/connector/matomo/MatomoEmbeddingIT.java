package io.sitelens.connector.matomo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.DiscoveryMode;
import io.sitelens.Sitelens;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.SecretRef;
import io.sitelens.model.UsageKind;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.secret.EnvironmentSecretResolver;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connector as a host meets it: discovered by {@link Sitelens} from the class path, opened for a project's
 * binding with the token resolved through the host's resolver, its API calls recorded as the project's usage.
 */
class MatomoEmbeddingIT {
    private final FakeMatomo matomo = new FakeMatomo()
            .answer("VisitsSummary.get", "VisitsSummary.get_days.derived.json")
            .answer("API.getReportMetadata", "API.getReportMetadata_day.derived.json");
    private final MockWebServer server = Servers.start(matomo);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_discovered_connector_answers_through_the_projects_binding_and_meters_its_calls() {
        Sitelens sitelens = Sitelens.builder()
                .storage(new InMemoryStorageAdapter())
                .consentPolicy(StrictOptInConsentPolicy::new)
                .secretResolver(EnvironmentSecretResolver.create(Map.of("MATOMO_TOKEN", Servers.TOKEN), Path.of(".")))
                .discoverPlugins(DiscoveryMode.STRICT)
                .build();
        assertThat(sitelens.discoveryReport().problems()).isEmpty();
        Project project = Project.builder(ProjectKey.of("acme", "shop"), URI.create("https://shop.example.org/"))
                .binding(new ConnectorBinding(
                        "analytics",
                        "matomo",
                        Map.of("baseUrl", server.url("/").toString(), "siteId", "1"),
                        Map.of("token", SecretRef.parse("env:MATOMO_TOKEN"))))
                .build();

        MetricTable t;
        try (MetricConnector c = sitelens.openConnector(project, "analytics")) {
            assertThat(c.catalog().metric(MetricName.parse("matomo:nb_hits"))).isPresent();
            t = c.query(MetricQuery.builder(DateRange.of(LocalDate.of(2010, 1, 3), LocalDate.of(2010, 1, 9)))
                    .metric(MetricName.SESSIONS)
                    .metric(MetricName.parse("matomo:sum_visit_length"))
                    .dimension(DimensionName.DATE)
                    .build());
        }
        assertThat(t.rows()).hasSize(7);
        assertThat(t.rows().get(3).values()).containsExactly(1, 901);
        assertThat(matomo.requests).hasSize(2).allSatisfy(r -> assertThat(r.form())
                .containsEntry("token_auth", Servers.TOKEN));
        assertThat(sitelens.usage(project.key(), Instant.EPOCH, Instant.now().plusSeconds(60))
                        .total("matomo", UsageKind.API_CALL))
                .isEqualTo(2);
        assertThat(sitelens.connectorFactories().get("matomo").capabilities())
                .contains(ConnectorCapability.PAGE_METRICS);
        assertThat(sitelens.privacyHandlers()).containsKey("matomo");
    }
}
