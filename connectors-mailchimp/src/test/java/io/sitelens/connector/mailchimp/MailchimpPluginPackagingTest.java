package io.sitelens.connector.mailchimp;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.tck.plugin.PluginPackagingContract;

class MailchimpPluginPackagingTest extends PluginPackagingContract {
    @Override
    protected Class<? extends SitelensPlugin> pluginClass() {
        return MailchimpPlugin.class;
    }
}
