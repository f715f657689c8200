package io.sitelens.connector.file;

import io.sitelens.spi.SitelensPlugin;
import io.sitelens.tck.plugin.PluginPackagingContract;

class FilePluginPackagingTest extends PluginPackagingContract {
    @Override
    protected Class<? extends SitelensPlugin> pluginClass() {
        return FilePlugin.class;
    }
}
