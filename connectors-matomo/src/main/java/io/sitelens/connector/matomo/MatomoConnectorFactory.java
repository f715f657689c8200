package io.sitelens.connector.matomo;

import io.sitelens.connector.matomo.internal.MatomoClient;
import io.sitelens.connector.matomo.internal.MatomoConnector;
import io.sitelens.connector.matomo.internal.MatomoSettings;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Makes Matomo connectors (provider id {@code matomo}). Settings: {@code baseUrl}, {@code siteId}, optional
 * {@code connectTimeout}, {@code readTimeout}, {@code callTimeout}, {@code basicAuthUser}, {@code pageSize},
 * {@code windowDays}, {@code bulkSize}, {@code maxPages}, {@code maxRetries}, {@code retryBaseDelay},
 * {@code maxResponseBytes}. Secrets: {@code token} (required) and {@code basicAuthPassword} (with
 * {@code basicAuthUser}, for installs behind a proxy that asks for HTTP basic auth). See {@code docs/matomo.md}.
 */
public final class MatomoConnectorFactory implements MetricConnectorFactory {
    public static final String ID = "matomo";

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
        return EnumSet.of(
                ConnectorCapability.SITE_SERIES,
                ConnectorCapability.PAGE_METRICS,
                ConnectorCapability.PAGE_LIST,
                ConnectorCapability.EVENTS,
                ConnectorCapability.CONVERSIONS);
    }

    @Override
    public List<String> settingKeys() {
        return MatomoSettings.SETTING_KEYS;
    }

    @Override
    public List<String> secretKeys() {
        return MatomoSettings.SECRET_KEYS;
    }

    @Override
    public MetricConnector create(ConnectorConfig config, PluginContext context) {
        return new MatomoConnector(client(config, context), context.clock());
    }

    static MatomoClient client(ConnectorConfig config, PluginContext context) {
        MatomoSettings settings = MatomoSettings.from(config, context.http());
        return new MatomoClient(
                settings,
                context.http(),
                () -> config.secret(MatomoSettings.TOKEN),
                settings.basicAuthUser() == null ? null : () -> config.secret(MatomoSettings.BASIC_AUTH_PASSWORD),
                context.usage(),
                context.logger(MatomoClient.class));
    }

    @Override
    public String toString() {
        return "MatomoConnectorFactory[" + ID + "]";
    }
}
