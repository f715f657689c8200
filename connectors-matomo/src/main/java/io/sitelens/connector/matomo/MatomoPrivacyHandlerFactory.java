package io.sitelens.connector.matomo;

import io.sitelens.connector.matomo.internal.MatomoPrivacyHandler;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.util.Optional;

/**
 * Makes the Matomo {@link PrivacyRightsHandler} of a project's {@code matomo} binding: access, portability and
 * erasure of a subject's visits, found by {@code matomo-visitor:ID} (16 hex characters) or
 * {@code matomo-user:ID}. The binding's token needs write access to the site (Matomo's GDPR tools ask for it).
 */
public final class MatomoPrivacyHandlerFactory implements PrivacyRightsHandlerFactory {

    @Override
    public String id() {
        return MatomoConnectorFactory.ID;
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public Optional<PrivacyRightsHandler> create(
            ConnectorBinding binding, ConnectorConfig config, PluginContext context) {
        if (!binding.providerId().equals(MatomoConnectorFactory.ID)) {
            return Optional.empty();
        }
        return Optional.of(new MatomoPrivacyHandler(MatomoConnectorFactory.client(config, context)));
    }
}
