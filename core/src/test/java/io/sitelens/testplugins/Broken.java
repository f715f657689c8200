package io.sitelens.testplugins;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;

/** Throws while being constructed, as a plugin with a missing dependency would. */
public final class Broken implements SitelensPlugin {
    public Broken() {
        throw new IllegalStateException("missing configuration file acme.properties");
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of();
    }
}
