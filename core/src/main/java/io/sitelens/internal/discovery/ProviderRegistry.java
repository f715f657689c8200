package io.sitelens.internal.discovery;

import static java.util.Objects.requireNonNull;

import io.sitelens.DiscoveryReport;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.consent.ConsentPolicy;
import io.sitelens.spi.crawl.PageCheck;
import io.sitelens.spi.crawl.ScreenshotProvider;
import io.sitelens.spi.insight.InsightProvider;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.util.Map;

/** The providers a {@code Sitelens} instance uses, by id (insertion-ordered), and the report behind them. */
public record ProviderRegistry(
        DiscoveryReport report,
        Map<String, MetricConnectorFactory> connectors,
        Map<String, PageCheck> pageChecks,
        Map<String, ScreenshotProvider.Factory> screenshots,
        Map<String, InsightProvider> insights,
        Map<String, PrivacyRightsHandlerFactory> privacyHandlers,
        Map<String, ConsentPolicy.Factory> consentPolicies) {

    public ProviderRegistry {
        requireNonNull(report, "report");
        connectors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(connectors));
        pageChecks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pageChecks));
        screenshots = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(screenshots));
        insights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(insights));
        privacyHandlers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(privacyHandlers));
        consentPolicies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(consentPolicies));
    }
}
