package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitelens.Run;
import io.sitelens.Sitelens;
import io.sitelens.SyncOptions;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.DateRange;
import io.sitelens.model.MetricName;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.connector.MetricDescriptor;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.storage.RunRecord;
import io.sitelens.spi.storage.StorageAdapter;
import io.sitelens.storage.jdbc.JdbcStorage;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers, each with its own {@code Sitelens} and its own connection pool to one PostgreSQL schema (two
 * processes, in effect), sync one project together: every slice is fetched by exactly one of them.
 */
class SyncOnPostgresIT {
    static final String URL =
            System.getenv().getOrDefault("SITELENS_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path blobs;

    /** A provider that answers any daily query, recording each range asked, slowly enough to interleave. */
    static final class CountingPlugin implements SitelensPlugin {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String spiVersion() {
            return SitelensSpi.VERSION;
        }

        @Override
        public List<MetricConnectorFactory> connectors() {
            return List.of(new MetricConnectorFactory() {
                @Override
                public String id() {
                    return "counting";
                }

                @Override
                public String spiVersion() {
                    return SitelensSpi.VERSION;
                }

                @Override
                public Set<ConnectorCapability> capabilities() {
                    return Set.of(ConnectorCapability.SITE_SERIES);
                }

                @Override
                public List<String> secretKeys() {
                    return List.of();
                }

                @Override
                public MetricConnector create(ConnectorConfig config, PluginContext context) {
                    return new MetricConnector() {
                        @Override
                        public String providerId() {
                            return "counting";
                        }

                        @Override
                        public Catalog catalog() {
                            return new Catalog(
                                    List.of(new MetricDescriptor(MetricName.SESSIONS, "s", "Sessions", false)),
                                    List.of());
                        }

                        @Override
                        public MetricTable query(MetricQuery q) {
                            asked.add(q.range().start() + ".." + q.range().end());
                            try {
                                Thread.sleep(25);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            MetricTable.Builder t = MetricTable.builder(q.dimensions(), q.metrics());
                            for (LocalDate d : q.range()) {
                                t.row(List.of(d.toString()), d.getDayOfMonth());
                            }
                            return t.build();
                        }
                    };
                }
            });
        }
    }

    @Test
    void two_workers_on_postgresql_split_the_work() throws Exception {
        String schema = "sitelens_sync_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(URL)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            assumeTrue(
                    false,
                    "PostgreSQL tests skipped: cannot connect to " + URL + " (" + e.getMessage()
                            + "). Start PostgreSQL on 127.0.0.1:5432 with a database 'test' (trust auth), or set SITELENS_PG_URL.");
        }
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        CountingPlugin provider = new CountingPlugin();
        Project project = Project.builder(ProjectKey.of("acme", "www"), URI.create("https://www.example.org/"))
                .binding(ConnectorBinding.of("stats", "counting", Map.of()))
                .build();
        try (StorageAdapter first = JdbcStorage.postgres(url, null, blobs);
                StorageAdapter second = JdbcStorage.postgres(url, null, blobs);
                Sitelens a = Sitelens.builder()
                        .storage(first)
                        .consentPolicy(StrictOptInConsentPolicy::new)
                        .plugin(provider)
                        .build();
                Sitelens b = Sitelens.builder()
                        .storage(second)
                        .consentPolicy(StrictOptInConsentPolicy::new)
                        .plugin(provider)
                        .build()) {
            first.projects().put(project);
            SyncOptions options = SyncOptions.defaults("test").withSliceDays(7);
            Run r1 = a.startSync(project, options.withWorker("worker-1"));
            Run r2 = b.startSync(project, options.withWorker("worker-2"));
            assertThat(r1.await(Duration.ofMinutes(2)).status()).isEqualTo(RunRecord.Status.SUCCEEDED);
            assertThat(r2.await(Duration.ofMinutes(2)).status()).isEqualTo(RunRecord.Status.SUCCEEDED);
            long days = 0;
            for (String r : provider.asked) {
                String[] p = r.split("\\.\\.");
                days += DateRange.parse(p[0], p[1]).days();
            }
            assertThat(days)
                    .as("each of the 365 days fetched by one worker only: " + provider.asked)
                    .isEqualTo(365);
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            assertThat(second.metrics()
                            .series(project.key(), "stats", MetricName.SESSIONS, "", DateRange.lastDays(today, 365)))
                    .hasSize(365);
        } finally {
            try (Connection c = DriverManager.getConnection(URL)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
