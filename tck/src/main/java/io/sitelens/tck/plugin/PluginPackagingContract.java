package io.sitelens.tck.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sitelens.model.Secret;
import io.sitelens.model.SecretRef;
import io.sitelens.model.TenantId;
import io.sitelens.spi.SitelensPlugin;
import io.sitelens.spi.SitelensSpi;
import io.sitelens.spi.connector.ConnectorConfig;
import io.sitelens.spi.connector.MetricConnectorFactory;
import io.sitelens.spi.crawl.PageCheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How a plugin jar must be packaged: its {@link SitelensPlugin} is declared in
 * {@code META-INF/services/io.sitelens.spi.SitelensPlugin} and loadable by {@link ServiceLoader}, it targets
 * this SPI version, its provider ids are well-formed and unique, and secrets given to its connectors stay
 * masked.
 */
public abstract class PluginPackagingContract {

    /** The plugin class under test. */
    protected abstract Class<? extends SitelensPlugin> pluginClass();

    private SitelensPlugin plugin() {
        try {
            return pluginClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(
                    pluginClass().getName() + " needs a public no-argument constructor for ServiceLoader: " + e, e);
        }
    }

    @Test
    void the_plugin_is_declared_in_its_services_file() throws IOException {
        List<String> declared = new ArrayList<>();
        for (URL url : Collections.list(
                pluginClass().getClassLoader().getResources("META-INF/services/" + SitelensPlugin.class.getName()))) {
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                r.lines()
                        .map(l -> l.replaceAll("#.*", "").trim())
                        .filter(l -> !l.isEmpty())
                        .forEach(declared::add);
            }
        }
        assertThat(declared)
                .as("META-INF/services/io.sitelens.spi.SitelensPlugin must list "
                        + pluginClass().getName())
                .contains(pluginClass().getName());
    }

    @Test
    void service_loader_finds_and_instantiates_the_plugin() {
        Optional<SitelensPlugin> found =
                ServiceLoader.load(SitelensPlugin.class, pluginClass().getClassLoader()).stream()
                        .filter(p -> p.type() == pluginClass())
                        .map(ServiceLoader.Provider::get)
                        .findFirst();
        assertThat(found)
                .as("ServiceLoader could not load " + pluginClass().getName())
                .isPresent();
    }

    @Test
    void the_plugin_targets_this_spi_version() {
        assertThat(plugin().spiVersion()).as("return SitelensSpi.VERSION").isEqualTo(SitelensSpi.VERSION);
        for (MetricConnectorFactory f : plugin().connectors()) {
            assertThat(f.spiVersion()).as(f.id() + ".spiVersion()").isEqualTo(SitelensSpi.VERSION);
        }
    }

    @Test
    void provider_ids_are_lowercase_words_and_unique_per_kind() {
        SitelensPlugin p = plugin();
        Set<String> connectorIds = new HashSet<>();
        for (MetricConnectorFactory f : p.connectors()) {
            assertThat(f.id()).matches("[a-z][a-z0-9-]*");
            assertThat(connectorIds.add(f.id()))
                    .as("connector id twice: " + f.id())
                    .isTrue();
        }
        Set<String> checkIds = new HashSet<>();
        for (PageCheck c : p.pageChecks()) {
            assertThat(c.id()).matches("[a-z][a-z0-9-]*");
            assertThat(checkIds.add(c.id()))
                    .as("page check id twice: " + c.id())
                    .isTrue();
            assertThat(c.explanation())
                    .as(c.id() + " needs a plain explanation")
                    .isNotBlank();
        }
    }

    @Test
    void connector_secrets_are_masked_in_config_and_secret_strings() {
        String value = "tck-secret-" + System.nanoTime();
        for (MetricConnectorFactory f : plugin().connectors()) {
            Map<String, SecretRef> refs = new HashMap<>();
            for (String k : f.secretKeys()) {
                refs.put(k, SecretRef.parse("env:TCK_" + k.toUpperCase(java.util.Locale.ROOT)));
            }
            ConnectorConfig config = new ConnectorConfig(
                    f.id(), f.id(), TenantId.DEFAULT, Map.of(), refs, (tenant, ref) -> Optional.of(Secret.of(value)));
            assertThat(config.toString()).doesNotContain(value);
            for (String k : f.secretKeys()) {
                assertThat(config.secret(k).toString()).doesNotContain(value);
            }
        }
    }
}
