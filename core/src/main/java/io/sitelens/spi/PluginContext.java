package io.sitelens.spi;

import io.sitelens.SitelensException;
import io.sitelens.model.MetricQuery;
import io.sitelens.model.MetricTable;
import io.sitelens.model.ProjectKey;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.storage.BlobStore;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * What sitelens hands every plugin instance: the project it works for, HTTP settings, a clock, a usage meter
 * bound to this project and provider, a logger, blob storage, and access to the project's other bound
 * connectors by capability (so the GTM plugin can ask "the GA4 binding" for event counts without depending
 * on the GA4 module).
 *
 * <p>slf4j-api's {@link Logger} is the one third-party type allowed in an SPI signature: it is the
 * logging facade every library already uses, and it binds no backend.
 */
public interface PluginContext {

    ProjectKey project();

    HttpSettings http();

    Clock clock();

    UsageMeter usage();

    Logger logger(Class<?> type);

    BlobStore blobs();

    /** The first other binding of this project whose connector has {@code capability}, opened lazily. */
    Optional<MetricConnector> connectorWith(ConnectorCapability capability);

    /**
     * Runs {@code query} against the project's binding that has {@code capability}; fails with
     * {@code input.not-found} naming the capability when the project has none.
     */
    default MetricTable query(ConnectorCapability capability, MetricQuery query) {
        return connectorWith(capability)
                .orElseThrow(() -> new SitelensException(
                        io.sitelens.ErrorCode.NOT_FOUND,
                        "project " + project() + " has no connector binding with capability " + capability))
                .query(query);
    }
}
