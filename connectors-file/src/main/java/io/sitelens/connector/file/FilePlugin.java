package io.sitelens.connector.file;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;

/** The file plugin: one connector, {@code file}. Declared in {@code META-INF/services}. */
public final class FilePlugin implements SitelensPlugin {
    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public String name() {
        return "file";
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of(new FileConnectorFactory());
    }
}
