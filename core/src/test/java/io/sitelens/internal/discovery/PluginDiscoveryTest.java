package io.sitelens.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sitelens.DiscoveryMode;
import io.sitelens.DiscoveryReport;
import io.sitelens.DiscoveryReport.ProblemKind;
import io.sitelens.ErrorCode;
import io.sitelens.Sitelens;
import io.sitelens.SitelensException;
import io.sitelens.memory.InMemoryStorageAdapter;
import io.sitelens.spi.consent.StrictOptInConsentPolicy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {
    private static final String ONE = "io.sitelens.testplugins.AcmeOne";
    private static final String TWO = "io.sitelens.testplugins.AcmeTwo";

    @TempDir
    Path dir;

    private static Sitelens.Builder builder(ClassLoader loader, DiscoveryMode mode) {
        return Sitelens.builder()
                .storage(new InMemoryStorageAdapter())
                .consentPolicy(StrictOptInConsentPolicy::new)
                .classLoader(loader)
                .discoverPlugins(mode);
    }

    @Test
    void no_plugin_on_the_class_path_is_fine_and_reports_nothing() {
        ClassLoader empty = new URLClassLoader(new URL[0], PluginDiscoveryTest.class.getClassLoader());
        Sitelens s = builder(empty, DiscoveryMode.STRICT).build();
        assertThat(s.discoveryReport().providers()).isEmpty();
        assertThat(s.discoveryReport().problems()).isEmpty();
        assertThat(s.connectorFactories()).isEmpty();
    }

    @Test
    void a_plugin_in_a_jar_is_found_with_its_id_capabilities_and_jar() throws Exception {
        Path jar = PluginJars.jar(dir, "acme-one", ONE);
        Sitelens s = builder(PluginJars.loaderOver(List.of(jar)), DiscoveryMode.STRICT)
                .build();
        assertThat(s.connectorFactories()).containsOnlyKeys("acme");
        DiscoveryReport.ProviderInfo info = s.discoveryReport().providers().get(0);
        assertThat(info.kind()).isEqualTo(DiscoveryReport.Kind.CONNECTOR);
        assertThat(info.className()).startsWith("io.sitelens.testplugins.");
        assertThat(info.source()).isEqualTo(jar.toString());
        assertThat(info.capabilities()).containsExactly("SITE_SERIES");
    }

    @Test
    void two_providers_with_one_id_fail_the_build_naming_both_classes_and_jars() throws Exception {
        Path one = PluginJars.jar(dir, "acme-one", ONE);
        Path two = PluginJars.jar(java.nio.file.Files.createDirectories(dir.resolve("other")), "acme-two", TWO);
        ClassLoader loader = PluginJars.loaderOver(List.of(one, two));
        assertThatThrownBy(() -> builder(loader, DiscoveryMode.LENIENT).build())
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.PLUGIN_CONFLICT);
                    assertThat(e.getMessage())
                            .contains("'acme'")
                            .contains(ONE)
                            .contains(TWO)
                            .contains(one.toString())
                            .contains(two.toString())
                            .contains("prefer(");
                });
    }

    @Test
    void the_host_can_choose_between_duplicates_with_prefer() throws Exception {
        Path one = PluginJars.jar(dir, "acme-one", ONE);
        Path two = PluginJars.jar(java.nio.file.Files.createDirectories(dir.resolve("other")), "acme-two", TWO);
        Sitelens s = builder(PluginJars.loaderOver(List.of(one, two)), DiscoveryMode.STRICT)
                .prefer("acme", TWO)
                .build();
        assertThat(s.connectorFactories()).containsOnlyKeys("acme");
        assertThat(s.discoveryReport().providers()).singleElement().satisfies(p -> {
            assertThat(p.plugin()).isEqualTo(TWO);
            assertThat(p.source()).isEqualTo(two.toString());
        });
    }

    @Test
    void a_plugin_that_fails_to_load_is_reported_with_class_and_cause_and_the_others_still_load() throws Exception {
        Path jar = PluginJars.jar(
                dir, "mixed", "io.sitelens.testplugins.Broken", ONE, "io.sitelens.testplugins.NoSuchPlugin");
        Sitelens s = builder(PluginJars.loaderOver(List.of(jar)), DiscoveryMode.LENIENT)
                .build();
        assertThat(s.connectorFactories()).containsOnlyKeys("acme");
        List<DiscoveryReport.Problem> problems = s.discoveryReport().problems();
        assertThat(problems)
                .extracting(DiscoveryReport.Problem::kind)
                .containsOnly(ProblemKind.LOAD_FAILED)
                .hasSize(2);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.className()).isEqualTo("io.sitelens.testplugins.Broken");
            assertThat(p.message()).contains("missing configuration file acme.properties");
            assertThat(p.fatal()).isFalse();
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("io.sitelens.testplugins.NoSuchPlugin"));
    }

    @Test
    void in_strict_mode_a_broken_plugin_fails_the_build() throws Exception {
        Path jar = PluginJars.jar(dir, "broken", "io.sitelens.testplugins.Broken");
        ClassLoader loader = PluginJars.loaderOver(List.of(jar));
        assertThatThrownBy(() -> builder(loader, DiscoveryMode.STRICT).build())
                .isInstanceOfSatisfying(SitelensException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.PLUGIN_LOAD_FAILED);
                    assertThat(e.getMessage()).contains("Broken").contains("acme.properties");
                });
    }

    @Test
    void a_plugin_for_another_major_spi_version_is_refused_naming_both_versions() throws Exception {
        Path jar = PluginJars.jar(dir, "future", "io.sitelens.testplugins.FromTheFuture");
        Sitelens s = builder(PluginJars.loaderOver(List.of(jar)), DiscoveryMode.LENIENT)
                .build();
        assertThat(s.connectorFactories()).doesNotContainKey("future");
        assertThat(s.discoveryReport().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.SPI_VERSION_MISMATCH);
            assertThat(p.message()).contains("SPI 2.0").contains("provides SPI 1.0");
        });
        ClassLoader loader = PluginJars.loaderOver(List.of(jar));
        assertThatThrownBy(() -> builder(loader, DiscoveryMode.STRICT).build())
                .isInstanceOfSatisfying(SitelensException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(ErrorCode.SPI_VERSION_MISMATCH));
    }

    @Test
    void a_connector_built_for_a_newer_minor_version_is_refused_alone() throws Exception {
        Path jar = PluginJars.jar(dir, "newer", "io.sitelens.testplugins.NewerMinorConnector");
        Sitelens s = builder(PluginJars.loaderOver(List.of(jar)), DiscoveryMode.LENIENT)
                .build();
        assertThat(s.connectorFactories()).containsOnlyKeys("fine");
        assertThat(s.discoveryReport().problems()).singleElement().satisfies(p -> assertThat(p.message())
                .contains("SPI 1.99"));
    }

    @Test
    void explicitly_registered_plugins_work_with_discovery_off() {
        Sitelens s = Sitelens.builder()
                .storage(new InMemoryStorageAdapter())
                .consentPolicy(StrictOptInConsentPolicy::new)
                .plugin(new io.sitelens.testplugins.AcmeOne())
                .build();
        assertThat(s.connectorFactories()).containsOnlyKeys("acme");
        assertThat(s.discoveryReport().providers().get(0).source()).isEqualTo("explicit");
    }

    @Test
    void two_instances_in_one_jvm_keep_separate_providers() {
        Sitelens withAcme = Sitelens.builder()
                .storage(new InMemoryStorageAdapter())
                .consentPolicy(StrictOptInConsentPolicy::new)
                .plugin(new io.sitelens.testplugins.AcmeOne())
                .build();
        Sitelens bare = Sitelens.builder()
                .storage(new InMemoryStorageAdapter())
                .consentPolicy(StrictOptInConsentPolicy::new)
                .build();
        assertThat(withAcme.connectorFactories()).containsKey("acme");
        assertThat(bare.connectorFactories()).isEmpty();
    }
}
