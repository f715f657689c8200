package io.sitelens.connector.ga4;

import static java.util.Objects.requireNonNull;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import io.sitelens.connector.ga4.internal.Ga4Calls;
import io.sitelens.connector.ga4.internal.Ga4Clients;
import io.sitelens.connector.ga4.internal.Ga4Credentials;
import io.sitelens.connector.ga4.internal.Ga4Settings;
import io.sitelens.connector.ga4.internal.ReportPlan;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.ConnectorCapability;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnectorFactory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@code ga4} connectors. Settings: {@code propertyId} (required: {@code 123} or
 * {@code properties/123}), {@code endpoint} (the Data API base URL, for proxies and local stubs; plain
 * {@code http://} only on loopback), {@code adminEndpoint}, {@code maxConcurrentRequests} (1..10, default 10),
 * {@code maxQuotaWait} (default 61m). Secret: {@code credentials}, a service-account (or authorized-user) JSON
 * key; without it, credentials the host gave {@link #withCredentials} or else Application Default Credentials.
 *
 * <p>Connectors of one factory share one concurrency limit per property.
 */
public final class Ga4ConnectorFactory implements MetricConnectorFactory {
    public static final String ID = "ga4";

    private final @Nullable GoogleCredentials hostCredentials;
    private final long maxRowsPerRequest;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    /** A factory using each binding's {@code credentials} secret, or Application Default Credentials. */
    public Ga4ConnectorFactory() {
        this(null, ReportPlan.MAX_ROWS_PER_REQUEST);
    }

    private Ga4ConnectorFactory(@Nullable GoogleCredentials hostCredentials, long maxRowsPerRequest) {
        this.hostCredentials = hostCredentials;
        this.maxRowsPerRequest = maxRowsPerRequest;
    }

    /**
     * A factory whose connectors all use {@code credentials} (the host's own), whatever the bindings say. Scopes
     * are added per call when the credentials need them.
     */
    public static Ga4ConnectorFactory withCredentials(GoogleCredentials credentials) {
        return new Ga4ConnectorFactory(requireNonNull(credentials, "credentials"), ReportPlan.MAX_ROWS_PER_REQUEST);
    }

    /**
     * A copy that asks for at most {@code rows} rows a request instead of GA4's 250,000 (for tests and for
     * hosts that prefer smaller responses).
     */
    public Ga4ConnectorFactory withMaxRowsPerRequest(long rows) {
        if (rows < 1 || rows > ReportPlan.MAX_ROWS_PER_REQUEST) {
            throw new IllegalArgumentException("rows must be within 1..250000, got " + rows);
        }
        return new Ga4ConnectorFactory(hostCredentials, rows);
    }

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
                ConnectorCapability.CONVERSIONS,
                ConnectorCapability.REALTIME,
                ConnectorCapability.GA4_EVENTS);
    }

    @Override
    public List<String> settingKeys() {
        return Ga4Settings.SETTING_KEYS;
    }

    @Override
    public List<String> secretKeys() {
        return List.of(Ga4Settings.CREDENTIALS);
    }

    @Override
    public Ga4Connector create(ConnectorConfig config, PluginContext context) {
        Ga4Settings settings = Ga4Settings.from(config);
        HttpTransport transport = Ga4Clients.transport(context.http());
        Ga4Credentials credentials = Ga4Credentials.of(config, hostCredentials, transport);
        Backoff backoff = new Backoff(
                Duration.ofMillis(500), Duration.ofSeconds(30), context.http().maxRetries() + 1);
        Ga4Calls calls = new Ga4Calls(
                ID,
                settings,
                credentials,
                backoff,
                context.clock(),
                context.usage(),
                context.logger(Ga4Connector.class));
        Semaphore p = permits.computeIfAbsent(
                settings.propertyId(), id -> new Semaphore(settings.maxConcurrentRequests(), true));
        return new Ga4Connector(
                config.bindingId(),
                settings,
                credentials,
                context.http(),
                transport,
                calls,
                context.clock(),
                p,
                maxRowsPerRequest,
                context.logger(Ga4Connector.class));
    }

    @Override
    public String toString() {
        return "Ga4ConnectorFactory[" + (hostCredentials == null ? "binding credentials" : "host credentials") + "]";
    }
}
