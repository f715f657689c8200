package io.sitelens.connector.gtm;

import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.util.List;
import java.util.Set;

/**
 * Makes {@link GtmConnector}s (provider id {@code gtm}). A binding names its container either as an export
 * file ({@code exportFile}) or through the Tag Manager API ({@code accountId}, {@code containerId}, optionally
 * {@code workspaceId}; secret {@code credentials} = a service-account key's JSON, or secret {@code accessToken}).
 * Event numbers come from the project's binding with {@link ConnectorCapability#GA4_EVENTS}.
 */
public final class GtmConnectorFactory implements MetricConnectorFactory {
    public static final String ID = "gtm";

    /** Path of a container export file (exportFormatVersion 2). */
    public static final String EXPORT_FILE = "exportFile";

    public static final String ACCOUNT_ID = "accountId";
    public static final String CONTAINER_ID = "containerId";
    /** Read this workspace instead of the live (published) version. */
    public static final String WORKSPACE_ID = "workspaceId";
    /** Default {@value GtmApiClient#DEFAULT_BASE_URL}. */
    public static final String API_BASE_URL = "apiBaseUrl";
    /** Default 0.25. */
    public static final String REQUESTS_PER_SECOND = "requestsPerSecond";
    /** Secret: a Google service-account key file's JSON. */
    public static final String CREDENTIALS = "credentials";
    /** Secret: a ready OAuth access token, instead of {@link #CREDENTIALS}. */
    public static final String ACCESS_TOKEN = "accessToken";

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
        return Set.of(ConnectorCapability.TRACKING_PLAN);
    }

    @Override
    public List<String> settingKeys() {
        return List.of(EXPORT_FILE, ACCOUNT_ID, CONTAINER_ID, WORKSPACE_ID, API_BASE_URL, REQUESTS_PER_SECOND);
    }

    @Override
    public List<String> secretKeys() {
        return List.of(CREDENTIALS, ACCESS_TOKEN);
    }

    @Override
    public MetricConnector create(ConnectorConfig config, PluginContext context) {
        return GtmConnector.create(config, context);
    }

    @Override
    public String toString() {
        return "GtmConnectorFactory[" + ID + "]";
    }
}
