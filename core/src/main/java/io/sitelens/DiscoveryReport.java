package io.sitelens;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What plugin discovery found: every provider with its kind, id, class and the jar it came from, and every
 * problem (a plugin that failed to load, two providers with one id, an incompatible SPI version). Finding
 * no plugin is not a problem: explicit registration works without discovery.
 */
public record DiscoveryReport(List<ProviderInfo> providers, List<Problem> problems) {

    public DiscoveryReport {
        providers = List.copyOf(requireNonNull(providers, "providers"));
        problems = List.copyOf(requireNonNull(problems, "problems"));
    }

    /** The kinds of provider a plugin can contribute. */
    public enum Kind {
        CONNECTOR("connector"),
        PAGE_CHECK("page-check"),
        SCREENSHOT("screenshot"),
        INSIGHT("insight"),
        PRIVACY_HANDLER("privacy-handler"),
        CONSENT_POLICY("consent-policy");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One provider.
     *
     * @param className the provider's class
     * @param plugin the {@code SitelensPlugin} class that contributed it
     * @param source where the plugin came from (a jar path or class directory), or {@code explicit} when the host
     *     registered it
     */
    public record ProviderInfo(
            Kind kind, String id, String className, String plugin, String source, Set<String> capabilities) {
        public ProviderInfo {
            requireNonNull(kind, "kind");
            requireNonNull(id, "id");
            requireNonNull(className, "className");
            requireNonNull(plugin, "plugin");
            requireNonNull(source, "source");
            capabilities = Set.copyOf(requireNonNull(capabilities, "capabilities"));
        }
    }

    public enum ProblemKind {
        LOAD_FAILED("plugin-load-failed"),
        DUPLICATE_ID("duplicate-provider-id"),
        SPI_VERSION_MISMATCH("spi-version-mismatch"),
        INVALID_PROVIDER("invalid-provider");

        private final String anchor;

        ProblemKind(String anchor) {
            this.anchor = anchor;
        }

        /** Where the docs explain this problem and what to do. */
        public String helpUrl() {
            return "https://github.com/sitelens/sitelens/blob/main/docs/plugin-problems.md#" + anchor;
        }
    }

    /**
     * A discovery problem.
     *
     * @param fatal whether it stops {@code build()} (duplicates always; load failures and version mismatches in
     *     strict mode)
     */
    public record Problem(
            ProblemKind kind,
            String message,
            @Nullable String className,
            @Nullable String source,
            boolean fatal) {
        public Problem {
            requireNonNull(kind, "kind");
            requireNonNull(message, "message");
        }
    }

    public boolean hasFatalProblems() {
        return problems.stream().anyMatch(Problem::fatal);
    }

    public List<ProviderInfo> providers(Kind kind) {
        return providers.stream().filter(p -> p.kind() == kind).toList();
    }
}
