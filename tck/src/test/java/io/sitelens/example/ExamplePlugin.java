package io.sitelens.example;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;

/**
 * The example plugin of docs/writing-a-plugin.md: one connector, declared in
 * {@code META-INF/services/io.sitelens.spi.SitelensPlugin}.
 */
public final class ExamplePlugin implements SitelensPlugin {
    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of(new ExampleConnectorFactory());
    }
}
