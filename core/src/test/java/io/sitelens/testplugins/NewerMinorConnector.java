package io.sitelens.testplugins;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;

/** A plugin of this SPI whose one connector was built for a newer minor version. */
public final class NewerMinorConnector implements SitelensPlugin {

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of(TestConnectors.factory("newer", "1.99"), TestConnectors.factory("fine", SitelensSpi.VERSION));
    }
}
