package io.sitelens.connector.ga4.internal;

import com.google.api.client.http.ByteArrayContent;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.HttpTransport;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.gson.JsonObject;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.spi.Backoff;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.UsageMeter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Admin API (v1alpha) {@code properties/{id}:submitUserDeletion} over REST, with credentials scoped to
 * {@code analytics.edit} for this call only. Retries 429/5xx with {@link Backoff} (bounded).
 */
public final class UserDeletionClient {
    public static final String DEFAULT_ENDPOINT = "https://analyticsadmin.googleapis.com";
    private static final int MAX_BODY = 64 * 1024;

    /** Which GA4 identifier a deletion names. */
    public enum IdKind {
        CLIENT_ID("clientId"),
        USER_ID("userId");

        private final String field;

        IdKind(String field) {
            this.field = field;
        }
    }

    private final Ga4Settings settings;
    private final Ga4Credentials credentials;
    private final HttpTransport transport;
    private final HttpSettings http;
    private final Backoff backoff;

    public UserDeletionClient(
            Ga4Settings settings,
            Ga4Credentials credentials,
            HttpTransport transport,
            HttpSettings http,
            Backoff backoff) {
        this.settings = settings;
        this.credentials = credentials;
        this.transport = transport;
        this.http = http;
        this.backoff = backoff;
    }

    /**
     * Submits a deletion of everything GA4 holds for {@code id}. Error messages never contain the id.
     */
    public void submit(IdKind kind, String id, UsageMeter usage) {
        String base = settings.adminEndpoint() == null ? DEFAULT_ENDPOINT : settings.adminEndpoint();
        GenericUrl url = new GenericUrl(base + "/v1alpha/" + settings.property() + ":submitUserDeletion");
        JsonObject body = new JsonObject();
        body.addProperty(kind.field, id);
        byte[] json = body.toString().getBytes(StandardCharsets.UTF_8);
        int attempt = 0;
        while (true) {
            attempt++;
            int status;
            String text;
            try {
                HttpRequest req = transport
                        .createRequestFactory(new HttpCredentialsAdapter(credentials.edit()))
                        .buildPostRequest(url, new ByteArrayContent("application/json", json));
                req.setConnectTimeout((int) http.connectTimeout().toMillis());
                req.setReadTimeout((int) http.readTimeout().toMillis());
                req.setThrowExceptionOnExecuteError(false);
                req.setNumberOfRetries(0);
                req.getHeaders().setUserAgent(http.userAgent());
                usage.apiCall();
                HttpResponse resp = req.execute();
                try {
                    status = resp.getStatusCode();
                    text = read(resp);
                } finally {
                    resp.disconnect();
                }
            } catch (IOException e) {
                if (backoff.allowsAnotherAfter(attempt)) {
                    sleep(backoff);
                    continue;
                }
                throw new SitelensException(
                        ErrorCode.EXTERNAL_UNAVAILABLE,
                        Ga4Vocabulary.PROVIDER,
                        "GA4 user deletion for property " + settings.propertyId() + " could not be sent: "
                                + e.getClass().getSimpleName(),
                        null);
            }
            if (status >= 200 && status < 300) {
                return;
            }
            String google = redact(Ga4Errors.messageFromJson(text), id);
            if ((status == 429 || status >= 500) && backoff.allowsAnotherAfter(attempt)) {
                sleep(backoff);
                continue;
            }
            ErrorCode code =
                    switch (status) {
                        case 400 -> ErrorCode.INVALID_INPUT;
                        case 401 -> ErrorCode.AUTHENTICATION_FAILED;
                        case 403 -> ErrorCode.PERMISSION_DENIED;
                        case 404 -> ErrorCode.NOT_FOUND;
                        case 429 -> ErrorCode.RATE_LIMITED;
                        default -> status >= 500 ? ErrorCode.EXTERNAL_UNAVAILABLE : ErrorCode.EXTERNAL_REJECTED;
                    };
            String hint = status == 403
                    ? " (" + credentials.account() + " needs the Editor role on the property, and the"
                            + " analytics.edit scope)"
                    : "";
            throw new SitelensException(
                    code,
                    Ga4Vocabulary.PROVIDER,
                    "GA4 property " + settings.propertyId() + " refused the user deletion: HTTP " + status + hint
                            + " (Google says: " + google + ")",
                    null);
        }
    }

    private static String read(HttpResponse resp) throws IOException {
        InputStream in = resp.getContent();
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        }
    }

    private static String redact(String message, String id) {
        String m = message == null ? "no message" : message;
        return m.replace(id, "<redacted>");
    }

    private void sleep(Backoff b) {
        try {
            Thread.sleep(b.delay(1, null).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitelensException(ErrorCode.CANCELLED, Ga4Vocabulary.PROVIDER, "interrupted", e);
        }
    }
}
