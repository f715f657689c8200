package io.sitelens.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency and naming rules of DESIGN.md and STYLE.md, over every sitelens class on the CLI's class path
 * (which holds every module). Test classes are excluded.
 */
class ArchitectureTest {
    private static final List<String> THIRD_PARTY_IN_SPI =
            List.of("okhttp3", "okio", "com.fasterxml.jackson", "org.jsoup", "com.google", "crawlercommons", "io.grpc");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("io.sitelens");
    }

    @Test
    void core_depends_on_nothing_heavier_than_slf4j_and_jspecify() {
        classes()
                .that()
                .resideInAnyPackage(
                        "io.sitelens",
                        "io.sitelens.model..",
                        "io.sitelens.spi..",
                        "io.sitelens.internal..",
                        "io.sitelens.memory..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "javax..",
                        "org.slf4j..",
                        "org.jspecify..",
                        "io.sitelens",
                        "io.sitelens.model..",
                        "io.sitelens.spi..",
                        "io.sitelens.internal..",
                        "io.sitelens.memory..")
                .because("core must stay light: a host pays for every dependency it drags in (DESIGN.md, Modules)")
                .check(classes);
    }

    @Test
    void no_third_party_type_appears_in_an_spi_signature() {
        methodsOfSpi()
                .should(new ArchCondition<>("not mention OkHttp, Jackson, jsoup or Google types") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Set<JavaClass> types = new java.util.HashSet<>(method.getRawParameterTypes());
                        types.add(method.getRawReturnType());
                        for (JavaClass t : types) {
                            if (THIRD_PARTY_IN_SPI.stream()
                                    .anyMatch(p -> t.getPackageName().startsWith(p))) {
                                events.add(SimpleConditionEvent.violated(
                                        method, method.getFullName() + " uses " + t.getName()));
                            }
                        }
                    }
                })
                .because("plugins must not be tied to our HTTP, JSON or HTML libraries (DESIGN.md, Rules of direction)")
                .check(classes);
    }

    private static com.tngtech.archunit.lang.syntax.elements.GivenMethodsConjunction methodsOfSpi() {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("io.sitelens.spi..")
                .and()
                .arePublic();
    }

    @Test
    void no_connector_depends_on_another_connector() {
        slices().matching("io.sitelens.connector.(*)..")
                .should()
                .notDependOnEachOther()
                .because("a GTM plugin asks the GA4 binding through PluginContext, never through the GA4 module")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void plugins_do_not_reach_into_core_internals() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.sitelens", "io.sitelens.internal..", "io.sitelens.memory..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.sitelens.internal..")
                .because("io.sitelens.internal is not API (STYLE.md, Layout)")
                .check(classes);
    }

    @Test
    void only_the_cli_binds_a_logging_backend_or_prints_to_stdout() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.sitelens.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ch.qos.logback..", "org.apache.logging.log4j.core..")
                .because("a library must not choose the host's logging backend")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("io.sitelens.cli..")
                .should()
                .accessField(System.class, "out")
                .because("no System.out outside the CLI (STYLE.md, Code)")
                .check(classes);
    }

    @Test
    void names_follow_the_house_style() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Impl")
                .orShould()
                .haveSimpleNameEndingWith("Manager")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .orShould()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .because("roles are nouns, implementations carry their technology (STYLE.md, Naming)")
                .check(classes);
        noClasses()
                .should()
                .resideInAnyPackage("..util..", "..utils..", "..helper..", "..common..")
                .because("a helper lives next to its caller (STYLE.md, Layout)")
                .check(classes);
    }

    @Test
    void the_model_does_not_depend_on_the_spis_or_the_engine() {
        noClasses()
                .that()
                .resideInAPackage("io.sitelens.model..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "SPI or engine classes",
                        (JavaClass c) -> c.getPackageName().startsWith("io.sitelens.spi")
                                || c.getPackageName().startsWith("io.sitelens.internal")))
                .check(classes);
    }
}
