package io.sitelens.insights;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** The module's own rules: it depends on core only, and prints nothing (only the CLI may). */
class InsightsArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sitelens.insights");

    @Test
    void depends_on_core_and_the_jdk_only() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.jspecify..",
                        "io.sitelens",
                        "io.sitelens.model..",
                        "io.sitelens.spi..",
                        "io.sitelens.insights..")
                .check(MAIN);
    }

    @Test
    void never_writes_to_standard_streams() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
    }

    @Test
    void uses_no_core_internals() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sitelens.internal..")
                .check(MAIN);
    }
}
