package io.sitelens.connector.ga4.internal;

import com.google.api.client.http.HttpTransport;
import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Secret;
import io.sitelens.spi.connector.ConnectorConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a binding's Google credentials come from, resolved on first use: the {@code credentials} secret (a
 * service-account or authorized-user JSON key), credentials the host passed in, or Application Default
 * Credentials. Scopes are added per use: {@code analytics.readonly} for reports, {@code analytics.edit} only
 * for a user deletion. Never prints key material.
 */
public final class Ga4Credentials {
    public static final String READONLY_SCOPE = "https://www.googleapis.com/auth/analytics.readonly";
    public static final String EDIT_SCOPE = "https://www.googleapis.com/auth/analytics.edit";

    private final String providerId;
    private final String bindingId;
    private final @Nullable ConnectorConfig keyConfig;
    private final @Nullable GoogleCredentials hostSupplied;
    private final HttpTransportFactory transport;
    private final String source;
    private volatile @Nullable GoogleCredentials base;

    private Ga4Credentials(
            String providerId,
            String bindingId,
            @Nullable ConnectorConfig keyConfig,
            @Nullable GoogleCredentials hostSupplied,
            HttpTransportFactory transport,
            String source) {
        this.providerId = providerId;
        this.bindingId = bindingId;
        this.keyConfig = keyConfig;
        this.hostSupplied = hostSupplied;
        this.transport = transport;
        this.source = source;
    }

    /**
     * Host-supplied credentials win; then the binding's {@code credentials} secret (resolved on first use); then
     * Application Default Credentials.
     */
    public static Ga4Credentials of(
            ConnectorConfig config, @Nullable GoogleCredentials hostSupplied, HttpTransport httpTransport) {
        HttpTransportFactory transport = () -> httpTransport;
        if (hostSupplied != null) {
            return new Ga4Credentials(
                    config.providerId(),
                    config.bindingId(),
                    null,
                    hostSupplied,
                    transport,
                    "host-supplied credentials");
        }
        if (config.hasSecret(Ga4Settings.CREDENTIALS)) {
            return new Ga4Credentials(
                    config.providerId(),
                    config.bindingId(),
                    config,
                    null,
                    transport,
                    "the key in secret '" + Ga4Settings.CREDENTIALS + "'");
        }
        return new Ga4Credentials(
                config.providerId(), config.bindingId(), null, null, transport, "Application Default Credentials");
    }

    /** Credentials for reporting calls ({@code analytics.readonly}). */
    public GoogleCredentials readonly() {
        return scoped(READONLY_SCOPE);
    }

    /** Credentials for the Admin API user deletion ({@code analytics.edit}); used for that one call only. */
    public GoogleCredentials edit() {
        return scoped(EDIT_SCOPE);
    }

    /** Who is calling, for error messages: the service account's e-mail, or where the credentials came from. */
    public String account() {
        GoogleCredentials b = base;
        if (b instanceof ServiceAccountCredentials sa && sa.getClientEmail() != null) {
            return sa.getClientEmail() + " (" + source + ")";
        }
        return source;
    }

    private GoogleCredentials scoped(String scope) {
        GoogleCredentials b = base();
        return b.createScopedRequired() || b instanceof ServiceAccountCredentials ? b.createScoped(List.of(scope)) : b;
    }

    private GoogleCredentials base() {
        GoogleCredentials b = base;
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (base == null) {
                base = load();
            }
            return base;
        }
    }

    private GoogleCredentials load() {
        if (hostSupplied != null) {
            return hostSupplied;
        }
        if (keyConfig != null) {
            return fromKey(keyConfig.secret(Ga4Settings.CREDENTIALS));
        }
        try {
            return GoogleCredentials.getApplicationDefault(transport);
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.AUTHENTICATION_FAILED,
                    providerId,
                    "binding '" + bindingId + "': no secret '" + Ga4Settings.CREDENTIALS
                            + "' is configured and Application Default Credentials are not available"
                            + " (set GOOGLE_APPLICATION_CREDENTIALS or run on Google Cloud)",
                    null);
        }
    }

    private GoogleCredentials fromKey(Secret key) {
        String json = key.reveal();
        String type;
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            type = o.has("type") ? o.get("type").getAsString() : "";
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw invalidKey("is not JSON");
        }
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return switch (type) {
                case "service_account" -> ServiceAccountCredentials.fromStream(in, transport);
                case "authorized_user" -> UserCredentials.fromStream(in, transport);
                default ->
                    throw invalidKey(
                            "has type '" + type + "'; only service_account and authorized_user keys are accepted"
                                    + " (use Application Default Credentials for workload identity federation)");
            };
        } catch (IOException e) {
            throw invalidKey(
                    "could not be read as a Google key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private SitelensException invalidKey(String problem) {
        return new SitelensException(
                ErrorCode.CONFIG_INVALID,
                providerId,
                "binding '" + bindingId + "': secret '" + Ga4Settings.CREDENTIALS + "' " + problem,
                null);
    }

    @Override
    public String toString() {
        return "Ga4Credentials[" + source + "]";
    }
}
