package io.sitelens.connector.gtm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of DESIGN.md, for this module. */
@AnalyzeClasses(packages = "io.sitelens.connector.gtm", importOptions = ImportOption.DoNotIncludeTests.class)
class GtmArchitectureTest {

    @ArchTest
    static final ArchRule no_other_connector_or_module_is_used = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.sitelens.connector.ga4..",
                    "io.sitelens.connector.matomo..",
                    "io.sitelens.crawler..",
                    "io.sitelens.cli..",
                    "io.sitelens.internal..",
                    "io.sitelens.memory..")
            .because("the gtm connector reaches GA4 only through PluginContext.connectorWith(GA4_EVENTS)");

    @ArchTest
    static final ArchRule no_logging_backend_or_console = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ch.qos.logback..", "org.slf4j.simple..")
            .orShould()
            .accessField(System.class, "out")
            .because("library modules bind no logging backend and print nothing");
}
