package io.sitelens.connector.ga4;

import static java.util.Objects.requireNonNull;

import com.google.auth.oauth2.GoogleCredentials;
import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The GA4 plugin: the {@code ga4} metric connector and the {@code ga4} privacy handler (user deletion). Found
 * by {@link java.util.ServiceLoader}; a host that supplies its own Google credentials registers
 * {@link #withCredentials} explicitly instead.
 */
public final class Ga4Plugin implements SitelensPlugin {
    private final Ga4ConnectorFactory connectors;
    private final Ga4PrivacyHandlerFactory privacy;

    public Ga4Plugin() {
        this(null);
    }

    private Ga4Plugin(@Nullable GoogleCredentials credentials) {
        this.connectors =
                credentials == null ? new Ga4ConnectorFactory() : Ga4ConnectorFactory.withCredentials(credentials);
        this.privacy = new Ga4PrivacyHandlerFactory(credentials);
    }

    /** A plugin whose connectors and handlers use the host's credentials. */
    public static Ga4Plugin withCredentials(GoogleCredentials credentials) {
        return new Ga4Plugin(requireNonNull(credentials, "credentials"));
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public String name() {
        return "ga4";
    }

    @Override
    public List<MetricConnectorFactory> connectors() {
        return List.of(connectors);
    }

    @Override
    public List<PrivacyRightsHandlerFactory> privacyHandlers() {
        return List.of(privacy);
    }
}
