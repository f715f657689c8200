package io.sitelens.connector.gtm;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;

/** The GTM plugin: one connector, {@code gtm}. Declared in {@code META-INF/services}. */
public final class GtmPlugin implements SitelensPlugin {
    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public String name() {
        return "gtm";
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of(new GtmConnectorFactory());
    }
}
