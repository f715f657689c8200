package io.sitelens.connector.ga4;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, for this module. */
class Ga4ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sitelens.connector.ga4");

    @Test
    void no_connector_depends_on_another_connector() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.sitelens.connector.matomo..",
                        "io.sitelens.connector.gtm..",
                        "io.sitelens.connector.mailchimp..")
                .check(CLASSES);
    }

    @Test
    void the_plugin_uses_only_the_public_spi_of_core() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sitelens.internal..")
                .check(CLASSES);
    }

    @Test
    void nothing_prints_to_standard_output_or_binds_a_logging_backend() {
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("ch.qos.logback..", "org.slf4j.simple..")
                .check(CLASSES);
    }

    @Test
    void the_grpc_transport_is_never_referenced() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.grpc..", "com.google.api.gax.grpc..")
                .check(CLASSES);
    }
}
