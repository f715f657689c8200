package io.sitelens.connector.file;

import io.sitelens.connector.file.internal.FileNames;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;
import java.util.Set;

/**
 * Makes {@link FileConnector}s. Settings:
 *
 * <ul>
 *   <li>{@code path} (required): a CSV file, or a directory whose {@code *.csv} files are read (in name
 *       order). A relative path is resolved against the process's working directory; hosts that read a
 *       config file resolve it against that file before binding.
 *   <li>{@code dateColumn}: the date column's header (default: {@code date} or {@code day}).
 *   <li>{@code pageColumn}: the page column's header (default: {@code page}, {@code page path},
 *       {@code page path and screen class}, {@code url}, …; files without one hold the site-wide series).
 *   <li>{@code ignoreColumns}: comma-separated headers to skip.
 *   <li>{@code maxBytes}: the largest file accepted (default 256 MiB).
 * </ul>
 */
public final class FileConnectorFactory implements MetricConnectorFactory {
    /** The provider id. */
    public static final String ID = FileNames.PROVIDER;

    static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    static final int MAX_FILES = 1000;

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
        return List.of("path", "dateColumn", "pageColumn", "ignoreColumns", "maxBytes");
    }

    @Override
    public List<String> secretKeys() {
        return List.of();
    }

    @Override
    public MetricConnector create(ConnectorConfig config, PluginContext context) {
        return FileConnector.open(config, context);
    }
}
