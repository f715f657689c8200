package io.sitelens.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of DESIGN.md, for this module. */
@AnalyzeClasses(packages = "io.sitelens.report", importOptions = ImportOption.DoNotIncludeTests.class)
class ReportArchitectureTest {

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
            .because("the report reads stored data through core APIs, never another module or the engine internals");

    @ArchTest
    static final ArchRule no_logging_backend_or_console = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ch.qos.logback..", "org.slf4j.simple..")
            .orShould()
            .accessField(System.class, "out")
            .because("library modules bind no logging backend and print nothing");
}
