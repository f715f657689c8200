package io.sitelens.connector.ga4;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import io.sitelens.connector.ga4.internal.Ga4Clients;
import io.sitelens.connector.ga4.internal.Ga4Credentials;
import io.sitelens.connector.ga4.internal.Ga4Settings;
import io.sitelens.connector.ga4.internal.Ga4UserDeletionHandler;
import io.sitelens.connector.ga4.internal.UserDeletionClient;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Makes the {@code ga4} privacy handler for each {@code ga4} binding: erasure only, through the Admin API
 * (v1alpha) {@code properties/{id}:submitUserDeletion}, by GA client id ({@code ga-client:}) or user id
 * ({@code ga-user:}). That call needs the {@code analytics.edit} scope, requested for it alone; GA4 offers no
 * export of one user's data, so access and portability are not supported.
 */
public final class Ga4PrivacyHandlerFactory implements PrivacyRightsHandlerFactory {
    private final @Nullable GoogleCredentials hostCredentials;

    public Ga4PrivacyHandlerFactory() {
        this(null);
    }

    Ga4PrivacyHandlerFactory(@Nullable GoogleCredentials hostCredentials) {
        this.hostCredentials = hostCredentials;
    }

    @Override
    public String id() {
        return Ga4ConnectorFactory.ID;
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public Optional<PrivacyRightsHandler> create(
            ConnectorBinding binding, ConnectorConfig config, PluginContext context) {
        if (!binding.providerId().equals(Ga4ConnectorFactory.ID)) {
            return Optional.empty();
        }
        Ga4Settings settings = Ga4Settings.from(config);
        HttpTransport transport = Ga4Clients.transport(context.http());
        Ga4Credentials credentials = Ga4Credentials.of(config, hostCredentials, transport);
        Backoff backoff = new Backoff(
                Duration.ofMillis(500), Duration.ofSeconds(30), context.http().maxRetries() + 1);
        UserDeletionClient client = new UserDeletionClient(settings, credentials, transport, context.http(), backoff);
        return Optional.of(new Ga4UserDeletionHandler(settings, client, context.usage()));
    }
}
