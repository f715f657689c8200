package io.sitelens.connector.ga4.internal;

import com.google.analytics.data.v1beta.BetaAnalyticsDataClient;
import com.google.analytics.data.v1beta.BetaAnalyticsDataSettings;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.FixedHeaderProvider;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.UnaryCallSettings;
import io.sitelens.ErrorCode;
import io.sitelens.SitelensException;
import io.sitelens.spi.HttpSettings;
import java.io.IOException;
import java.net.Proxy;
import java.util.List;
import java.util.Set;

/**
 * Builds the official GA4 Data API client on the HTTP/JSON transport: Google's endpoint or the configured one
 * (a local stub needs {@code http://}), the host's proxy and user agent, one attempt per client call (retries
 * are ours, so that Google's error text can be read first), and the host's timeouts.
 */
public final class Ga4Clients {
    /** Set this system property to {@code true} to let the wire loggers below log below INFO (debugging only). */
    public static final String WIRE_LOGGING_PROPERTY = "sitelens.ga4.wireLogging";

    /**
     * Loggers that print credentials when enabled below INFO: google-http-client logs request headers and
     * response bodies (the OAuth token response included) at CONFIG, the JDK's HttpURLConnection logs headers
     * (Authorization included) at FINE. Held strongly so that the levels set here stay.
     */
    private static final List<java.util.logging.Logger> WIRE_LOGGERS = List.of(
            java.util.logging.Logger.getLogger("com.google.api.client.http.HttpTransport"),
            java.util.logging.Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection"));

    private Ga4Clients() {}

    /** Caps the wire loggers at INFO, unless {@value #WIRE_LOGGING_PROPERTY} is {@code true}. */
    static void capWireLogging() {
        if (Boolean.getBoolean(WIRE_LOGGING_PROPERTY)) {
            return;
        }
        for (java.util.logging.Logger l : WIRE_LOGGERS) {
            java.util.logging.Level level = l.getLevel();
            if (level == null || level.intValue() < java.util.logging.Level.INFO.intValue()) {
                l.setLevel(java.util.logging.Level.INFO);
            }
        }
    }

    /** The HTTP transport shared by the Data API client and the credentials' token requests. */
    public static HttpTransport transport(HttpSettings http) {
        capWireLogging();
        NetHttpTransport.Builder b = new NetHttpTransport.Builder();
        if (http.proxy() != null) {
            b.setProxy(new Proxy(Proxy.Type.HTTP, http.proxy()));
        }
        return b.build();
    }

    public static BetaAnalyticsDataClient dataClient(
            String providerId,
            Ga4Settings settings,
            Ga4Credentials credentials,
            HttpSettings http,
            HttpTransport transport) {
        BetaAnalyticsDataSettings.Builder b = BetaAnalyticsDataSettings.newHttpJsonBuilder();
        if (settings.endpoint() != null) {
            b.setEndpoint(settings.endpoint());
        }
        b.setCredentialsProvider(FixedCredentialsProvider.create(credentials.readonly()));
        b.setHeaderProvider(FixedHeaderProvider.create("user-agent", http.userAgent()));
        b.setTransportChannelProvider(InstantiatingHttpJsonChannelProvider.newBuilder()
                .setHttpTransport(transport)
                .build());
        RetrySettings once = RetrySettings.newBuilder()
                .setMaxAttempts(1)
                .setInitialRpcTimeoutDuration(http.readTimeout())
                .setMaxRpcTimeoutDuration(http.readTimeout())
                .setRpcTimeoutMultiplier(1.0)
                .setTotalTimeoutDuration(http.callTimeout())
                .build();
        Set<StatusCode.Code> none = Set.of();
        for (UnaryCallSettings.Builder<?, ?> call : new UnaryCallSettings.Builder<?, ?>[] {
            b.runReportSettings(),
            b.batchRunReportsSettings(),
            b.getMetadataSettings(),
            b.checkCompatibilitySettings(),
            b.runRealtimeReportSettings(),
            b.runPivotReportSettings(),
            b.batchRunPivotReportsSettings()
        }) {
            call.setRetrySettings(once).setRetryableCodes(none);
        }
        try {
            return BetaAnalyticsDataClient.create(b.build());
        } catch (IOException e) {
            throw new SitelensException(
                    ErrorCode.EXTERNAL_UNAVAILABLE,
                    providerId,
                    "could not set up the GA4 Data API client: " + e.getClass().getSimpleName(),
                    e);
        }
    }
}
