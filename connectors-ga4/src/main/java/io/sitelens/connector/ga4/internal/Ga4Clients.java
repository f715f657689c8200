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
import java.util.Set;

/**
 * Builds the official GA4 Data API client on the HTTP/JSON transport: Google's endpoint or the configured one
 * (a local stub needs {@code http://}), the host's proxy and user agent, one attempt per client call (retries
 * are ours, so that Google's error text can be read first), and the host's timeouts.
 */
public final class Ga4Clients {
    private Ga4Clients() {}

    /** The HTTP transport shared by the Data API client and the credentials' token requests. */
    public static HttpTransport transport(HttpSettings http) {
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
