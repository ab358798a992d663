package dev.symphony.pit.arbitration;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** ARCHITECTURE.md rules for this Pit service, checked on the compiled main classes. */
class ArchitectureTest {
    private static final String SELF = "dev.symphony.pit.arbitration";
    /** This module's compiled main classes only (Surefire runs in the module folder); scanning jars is slow. */
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Paths.get("target", "classes"));

    @Test
    void siblingPitServicesOnlyThroughTheirApi() {
        noClasses().that().resideInAPackage(SELF + "..")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                "a sibling Pit service outside its api package",
                (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("dev.symphony.pit.")
                    && !c.getPackageName().startsWith(SELF)
                    && !c.getPackageName().matches("dev\\.symphony\\.pit\\.[a-z]+\\.api(\\..*)?")))
            .check(CLASSES);
    }

    @Test
    void noBlockingIoOrUiInTheService() {
        noClasses().that().resideInAPackage(SELF + "..").and().resideOutsideOfPackage(SELF + ".bench..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..",
                "javafx..", "java.sql..")
            .allowEmptyShould(true)
            .check(CLASSES);
    }

    @Test
    void apiDoesNotLeakInternalTypesExceptTheFactory() {
        // The api's static factory names the implementation class; no api signature exposes internal types.
        noClasses().that().resideInAPackage(SELF + ".api..")
            .should().dependOnClassesThat().resideInAPackage(SELF + ".internal..")
            .because("only the create(...) factory may construct the implementation")
            .allowEmptyShould(true)
            .check(CLASSES.that(com.tngtech.archunit.base.DescribedPredicate.describe("non-factory api types",
                (com.tngtech.archunit.core.domain.JavaClass c) -> !c.getSimpleName().matches(FACTORIES))));
    }

    private static final String FACTORIES = "PoolManager|DagTracker|GraphBuilder|Arbiter";
}
