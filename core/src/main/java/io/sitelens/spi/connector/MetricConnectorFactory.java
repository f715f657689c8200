package io.sitelens.spi.connector;

import io.sitelens.spi.PluginContext;
import java.util.List;
import java.util.Set;

/**
 * Makes {@link MetricConnector}s for one provider. A factory declares its id (a short lowercase string that
 * prefixes config keys and appears in every error message), its capabilities, the settings and secret keys
 * it reads, and the SPI version it was compiled against.
 */
public interface MetricConnectorFactory {

    /** The provider id: {@code [a-z][a-z0-9-]*}, such as {@code ga4}. */
    String id();

    /** Return {@link io.sitelens.spi.SitelensSpi#VERSION}. */
    String spiVersion();

    Set<ConnectorCapability> capabilities();

    /** The plain settings a binding may carry (such as {@code baseUrl}, {@code siteId}). */
    default List<String> settingKeys() {
        return List.of();
    }

    /** The settings that are secrets and must be written as references ({@code env:…}, {@code file:…}). */
    List<String> secretKeys();

    /**
     * Opens a connector for a binding. Validates the whole config at once, failing with
     * {@code config.invalid} naming every bad key; resolves no secret until a call needs it.
     */
    MetricConnector create(ConnectorConfig config, PluginContext context);
}
