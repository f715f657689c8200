package io.sitelens;

import static java.util.Objects.requireNonNull;

import io.sitelens.internal.discovery.PluginDiscovery;
import io.sitelens.internal.discovery.ProviderRegistry;
import io.sitelens.internal.engine.DefaultPluginContext;
import io.sitelens.model.ConnectorBinding;
import io.sitelens.model.Project;
import io.sitelens.model.ProjectKey;
import io.sitelens.model.UsageSummary;
import io.sitelens.spi.HttpSettings;
import io.sitelens.spi.PluginContext;
import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnector;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.consent.ConsentPolicy;
import io.sitelens.spi.crawl.PageCheck;
import io.sitelens.spi.crawl.ScreenshotProvider;
import io.sitelens.spi.insight.InsightProvider;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import io.sitelens.spi.secret.EnvironmentSecretResolver;
import io.sitelens.spi.secret.SecretResolver;
import io.sitelens.spi.storage.StorageAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: an immutable, thread-safe instance holding one host's storage, consent policy, secret
 * resolver, HTTP settings and providers. There is no static registry, so several instances (one per tenant
 * group, with different providers) can live in one JVM.
 *
 * <pre>{@code
 * try (Sitelens sitelens = Sitelens.builder()
 *         .storage(new InMemoryStorageAdapter())
 *         .consentPolicy(StrictOptInConsentPolicy::new)
 *         .discoverPlugins()
 *         .build()) {
 *     MetricConnector ga4 = sitelens.openConnector(project, "ga4");
 * }
 * }</pre>
 */
