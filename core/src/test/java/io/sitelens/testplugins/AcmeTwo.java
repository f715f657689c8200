package io.sitelens.testplugins;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;

/** Also contributes connector "acme": a duplicate of {@link AcmeOne}, in another jar. */
public final class AcmeTwo implements SitelensPlugin {

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of(TestConnectors.factory("acme", SitelensSpi.VERSION));
    }
}
