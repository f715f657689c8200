package io.sitelens.spi.crawl;

import io.sitelens.spi.PluginContext;

/**
 * Renders URLs to images in a real browser. One provider instance may be used from several threads; it
 * bounds its own concurrency, applies the request's timeout, and must not let the browser reach addresses
 * the crawler would refuse.
 */
public interface ScreenshotProvider extends AutoCloseable {

    String id();

    Screenshot capture(ScreenshotRequest request);

    /** Shuts the browser down. Never throws. */
    @Override
    default void close() {}

    /** Contributed through {@link io.sitelens.spi.SitelensPlugin#screenshotProviders()}. */
    interface Factory {
        String id();

        String spiVersion();

        /** Whether this provider can run here (a browser is installed); the reason is in {@link #unavailableReason}. */
        default boolean available() {
            return true;
        }

        default String unavailableReason() {
            return "";
        }

        /**
         * Opens a provider.
         *
         * @param allowPrivateNetwork whether rendered pages may reach private, loopback and link-local addresses
         */
        ScreenshotProvider create(PluginContext context, boolean allowPrivateNetwork);
    }
}
