package io.sitelens.connector.ga4;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.tck.plugin.PluginPackagingContract;

class Ga4PluginPackagingContractTest extends PluginPackagingContract {
    @Override
    protected Class<? extends SitelensPlugin> pluginClass() {
        return Ga4Plugin.class;
    }
}
