package io.sitelens.example;

import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;
import java.util.Set;

/** Makes {@link ExampleConnector}s: settings {@code pages} and {@code seed}, secret {@code apiKey}. */
public final class ExampleConnectorFactory implements MetricConnectorFactory {
    public static final String ID = "example";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        return Set.of(ConnectorCapability.SITE_SERIES, ConnectorCapability.PAGE_METRICS);
    }

    @Override
    public List<String> settingKeys() {
        return List.of("pages", "seed");
    }

    @Override
    public List<String> secretKeys() {
        return List.of("apiKey");
    }

    @Override
    public MetricConnector create(ConnectorConfig config, PluginContext context) {
        int pages = config.integer("pages", 5);
        if (pages < 1 || pages > 10_000) {
            throw config.invalid("pages", "must be within 1..10000, got " + pages);
        }
        return new ExampleConnector(config, context, pages, config.longValue("seed", 42));
    }
}
