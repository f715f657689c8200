package io.sitelens.connector.file;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of DESIGN.md, for this module. */
@AnalyzeClasses(packages = "io.sitelens.connector.file", importOptions = ImportOption.DoNotIncludeTests.class)
class FileArchitectureTest {

    @ArchTest
    static final ArchRule no_other_connector_or_module_is_used = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.sitelens.connector.ga4..",
                    "io.sitelens.connector.gtm..",
                    "io.sitelens.connector.matomo..",
                    "io.sitelens.crawler..",
                    "io.sitelens.cli..",
                    "io.sitelens.internal..",
                    "io.sitelens.memory..")
            .because("a connector depends on core only");

    @ArchTest
    static final ArchRule no_logging_backend_or_console = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ch.qos.logback..", "org.slf4j.simple..")
            .orShould()
            .accessField(System.class, "out")
            .because("library modules bind no logging backend and print nothing");
}
