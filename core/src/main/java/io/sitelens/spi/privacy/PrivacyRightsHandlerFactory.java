package io.sitelens.spi.privacy;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.connector.ConnectorConfig;
import java.util.Optional;

/**
 * Makes a {@link PrivacyRightsHandler}. Handlers of connectors (Matomo, GA4) are made per binding from the
 * binding's config; stand-alone handlers (Mailchimp) from their own config.
 */
public interface PrivacyRightsHandlerFactory {

    /** The handler id; for a connector's handler, the provider id. */
    String id();

    String spiVersion();

    /**
     * A handler for a project's binding of this provider, or empty if this factory does not serve the binding
     * (another provider, or no privacy configuration).
     */
    Optional<PrivacyRightsHandler> create(ConnectorBinding binding, ConnectorConfig config, PluginContext context);
}
