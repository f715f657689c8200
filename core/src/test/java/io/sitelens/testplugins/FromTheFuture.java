package io.sitelens.testplugins;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;

/** Built for a future major SPI version. */
public final class FromTheFuture implements SitelensPlugin {

    @Override
    public String spiVersion() {
        return "2.0";
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of(TestConnectors.factory("future", "2.0"));
    }
}
