package io.sitelens.connector.mailchimp;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.util.List;

/** The plugin entry point: contributes the {@code mailchimp} privacy handler. */
public final class MailchimpPlugin implements SitelensPlugin {
    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public String name() {
        return "sitelens-connectors-mailchimp";
    }

    @Override
    public List<PrivacyRightsHandlerFactory> privacyHandlers() {
        return List.of(new MailchimpPrivacyHandlerFactory());
    }
}
