package io.sitelens.crawler;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.tck.plugin.PluginPackagingContract;

class CrawlerPluginPackagingContractTest extends PluginPackagingContract {
    @Override
    protected Class<? extends SitelensPlugin> pluginClass() {
        return CrawlerPlugin.class;
    }
}
