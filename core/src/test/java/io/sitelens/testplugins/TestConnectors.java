package io.sitelens.testplugins;

import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.connector.Catalog;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;
import java.util.Set;

/**
 * Connector factories for the discovery tests' plugins. The plugins are packed into throw-away jars at test
 * time (each jar with its own services file and only its own plugin class) and loaded through a class loader
 * that hides this package from the test class path, so each plugin really comes from its own jar.
 */
public final class TestConnectors {
    private TestConnectors() {}

    public static MetricConnectorFactory factory(String id, String spi) {
        return new MetricConnectorFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String spiVersion() {
                return spi;
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
                        return id;
                    }

                    @Override
                    public Catalog catalog() {
                        return new Catalog(List.of(), List.of());
                    }

                    @Override
                    public MetricTable query(MetricQuery query) {
                        return MetricTable.builder(query.dimensions(), query.metrics())
                                .build();
                    }
                };
            }
        };
    }
}
