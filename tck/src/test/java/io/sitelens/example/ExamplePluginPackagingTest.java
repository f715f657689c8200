package io.sitelens.example;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.tck.plugin.PluginPackagingContract;

class ExamplePluginPackagingTest extends PluginPackagingContract {
    @Override
    protected Class<? extends SitelensPlugin> pluginClass() {
        return ExamplePlugin.class;
    }
}
