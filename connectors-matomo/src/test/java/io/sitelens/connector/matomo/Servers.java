package io.sitelens.connector.matomo;

import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.connector.ConnectorConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;

/** Configs bound to a local {@link MockWebServer} playing Matomo. */
final class Servers {
    /** The token every test configures; it must never show up anywhere but the POST body. */
    static final String TOKEN = "c0ffee5ecret7oken0123456789abcd";

    static final String PASSWORD = "pr0xy-pa55word-xyz";

    private Servers() {}

    static ConnectorConfig config(MockWebServer server, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("baseUrl", server.url("/analytics/").toString());
        settings.put("siteId", "1");
        settings.put("retryBaseDelay", "1ms");
        settings.put("maxRetries", "2");
        settings.putAll(extra);
        Map<String, SecretRef> secrets = new HashMap<>();
        secrets.put("token", SecretRef.parse("env:MATOMO_TOKEN"));
        if (settings.containsKey("basicAuthUser")) {
            secrets.put("basicAuthPassword", SecretRef.parse("env:MATOMO_PROXY_PASSWORD"));
        }
        return new ConnectorConfig(
                "matomo",
                "analytics",
                TenantId.DEFAULT,
                settings,
                secrets,
                (tenant, ref) -> Optional.of(Secret.of(ref.location().equals("MATOMO_TOKEN") ? TOKEN : PASSWORD)));
    }

    static MockWebServer start(FakeMatomo matomo) {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(matomo);
        try {
            server.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return server;
    }
}
