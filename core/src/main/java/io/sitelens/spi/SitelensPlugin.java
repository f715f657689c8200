package io.sitelens.spi;

import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.consent.ConsentPolicy;
import io.sitelens.spi.crawl.PageCheck;
import io.sitelens.spi.crawl.ScreenshotProvider;
import io.sitelens.spi.insight.InsightProvider;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.util.List;

/**
 * The one {@link java.util.ServiceLoader} entry point of a plugin jar, declared in
 * {@code META-INF/services/io.sitelens.spi.SitelensPlugin}. Every provider list defaults to empty, so a
 * plugin overrides only what it contributes, and new kinds of extension can be added later without
 * breaking existing plugins.
 *
 * <p>{@link #spiVersion()} is the one method a plugin must implement: return {@link SitelensSpi#VERSION}.
 */
public interface SitelensPlugin {

    /** Return {@link SitelensSpi#VERSION}; the constant is compiled into the plugin. */
    String spiVersion();

    /** A short name for reports (defaults to the class name). */
    default String name() {
        return getClass().getName();
    }

    default List<MetricConnectorFactory> connectors() {
        return List.of();
    }

    default List<PageCheck> pageChecks() {
        return List.of();
    }

    default List<ScreenshotProvider.Factory> screenshotProviders() {
        return List.of();
    }

    default List<InsightProvider> insightProviders() {
        return List.of();
    }

    default List<PrivacyRightsHandlerFactory> privacyHandlers() {
        return List.of();
    }

    /**
     * Consent policies a host may choose by id. They are never applied silently: a host (or the CLI config)
     * names the one it uses.
     */
    default List<ConsentPolicy.Factory> consentPolicies() {
        return List.of();
    }
}
