package io.sitelens.screenshots;

import io.sitelens.crawler.AddressGuard;
import io.sitelens.screenshots.ChromiumScreenshotProvider.ChromiumInstall;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.crawl.ScreenshotProvider;
import java.util.List;
import java.util.Set;

/** Contributes the {@code chromium} screenshot provider. */
public final class ScreenshotsPlugin implements SitelensPlugin {
    @Override
    public String spiVersion() {
        return SitelensSpi.VERSION;
    }

    @Override
    public List<ScreenshotProvider.Factory> screenshotProviders() {
        return List.of(new ChromiumFactory());
    }

    /**
     * Makes {@link ChromiumScreenshotProvider}s whose guard is the crawler's {@link AddressGuard}: the browser
     * reaches exactly what the crawler may reach.
     */
    public static final class ChromiumFactory implements ScreenshotProvider.Factory {
        private final ChromiumInstall install;

        public ChromiumFactory() {
            this(ChromiumInstall.detect());
        }

        public ChromiumFactory(ChromiumInstall install) {
            this.install = install;
        }

        @Override
        public String id() {
            return ChromiumScreenshotProvider.ID;
        }

        @Override
        public String spiVersion() {
            return SitelensSpi.VERSION;
        }

        @Override
        public boolean available() {
            return install.available();
        }

        @Override
        public String unavailableReason() {
            return install.available() ? "" : install.howToInstall();
        }

        @Override
        public ScreenshotProvider create(PluginContext context, boolean allowPrivateNetwork) {
            return open(allowPrivateNetwork);
        }

        /** A provider (and page renderer) whose browser reaches what the crawler may reach. */
        public ChromiumScreenshotProvider open(boolean allowPrivateNetwork) {
            AddressGuard guard = new AddressGuard(allowPrivateNetwork, Set.of());
            return new ChromiumScreenshotProvider(install, guard::refusal, NameResolver.SYSTEM);
        }
    }
}
