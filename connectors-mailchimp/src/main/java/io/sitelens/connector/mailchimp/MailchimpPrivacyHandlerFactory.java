package io.sitelens.connector.mailchimp;

import io.sitelens.connector.mailchimp.internal.MailchimpPrivacyHandler;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.privacy.PrivacyRightsHandler;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.util.List;
import java.util.Optional;

/**
 * Makes the Mailchimp {@link PrivacyRightsHandler} for a project's binding whose provider id is
 * {@code mailchimp}; other bindings are not served. The binding's settings are validated at once (see
 * {@link MailchimpConfig}); the API key is resolved on the first call.
 */
public final class MailchimpPrivacyHandlerFactory implements PrivacyRightsHandlerFactory {

    @Override
    public String id() {
        return MailchimpConfig.PROVIDER_ID;
    }

    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    /** The setting keys a {@code mailchimp} binding may carry. */
    public List<String> settingKeys() {
        return MailchimpConfig.SETTING_KEYS;
    }

    /** The secret keys a {@code mailchimp} binding must carry. */
    public List<String> secretKeys() {
        return List.of(MailchimpConfig.API_KEY);
    }

    @Override
    public Optional<PrivacyRightsHandler> create(
            ConnectorBinding binding, ConnectorConfig config, PluginContext context) {
        if (!MailchimpConfig.PROVIDER_ID.equals(binding.providerId())) {
            return Optional.empty();
        }
        return Optional.of(MailchimpPrivacyHandler.create(MailchimpConfig.from(config), context));
    }
}
