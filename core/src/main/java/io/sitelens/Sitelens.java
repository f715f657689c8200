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
import io.sitelens.spi.storage.RunRecord;
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
    /** The far end of "all usage so far" (a year every database's timestamp type holds). */
    private static final java.time.Instant USAGE_HORIZON = java.time.Instant.parse("3000-01-01T00:00:00Z");

    private final StorageAdapter storage;
    private final ConsentPolicy consentPolicy;
    private final SecretResolver secrets;
    private final HttpSettings http;
    private final Clock clock;
    private final EventListener listener;
    private final ProviderRegistry registry;
    private final java.util.function.Function<io.sitelens.model.TenantId, UsageCaps> caps;
    private final int maxConcurrentRuns;
    private final Object executorLock = new Object();
    private java.util.concurrent.@Nullable ExecutorService executor;
    private final List<AutoCloseable> closeables = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Sitelens(Builder b, StorageAdapter storage, ConsentPolicy consentPolicy, ProviderRegistry registry) {
        this.storage = storage;
        this.consentPolicy = consentPolicy;
        Map<io.sitelens.model.TenantId, SecretResolver> perTenant = Map.copyOf(b.tenantSecrets);
        SecretResolver fallback = b.secrets;
        this.secrets = perTenant.isEmpty()
                ? fallback
                : (tenant, ref) -> perTenant.getOrDefault(tenant, fallback).resolve(tenant, ref);
        this.http = b.http;
        this.clock = b.clock;
        this.listener = b.listener;
        this.registry = registry;
        this.caps = b.caps;
        this.maxConcurrentRuns = b.maxConcurrentRuns;
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

    /** Everything a host does for one tenant, scoped so that no call can reach another tenant's data. */
    public TenantScope tenant(io.sitelens.model.TenantId tenant) {
        return new TenantScope(this, tenant);
    }

    /** The caps of a tenant (unlimited unless the host set them with {@link Builder#usageCaps}). */
    public UsageCaps usageCaps(io.sitelens.model.TenantId tenant) {
        return caps.apply(tenant);
    }

    /**
     * Fails with {@code usage.cap-exceeded}, naming the cap, when {@code more} screenshots would pass the tenant's
     * monthly cap. Screenshot flows call it before each capture.
     */
    public void checkScreenshotCap(io.sitelens.model.TenantId tenant, long more) {
        capGuard().checkScreenshots(tenant, more);
    }

    /** Fails with {@code usage.cap-exceeded} when the tenant has spent its external API calls for today. */
    public void checkApiCallCap(io.sitelens.model.TenantId tenant) {
        capGuard().checkApiCalls(tenant);
    }

    private io.sitelens.internal.engine.CapGuard capGuard() {
        return new io.sitelens.internal.engine.CapGuard(storage, caps, clock);
    }

    /**
     * Starts a sync of a project in the background and returns its handle. The project is stored if it is not
     * yet. See {@link SyncOptions} for what is fetched.
     */
    public Run startSync(Project project, SyncOptions options) {
        requireNonNull(options, "options");
        io.sitelens.internal.engine.SyncEngine engine = new io.sitelens.internal.engine.SyncEngine(
                storage, registry.connectors(), this::openConnector, clock, listener, capGuard());
        return startRun(
                project,
                RunRecord.Kind.SYNC,
                options.requestedBy(),
                (s, p, cancelled) -> engine.sync(p, options, cancelled));
    }

    /** Syncs a project and waits for the end (at most {@code timeout}). */
    public RunRecord sync(Project project, SyncOptions options, java.time.Duration timeout) {
        return startSync(project, options).await(timeout);
    }

    /** The project's recorded runs, newest first. */
    public List<RunRecord> runs(ProjectKey project, int limit) {
        return storage.runs().list(project, limit);
    }

    /** A scheduler running this instance's jobs on their cadences; close it (or this instance) to stop it. */
    public Scheduler scheduler() {
        Scheduler s = new Scheduler(this);
        closeables.add(s);
        return s;
    }

    /**
     * Runs {@code body} as a recorded run: stored as RUNNING, then with its end status, outcomes and the usage
     * the project spent meanwhile. Bounded by {@link Builder#maxConcurrentRuns}.
     */
    public Run startRun(Project project, RunRecord.Kind kind, String requestedBy, JobRunner body) {
        requireNonNull(project, "project");
        if (storage.projects().find(project.key()).isEmpty()) {
            storage.projects().put(project);
        }
        Run run = new Run(java.util.UUID.randomUUID().toString(), kind);
        java.time.Instant started = clock.instant();
        RunRecord record = new RunRecord(
                run.id(),
                project.key(),
                kind,
                requestedBy,
                started,
                null,
                RunRecord.Status.RUNNING,
                List.of(),
                Map.of());
        storage.runs().put(record);
        UsageSummary before = storage.usage().summarize(project.key(), java.time.Instant.EPOCH, USAGE_HORIZON);
        executor().execute(() -> {
            RunRecord.Status status;
            List<Outcome> outcomes = List.of();
            try {
                outcomes = body.run(this, project, run::cancelRequested);
                status = statusOf(outcomes, run.cancelRequested());
            } catch (io.sitelens.internal.engine.SyncEngine.Cancelled e) {
                status = RunRecord.Status.CANCELLED;
            } catch (SitelensException e) {
                outcomes = List.of(Outcome.Failed.of(kind.name().toLowerCase(java.util.Locale.ROOT), e));
                status = RunRecord.Status.FAILED;
            } catch (RuntimeException | Error e) {
                LOG.error("run {} of {} failed", run.id(), project.key(), e);
                outcomes = List.of(new Outcome.Failed(
                        kind.name().toLowerCase(java.util.Locale.ROOT), ErrorCode.INTERNAL, String.valueOf(e)));
                status = RunRecord.Status.FAILED;
            }
            try {
                UsageSummary after = storage.usage().summarize(project.key(), java.time.Instant.EPOCH, USAGE_HORIZON);
                RunRecord end = record.finish(status, clock.instant(), outcomes, spent(before, after));
                storage.runs().put(end);
                run.complete(end);
            } catch (RuntimeException e) {
                run.fail(e);
            }
        });
        return run;
    }

    private static RunRecord.Status statusOf(List<Outcome> outcomes, boolean cancelled) {
        if (cancelled) {
            return RunRecord.Status.CANCELLED;
        }
        long failed = outcomes.stream().filter(o -> o instanceof Outcome.Failed).count();
        if (failed == 0) {
            return RunRecord.Status.SUCCEEDED;
        }
        return failed == outcomes.size() ? RunRecord.Status.FAILED : RunRecord.Status.PARTIAL;
    }

    private static Map<String, Map<String, Long>> spent(UsageSummary before, UsageSummary after) {
        Map<String, Map<String, Long>> out = new java.util.TreeMap<>();
        after.totals()
                .forEach((provider, kinds) -> kinds.forEach((kind, total) -> {
                    long d = total - before.total(provider, kind);
                    if (d > 0) {
                        out.computeIfAbsent(provider, k -> new java.util.TreeMap<>())
                                .put(kind.name(), d);
                    }
                }));
        return out;
    }

    private java.util.concurrent.ExecutorService executor() {
        synchronized (executorLock) {
            if (executor == null) {
                java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
                executor = java.util.concurrent.Executors.newFixedThreadPool(maxConcurrentRuns, r -> {
                    Thread t = new Thread(r, "sitelens-run-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            return executor;
        }
    }

    /**
     * Stops schedulers and the run executor (waiting up to 30 s for runs to reach a unit boundary). The storage
     * adapter and consent policy stay the host's to close.
     */
    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c, e.toString());
            }
        }
        synchronized (executorLock) {
            if (executor != null) {
                executor.shutdown();
                try {
                    if (!executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        executor.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    executor.shutdownNow();
                    Thread.currentThread().interrupt();
                }
                executor = null;
            }
        }
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
        private java.util.function.Function<io.sitelens.model.TenantId, UsageCaps> caps = t -> UsageCaps.NONE;
        private int maxConcurrentRuns = 2;
        private final Map<io.sitelens.model.TenantId, SecretResolver> tenantSecrets = new LinkedHashMap<>();

        private Builder() {}

        /** Per-tenant caps on API calls, crawl pages and screenshots (default: none). */
        public Builder usageCaps(java.util.function.Function<io.sitelens.model.TenantId, UsageCaps> capsByTenant) {
            this.caps = requireNonNull(capsByTenant, "capsByTenant");
            return this;
        }

        /** How many runs may execute at once in this instance (default 2). */
        public Builder maxConcurrentRuns(int n) {
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("maxConcurrentRuns must be within 1..64, got " + n);
            }
            this.maxConcurrentRuns = n;
            return this;
        }

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

        /** The resolver of tenants without one of their own (default: environment variables and files). */
        public Builder secretResolver(SecretResolver resolver) {
            this.secrets = requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * A tenant's own resolver (its vault). A tenant with its own resolver resolves through it alone, never
         * through the default one, so one client's configuration cannot name another's secrets.
         */
        public Builder secretResolver(io.sitelens.model.TenantId tenant, SecretResolver resolver) {
            tenantSecrets.put(requireNonNull(tenant, "tenant"), requireNonNull(resolver, "resolver"));
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
