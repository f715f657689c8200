package io.sitelens.internal.discovery;

import static java.util.Objects.requireNonNull;

import io.sitelens.DiscoveryMode;
import io.sitelens.DiscoveryReport;
import io.sitelens.DiscoveryReport.Kind;
import io.sitelens.DiscoveryReport.Problem;
import io.sitelens.DiscoveryReport.ProblemKind;
import io.sitelens.DiscoveryReport.ProviderInfo;
import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.consent.ConsentPolicy;
import io.sitelens.spi.crawl.PageCheck;
import io.sitelens.spi.crawl.ScreenshotProvider;
import io.sitelens.spi.insight.InsightProvider;
import io.sitelens.spi.privacy.PrivacyRightsHandlerFactory;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@link SitelensPlugin}s through {@link ServiceLoader}, checks them, and builds the
 * {@link ProviderRegistry}. Nothing is swallowed: every failure becomes a {@link Problem} in the report.
 */
public final class PluginDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);
    private static final String EXPLICIT = "explicit";
    private static final String ID_PATTERN = "[a-z][a-z0-9-]*";

    private final List<ProviderInfo> infos = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final DiscoveryMode mode;
    private final Map<String, String> preferred;

    private final Map<String, List<Candidate<MetricConnectorFactory>>> connectors = new LinkedHashMap<>();
    private final Map<String, List<Candidate<PageCheck>>> checks = new LinkedHashMap<>();
    private final Map<String, List<Candidate<ScreenshotProvider.Factory>>> screenshots = new LinkedHashMap<>();
    private final Map<String, List<Candidate<InsightProvider>>> insights = new LinkedHashMap<>();
    private final Map<String, List<Candidate<PrivacyRightsHandlerFactory>>> privacy = new LinkedHashMap<>();
    private final Map<String, List<Candidate<ConsentPolicy.Factory>>> consent = new LinkedHashMap<>();

    private record Candidate<T>(T provider, String className, String plugin, String source) {}

    private PluginDiscovery(DiscoveryMode mode, Map<String, String> preferred) {
        this.mode = mode;
        this.preferred = preferred;
    }

    /**
     * Discovers plugins.
     *
     * @param loader where to look (ignored when {@code mode} is OFF)
     * @param explicit plugins the host registered itself; they take part in duplicate detection too
     * @param preferred provider id → class name the host prefers when two providers share the id
     */
    public static ProviderRegistry discover(
            @Nullable ClassLoader loader,
            DiscoveryMode mode,
            List<SitelensPlugin> explicit,
            Map<String, String> preferred) {
        requireNonNull(mode, "mode");
        PluginDiscovery d = new PluginDiscovery(mode, Map.copyOf(preferred));
        for (SitelensPlugin p : explicit) {
            d.accept(p, EXPLICIT);
        }
        if (mode != DiscoveryMode.OFF) {
            d.load(loader == null ? Thread.currentThread().getContextClassLoader() : loader);
        }
        return d.finish();
    }

    private void load(ClassLoader loader) {
        Iterator<ServiceLoader.Provider<SitelensPlugin>> it =
                ServiceLoader.load(SitelensPlugin.class, loader).stream().iterator();
        // Bounded: a services file cannot list more entries than fit in memory, but a broken iterator that
        // keeps failing must not spin forever.
        for (int guard = 0; guard < 10_000; guard++) {
            ServiceLoader.Provider<SitelensPlugin> provider;
            try {
                if (!it.hasNext()) {
                    return;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                loadFailed(classNameIn(e), null, e);
                continue;
            }
            String className = "?";
            String source = "?";
            try {
                Class<? extends SitelensPlugin> type = provider.type();
                className = type.getName();
                source = sourceOf(type);
                accept(provider.get(), source);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                loadFailed(className, source, e);
            }
        }
    }

    private void loadFailed(@Nullable String className, @Nullable String source, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = "plugin " + (className == null ? "(unknown class)" : className)
                + (source == null ? "" : " from " + source) + " failed to load: " + root;
        LOG.warn("{} (see {})", message, ProblemKind.LOAD_FAILED.helpUrl());
        problems.add(new Problem(ProblemKind.LOAD_FAILED, message, className, source, mode == DiscoveryMode.STRICT));
    }

    private static @Nullable String classNameIn(ServiceConfigurationError e) {
        // "io.sitelens.spi.SitelensPlugin: Provider com.acme.Foo not found" / "... could not be instantiated"
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Provider ");
        if (i < 0) {
            return null;
        }
        String rest = m.substring(i + "Provider ".length());
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    static String sourceOf(Class<?> type) {
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            URL url = cs == null ? null : cs.getLocation();
            if (url == null) {
                return "(unknown location)";
            }
            String s = url.toString();
            return s.startsWith("file:") ? java.nio.file.Path.of(url.toURI()).toString() : s;
        } catch (SecurityException | java.net.URISyntaxException | IllegalArgumentException e) {
            return "(unknown location)";
        }
    }

    private void accept(SitelensPlugin plugin, String source) {
        String className = plugin.getClass().getName();
        String version;
        try {
            version = plugin.spiVersion();
        } catch (RuntimeException | AbstractMethodError e) {
            loadFailed(className, source, e);
            return;
        }
        if (!versionOk(version, className, source)) {
            return;
        }
        String src = source.equals(EXPLICIT) ? EXPLICIT : source;
        try {
            for (MetricConnectorFactory f : plugin.connectors()) {
                if (versionOk(f.spiVersion(), f.getClass().getName(), src)) {
                    add(
                            connectors,
                            Kind.CONNECTOR,
                            f.id(),
                            f,
                            className,
                            src,
                            f.capabilities().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
                }
            }
            for (PageCheck c : plugin.pageChecks()) {
                add(
                        checks,
                        Kind.PAGE_CHECK,
                        c.id(),
                        c,
                        className,
                        src,
                        Set.of(c.severity().name()));
            }
            for (ScreenshotProvider.Factory f : plugin.screenshotProviders()) {
                if (versionOk(f.spiVersion(), f.getClass().getName(), src)) {
                    add(screenshots, Kind.SCREENSHOT, f.id(), f, className, src, Set.of());
                }
            }
            for (InsightProvider p : plugin.insightProviders()) {
                if (versionOk(p.spiVersion(), p.getClass().getName(), src)) {
                    add(insights, Kind.INSIGHT, p.id(), p, className, src, Set.of());
                }
            }
            for (PrivacyRightsHandlerFactory f : plugin.privacyHandlers()) {
                if (versionOk(f.spiVersion(), f.getClass().getName(), src)) {
                    add(privacy, Kind.PRIVACY_HANDLER, f.id(), f, className, src, Set.of());
                }
            }
            for (ConsentPolicy.Factory f : plugin.consentPolicies()) {
                add(consent, Kind.CONSENT_POLICY, f.id(), f, className, src, Set.of());
            }
        } catch (RuntimeException | LinkageError e) {
            loadFailed(className, source, e);
        }
    }

    private boolean versionOk(String version, String className, String source) {
        boolean ok;
        try {
            ok = SitelensSpi.compatible(version);
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (!ok) {
            String message = className + " from " + source + " was built for sitelens SPI " + version
                    + ", but this core provides SPI " + SitelensSpi.VERSION
                    + " (a plugin runs on the same major version and an equal or newer minor version)";
            LOG.warn("{} (see {})", message, ProblemKind.SPI_VERSION_MISMATCH.helpUrl());
            problems.add(new Problem(
                    ProblemKind.SPI_VERSION_MISMATCH, message, className, source, mode == DiscoveryMode.STRICT));
        }
        return ok;
    }

    private <T> void add(
            Map<String, List<Candidate<T>>> into,
            Kind kind,
            String id,
            T provider,
            String pluginClass,
            String source,
            Set<String> capabilities) {
        String className = provider.getClass().getName();
        if (id == null || !id.matches(ID_PATTERN)) {
            problems.add(new Problem(
                    ProblemKind.INVALID_PROVIDER,
                    kind.label() + " " + className + " from " + source + " has id '" + id
                            + "'; ids are lowercase words joined by '-' (" + ID_PATTERN + ")",
                    className,
                    source,
                    true));
            return;
        }
        LOG.debug("found {} '{}' ({}) from {}", kind.label(), id, className, source);
        into.computeIfAbsent(id, k -> new ArrayList<>()).add(new Candidate<>(provider, className, pluginClass, source));
        infos.add(new ProviderInfo(kind, id, className, pluginClass, source, capabilities));
    }

    private ProviderRegistry finish() {
        Map<String, MetricConnectorFactory> c = resolve(connectors, Kind.CONNECTOR);
        Map<String, PageCheck> pc = resolve(checks, Kind.PAGE_CHECK);
        Map<String, ScreenshotProvider.Factory> s = resolve(screenshots, Kind.SCREENSHOT);
        Map<String, InsightProvider> i = resolve(insights, Kind.INSIGHT);
        Map<String, PrivacyRightsHandlerFactory> p = resolve(privacy, Kind.PRIVACY_HANDLER);
        Map<String, ConsentPolicy.Factory> cp = resolve(consent, Kind.CONSENT_POLICY);
        return new ProviderRegistry(new DiscoveryReport(infos, problems), c, pc, s, i, p, cp);
    }

    private <T> Map<String, T> resolve(Map<String, List<Candidate<T>>> byId, Kind kind) {
        Map<String, T> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Candidate<T>>> e : byId.entrySet()) {
            List<Candidate<T>> all = e.getValue();
            if (all.size() == 1) {
                out.put(e.getKey(), all.get(0).provider());
                continue;
            }
            String want = preferred.get(e.getKey());
            List<Candidate<T>> chosen = want == null
                    ? List.of()
                    : all.stream()
                            .filter(x ->
                                    x.className().equals(want) || x.plugin().equals(want))
                            .toList();
            if (chosen.size() == 1) {
                Candidate<T> keep = chosen.get(0);
                out.put(e.getKey(), keep.provider());
                infos.removeIf(info -> info.kind() == kind
                        && info.id().equals(e.getKey())
                        && !(info.plugin().equals(keep.plugin())
                                && info.source().equals(keep.source())));
                continue;
            }
            String list = String.join(
                    " and ",
                    all.stream()
                            .map(x -> x.className() + " of plugin " + x.plugin() + " (" + x.source() + ")")
                            .toList());
            String message = "two " + kind.label() + " providers have the id '" + e.getKey() + "': " + list
                    + "; remove one jar, or choose with Sitelens.builder().prefer(\"" + e.getKey()
                    + "\", pluginOrProviderClassName)";
            LOG.error("{} (see {})", message, ProblemKind.DUPLICATE_ID.helpUrl());
            problems.add(new Problem(
                    ProblemKind.DUPLICATE_ID,
                    message,
                    all.get(0).className(),
                    all.get(0).source(),
                    true));
        }
        return out;
    }
}
