package io.sitelens.example;

import io.sitelens.Sitelens;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.tck.connector.MetricConnectorContract;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The example connector runs the connector contract kit, opened the way a host opens any connector. */
class ExampleConnectorContractTest extends MetricConnectorContract {
    private static final String API_KEY = "example-api-key-123";

    @Override
    protected MetricConnectorFactory factory() {
        return new ExampleConnectorFactory();
    }

    @Override
    protected MetricConnector newConnector() {
        Sitelens sitelens = Sitelens.builder()
                .storage(new InMemoryStorageAdapter())
                .consentPolicy(StrictOptInConsentPolicy::new)
                .plugin(new ExamplePlugin())
                .secretResolver((tenant, ref) -> Optional.of(Secret.of(API_KEY)))
                .build();
        Project project = Project.builder(ProjectKey.of("acme", "www"), URI.create("https://www.example.org/"))
                .binding(new ConnectorBinding(
                        "stats", "example", Map.of("pages", "3"), Map.of("apiKey", SecretRef.parse("env:EXAMPLE_KEY"))))
                .build();
        return sitelens.openConnector(project, "stats");
    }

    @Override
    protected MetricQuery dailyQuery() {
        return MetricQuery.builder(DateRange.parse("2026-01-01", "2026-01-07"))
                .metrics(List.of(MetricName.PAGE_VIEWS, MetricName.BOUNCE_RATE))
                .dimensions(List.of(DimensionName.DATE, DimensionName.PAGE))
                .build();
    }

    @Override
    protected List<String> secretValues() {
        return List.of(API_KEY);
    }
}
