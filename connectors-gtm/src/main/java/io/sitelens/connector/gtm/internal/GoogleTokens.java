package io.sitelens.connector.gtm.internal;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.model.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** Access tokens for the Tag Manager API: from a service-account key (refreshed when due) or a fixed token. */
public final class GoogleTokens {
    private GoogleTokens() {}

    /** A fixed OAuth access token (the host refreshes it). */
    public static Supplier<String> fixed(Secret token) {
        return token::reveal;
    }

    /**
     * Tokens for a service-account key file's JSON, with the {@code tagmanager.readonly} scope. The key is parsed
     * now (so a bad key fails early, without its content in the message); tokens are fetched on first use and
     * refreshed before they expire.
     */
    public static Supplier<String> serviceAccount(Secret keyJson) {
        GoogleCredentials credentials;
        try {
            credentials = ServiceAccountCredentials.fromStream(
                            new ByteArrayInputStream(keyJson.reveal().getBytes(StandardCharsets.UTF_8)))
                    .createScoped(List.of(TagManagerHttp.SCOPE));
        } catch (IOException | RuntimeException e) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    "gtm",
                    "the credentials secret is not a usable Google service-account key (JSON with type "
                            + "\"service_account\", client_email, private_key): "
                            + e.getClass().getSimpleName(),
                    null);
        }
        return () -> {
            try {
                synchronized (credentials) {
                    credentials.refreshIfExpired();
                    AccessToken token = credentials.getAccessToken();
                    if (token == null) {
                        throw new IOException("no access token returned");
                    }
                    return token.getTokenValue();
                }
            } catch (IOException e) {
                throw new SitelensException(
                        ErrorCode.AUTHENTICATION_FAILED,
                        "gtm",
                        "could not get an access token for the service account: " + e.getMessage(),
                        e);
            }
        };
    }
}
