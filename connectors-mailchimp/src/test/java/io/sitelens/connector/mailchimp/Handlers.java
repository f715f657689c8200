package io.sitelens.connector.mailchimp;

import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;

/** Builds handlers the way a host does: a binding, its config with a secret reference, the factory. */
final class Handlers {
    private Handlers() {}

    static ConnectorConfig config(String key, Map<String, String> settings) {
        return new ConnectorConfig(
                "mailchimp",
                "newsletter",
                TenantId.DEFAULT,
                settings,
                Map.of("apiKey", SecretRef.parse("env:MAILCHIMP_API_KEY")),
                (tenant, ref) ->
                        ref.location().equals("MAILCHIMP_API_KEY") ? Optional.of(Secret.of(key)) : Optional.empty());
    }

    /** A handler against {@code server}, fast backoff, plus {@code extra} settings. */
    static PrivacyRightsHandler against(
            MockWebServer server, String key, TestContext context, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("baseUrl", server.url("/3.0/").toString());
        settings.put("backoffBase", "10ms");
        settings.put("backoffMax", "2s");
        settings.putAll(extra);
        ConnectorConfig config = config(key, settings);
        ConnectorBinding binding = new ConnectorBinding(
                "newsletter", "mailchimp", settings, Map.of("apiKey", SecretRef.parse("env:MAILCHIMP_API_KEY")));
        return new MailchimpPrivacyHandlerFactory()
                .create(binding, config, context)
                .orElseThrow();
    }
}
