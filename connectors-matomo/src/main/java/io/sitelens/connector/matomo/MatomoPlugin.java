package io.sitelens.connector.matomo;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.util.List;

/** The Matomo plugin: a metric connector and a privacy-rights handler, both with provider id {@code matomo}. */
public final class MatomoPlugin implements SitelensPlugin {

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public String name() {
        return "matomo";
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of(new MatomoConnectorFactory());
    }

    @Override
    public List<PrivacyRightsHandlerFactory> privacyHandlers() {
        return List.of(new MatomoPrivacyHandlerFactory());
    }
}
