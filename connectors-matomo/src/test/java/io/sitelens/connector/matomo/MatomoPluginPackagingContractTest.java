package io.sitelens.connector.matomo;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.tck.plugin.PluginPackagingContract;

class MatomoPluginPackagingContractTest extends PluginPackagingContract {
    @Override
    protected Class<? extends SitelensPlugin> pluginClass() {
        return MatomoPlugin.class;
    }
}