public final class Sitelens implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sitelens.class);
    private final StorageAdapter storage;
    private final ConsentPolicy consentPolicy;
    private final SecretResolver secrets;
    private final HttpSettings http;
    private final Clock clock;
    private final EventListener listener;
    private final ProviderRegistry registry;

    private Sitelens(Builder b, StorageAdapter storage, ConsentPolicy consentPolicy, ProviderRegistry registry) {
        this.storage = storage;
        this.consentPolicy = consentPolicy;
        this.secrets = b.secrets;
        this.http = b.http;
        this.clock = b.clock;
        this.listener = b.listener;
        this.registry = registry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The version of sitelens on the class path ({@code 0.1.0-SNAPSHOT}), or {@code unknown}. */
    public static String version() {
        try (InputStream in = Sitelens.class.getResourceAsStream("/io/sitelens/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    public StorageAdapter storage() {
        return storage;
    }

    public ConsentPolicy consentPolicy() {
        return consentPolicy;
    }

    public SecretResolver secretResolver() {
        return secrets;
    }

    public HttpSettings http() {
        return http;
    }

    public Clock clock() {
        return clock;
    }

    public EventListener eventListener() {
        return listener;
    }

    public DiscoveryReport discoveryReport() {
        return registry.report();
    }

    public Map<String, MetricConnectorFactory> connectorFactories() {
        return registry.connectors();
    }

    public Map<String, PageCheck> pageChecks() {
        return registry.pageChecks();
    }

    public Map<String, ScreenshotProvider.Factory> screenshotProviders() {
        return registry.screenshots();
    }

    public Map<String, InsightProvider> insightProviders() {
        return registry.insights();
    }

    public Map<String, PrivacyRightsHandlerFactory> privacyHandlers() {
        return registry.privacyHandlers();
    }

    public Map<String, ConsentPolicy.Factory> consentPolicies() {
        return registry.consentPolicies();
    }

    /** A usage recorder for one project and provider; flush or close it when the work is done. */
    public UsageRecorder usageRecorder(ProjectKey project, String providerId) {
        return new UsageRecorder(project, providerId, storage.usage(), clock);
    }

    /** Usage of a project between two instants, per provider and kind. */
    public UsageSummary usage(ProjectKey project, Instant from, Instant to) {
        return storage.usage().summarize(project, from, to);
    }

    /**
     * A plugin context for work a plugin does for {@code project} (the binding id names whose work it is, for
     * usage and for excluding the binding itself from capability look-ups).
     */
    public PluginContext pluginContext(Project project, String bindingId, UsageRecorder usage) {
        return new DefaultPluginContext(
                project, bindingId, http, clock, usage, storage.blobs(), registry.connectors(), this::openConnector);
    }

    /** The config of one binding, with secrets resolved on demand through this instance's resolver. */
    public ConnectorConfig connectorConfig(Project project, ConnectorBinding binding) {
        return new ConnectorConfig(
                binding.providerId(),
                binding.bindingId(),
                project.key().tenant(),
                binding.settings(),
                binding.secrets(),
                secrets);
    }

    /**
     * Opens the connector of a project's binding. Usage is recorded against the project under the provider id
     * and flushed when the connector is closed.
     *
     * @throws SitelensException {@code input.not-found} when the binding does not exist or no connector with
     *     its provider id is registered (the message lists those that are)
     */
    public MetricConnector openConnector(Project project, String bindingId) {
        ConnectorBinding binding = project.binding(bindingId)
                .orElseThrow(() -> new SitelensException(
                        ErrorCode.NOT_FOUND,
                        "project " + project.key() + " has no binding '" + bindingId + "'; it has "
                                + project.bindings().stream()
                                        .map(ConnectorBinding::bindingId)
                                        .toList()));
        MetricConnectorFactory factory = registry.connectors().get(binding.providerId());
        if (factory == null) {
            throw new SitelensException(
                    ErrorCode.NOT_FOUND,
                    "binding '" + bindingId + "' names provider '" + binding.providerId()
                            + "', which is not installed; installed connectors: "
                            + registry.connectors().keySet());
        }
        UsageRecorder usage = usageRecorder(project.key(), binding.providerId());
        MetricConnector connector =
                factory.create(connectorConfig(project, binding), pluginContext(project, bindingId, usage));
        return new MeteredConnector(connector, usage);
    }

    /** Closes nothing the host owns: the storage adapter and consent policy stay the host's to close. */
    @Override
    public void close() {
        // Later flows (schedulers, browsers) register here; the storage adapter is the host's.
    }

    /** Flushes a connector's usage when it is closed. */
    private record MeteredConnector(MetricConnector delegate, UsageRecorder usage) implements MetricConnector {
        @Override
        public String providerId() {
            return delegate.providerId();
        }

        @Override
        public io.sitelens.spi.connector.Catalog catalog() {
            try {
                return delegate.catalog();
            } finally {
                usage.flush();
            }
        }

        @Override
        public io.sitelens.model.MetricTable query(io.sitelens.model.MetricQuery query) {
            try {
                return delegate.query(query);
            } finally {
                usage.flush();
            }
        }

        @Override
        public List<String> pages(io.sitelens.model.DateRange range) {
            try {
                return delegate.pages(range);
            } finally {
                usage.flush();
            }
        }

        @Override
        public int unsettledDays() {
            return delegate.unsettledDays();
        }

        @Override
        public io.sitelens.model.TrackingPlan trackingPlan() {
            try {
                return delegate.trackingPlan();
            } finally {
                usage.flush();
            }
        }

        @Override
        public void close() {
            try {
                delegate.close();
            } finally {
                usage.flush();
            }
        }
    }

    /** Builds a {@link Sitelens}. Not thread-safe; the instance it builds is. */
    public static final class Builder {
        private @Nullable StorageAdapter storage;
        private @Nullable ConsentPolicy consentPolicy;
        private @Nullable Function<io.sitelens.spi.storage.ConsentStore, ConsentPolicy> consentPolicyFactory;
        private SecretResolver secrets = EnvironmentSecretResolver.create();
        private HttpSettings http = HttpSettings.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private EventListener listener = EventListener.NONE;
        private DiscoveryMode discoveryMode = DiscoveryMode.OFF;
        private @Nullable ClassLoader classLoader;
        private final List<SitelensPlugin> plugins = new ArrayList<>();
        private final Map<String, String> preferred = new LinkedHashMap<>();

        private Builder() {}

        /** Required: where everything is kept. */
        public Builder storage(StorageAdapter storage) {
            this.storage = requireNonNull(storage, "storage");
            return this;
        }

        /** Required (this or {@link #consentPolicy(Function)}): there is no allow-all default. */
        public Builder consentPolicy(ConsentPolicy policy) {
            this.consentPolicy = requireNonNull(policy, "policy");
            this.consentPolicyFactory = null;
            return this;
        }

        /** A policy made over the storage's consent ledger, such as {@code StrictOptInConsentPolicy::new}. */
        public Builder consentPolicy(Function<io.sitelens.spi.storage.ConsentStore, ConsentPolicy> factory) {
            this.consentPolicyFactory = requireNonNull(factory, "factory");
            this.consentPolicy = null;
            return this;
        }

        public Builder secretResolver(SecretResolver resolver) {
            this.secrets = requireNonNull(resolver, "resolver");
            return this;
        }

        public Builder http(HttpSettings settings) {
            this.http = requireNonNull(settings, "settings");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        public Builder eventListener(EventListener listener) {
            this.listener = requireNonNull(listener, "listener");
            return this;
        }

        /** Registers a plugin explicitly (works with discovery off). */
        public Builder plugin(SitelensPlugin plugin) {
            plugins.add(requireNonNull(plugin, "plugin"));
            return this;
        }

        /** Discovers plugins on the context class loader, leniently (problems are reported, not fatal). */
        public Builder discoverPlugins() {
            return discoverPlugins(DiscoveryMode.LENIENT);
        }

        public Builder discoverPlugins(DiscoveryMode mode) {
            this.discoveryMode = requireNonNull(mode, "mode");
            return this;
        }

        /** Where discovery looks (default: the thread's context class loader). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = requireNonNull(loader, "loader");
            return this;
        }

        /** When two providers share {@code id}, use the one whose class is {@code className}. */
        public Builder prefer(String id, String className) {
            preferred.put(requireNonNull(id, "id"), requireNonNull(className, "className"));
            return this;
        }

        public Builder prefer(String id, Class<?> type) {
            return prefer(id, type.getName());
        }

        /**
         * Builds the instance.
         *
         * @throws SitelensException {@code config.invalid} listing every missing item at once; or the first fatal
         *     discovery problem's code (duplicate id, strict-mode load failure or SPI mismatch) with every fatal
         *     problem in the message
         */
        public Sitelens build() {
            List<String> missing = new ArrayList<>();
            if (storage == null) {
                missing.add("storage (a StorageAdapter: InMemoryStorageAdapter, or the JDBC adapter)");
            }
            if (consentPolicy == null && consentPolicyFactory == null) {
                missing.add("consent policy (such as StrictOptInConsentPolicy; there is no allow-all default)");
            }
            if (!missing.isEmpty()) {
                throw new SitelensException(
                        ErrorCode.CONFIG_INVALID, "Sitelens.builder() is missing: " + String.join("; ", missing));
            }
            ProviderRegistry registry = PluginDiscovery.discover(classLoader, discoveryMode, plugins, preferred);
            List<DiscoveryReport.Problem> fatal = registry.report().problems().stream()
                    .filter(DiscoveryReport.Problem::fatal)
                    .toList();
            if (!fatal.isEmpty()) {
                ErrorCode code =
                        switch (fatal.get(0).kind()) {
                            case DUPLICATE_ID, INVALID_PROVIDER -> ErrorCode.PLUGIN_CONFLICT;
                            case SPI_VERSION_MISMATCH -> ErrorCode.SPI_VERSION_MISMATCH;
                            case LOAD_FAILED -> ErrorCode.PLUGIN_LOAD_FAILED;
                        };
                StringBuilder m = new StringBuilder("plugin discovery failed:");
                for (DiscoveryReport.Problem p : fatal) {
                    m.append("\n  - ")
                            .append(p.message())
                            .append(" (see ")
                            .append(p.kind().helpUrl())
                            .append(')');
                }
                throw new SitelensException(code, m.toString());
            }
            StorageAdapter s = requireNonNull(storage);
            ConsentPolicy policy = consentPolicy != null
                    ? consentPolicy
                    : requireNonNull(consentPolicyFactory).apply(s.consents());
            return new Sitelens(this, s, policy, registry);
        }
    }

    /** Finds the first provider of a kind matching {@code id}. */
    Optional<DiscoveryReport.ProviderInfo> provider(DiscoveryReport.Kind kind, String id) {
        return registry.report().providers(kind).stream()
                .filter(p -> p.id().equals(id))
                .findFirst();
    }
}
