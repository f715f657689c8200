package io.sitelens;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DateRange;
import io.sitelens.model.DimensionName;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedding example of README.md, kept compiling and passing here. Keep both in step. */
class EmbeddingExampleTest {

    @Test
    void the_readme_example_runs() {
        // --- README example start ---
        try (Sitelens sitelens = Sitelens.builder()
                .storage(new InMemoryStorageAdapter()) // or JdbcStorage.embedded(dir) / JdbcStorage.postgres(...)
                .consentPolicy(StrictOptInConsentPolicy::new) // required: there is no allow-all default
                .discoverPlugins() // connectors, checks and insight providers found on the class path
                .build()) {

            Project project = Project.builder(ProjectKey.of("acme", "www"), URI.create("https://www.example.org/"))
                    .binding(ConnectorBinding.of("stats", "example", Map.of("pages", "3")))
                    .build();
            sitelens.storage().projects().put(project);

            try (MetricConnector stats = sitelens.openConnector(project, "stats")) {
                MetricTable table = stats.query(MetricQuery.builder(DateRange.parse("2026-01-01", "2026-01-31"))
                        .metric(MetricName.PAGE_VIEWS)
                        .metric(MetricName.BOUNCE_RATE) // a fraction in [0,1], whatever the provider sends
                        .dimension(DimensionName.PAGE)
                        .build());
                table.rows().forEach(row -> System.out.println(row.dimension(0) + " " + row.value(0)));
                // --- README example end ---
                assertThat(table.rows()).hasSize(3);
                assertThat(table.metrics()).containsExactly(MetricName.PAGE_VIEWS, MetricName.BOUNCE_RATE);
            }
        }
    }
}
