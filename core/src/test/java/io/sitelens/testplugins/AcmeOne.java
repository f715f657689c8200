package io.sitelens.testplugins;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;

/** Contributes connector "acme". */
public final class AcmeOne implements SitelensPlugin {

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of(TestConnectors.factory("acme", SitelensSpi.VERSION));
    }
}
