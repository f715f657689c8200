package io.sitelens.screenshots;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.tck.plugin.PluginPackagingContract;

class ScreenshotsPluginPackagingTest extends PluginPackagingContract {
    @Override
    protected Class<? extends SitelensPlugin> pluginClass() {
        return ScreenshotsPlugin.class;
    }
}
