package io.sitelens.storage.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, for this module. */
class ArchitectureTest {
    private static final JavaClasses STORAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sitelens.storage.jdbc");

    @Test
    void storage_uses_core_only_through_its_api_not_its_internals() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sitelens.internal..")
                .because("core's internals may change in any release")
                .check(STORAGE);
    }

    @Test
    void storage_depends_on_no_connector_crawler_or_cli() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.sitelens.connector..", "io.sitelens.crawler..", "io.sitelens.cli..")
                .check(STORAGE);
    }

    @Test
    void a_library_module_binds_no_logging_backend_and_prints_nothing() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ch.qos.logback..", "org.slf4j.simple..", "org.apache.logging.log4j.core..")
                .check(STORAGE);
        noClasses()
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(STORAGE);
    }

    @Test
    void the_public_package_does_not_leak_pool_or_migration_types_to_callers() {
        noClasses()
                .that()
                .resideInAPackage("io.sitelens.storage.jdbc")
                .and()
                .arePublic()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.flywaydb..")
                .because("Flyway is an implementation detail of the internal package")
                .check(STORAGE);
    }
}
