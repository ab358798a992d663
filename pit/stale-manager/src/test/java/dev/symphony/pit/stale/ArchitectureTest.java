package dev.symphony.pit.stale;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** ARCHITECTURE.md: a Pit service may use a sibling's api package, never its internals. */
class ArchitectureTest {
    @Test
    void usesTheArtifactStoreOnlyThroughItsApi() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.symphony.pit.stale");
        noClasses().should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "artifact-store internals",
                        c -> c.getPackageName().startsWith("dev.symphony.pit.artifact")
                                && !c.getPackageName().startsWith("dev.symphony.pit.artifact.api")))
                .check(classes);
    }
}
