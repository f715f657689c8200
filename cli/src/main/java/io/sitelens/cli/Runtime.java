package io.sitelens.cli;

import io.sitelens.DiscoveryMode;
import io.sitelens.ErrorCode;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.cli.config.ProjectConfig;
import io.sitelens.spi.consent.ConsentPolicy;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import io.sitelens.spi.secret.EnvironmentSecretResolver;
import io.sitelens.spi.storage.StorageAdapter;
import java.nio.file.Path;
import java.util.Map;

/** Builds the {@link Sitelens} instance a command runs on: discovered plugins, a store, the config's policy. */
final class Runtime {
    private Runtime() {}

    static Sitelens open(StorageAdapter storage, ProjectConfig config) {
        return open(storage, config, io.sitelens.EventListener.NONE);
    }

    static Sitelens open(StorageAdapter storage, ProjectConfig config, io.sitelens.EventListener listener) {
        Path base =
                config.file().getParent() == null ? Path.of("") : config.file().getParent();
        Sitelens.Builder b = Sitelens.builder()
                .storage(storage)
                .eventListener(listener)
                .discoverPlugins(DiscoveryMode.LENIENT)
                .secretResolver(EnvironmentSecretResolver.create().withBaseDir(base));
        Sitelens strict = b.consentPolicy(StrictOptInConsentPolicy::new).build();
        if (config.consentPolicy().equals(StrictOptInConsentPolicy.ID)) {
            return strict;
        }
        // a plugin's policy: discovery has to run first to know it
        ConsentPolicy.Factory chosen = consentFactory(strict.consentPolicies(), config.consentPolicy());
        return b.consentPolicy(chosen::create).build();
    }

    static Sitelens openWithoutProject(StorageAdapter storage) {
        return Sitelens.builder()
                .storage(storage)
                .consentPolicy(StrictOptInConsentPolicy::new)
                .discoverPlugins(DiscoveryMode.LENIENT)
                .build();
    }

    private static ConsentPolicy.Factory consentFactory(Map<String, ConsentPolicy.Factory> plugins, String id) {
        if (id.equals(StrictOptInConsentPolicy.ID)) {
            return StrictOptInConsentPolicy.factory();
        }
        ConsentPolicy.Factory f = plugins.get(id);
        if (f == null) {
            throw new SitelensException(
                    ErrorCode.CONFIG_INVALID,
                    "consent.policy '" + id + "' is not installed; available: "
                            + java.util.stream.Stream.concat(
                                            java.util.stream.Stream.of(StrictOptInConsentPolicy.ID),
                                            plugins.keySet().stream())
                                    .toList());
        }
        return f;
    }
}
