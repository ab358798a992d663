package dev.symphony.packaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph of docs/architecture.md, checked on the compiled classes of every module
 * (packaging sees them all). The enforcer rules in each pom check the same graph on Maven
 * dependencies; this test also catches package-level rules Maven cannot see.
 */
class ModuleBoundariesTest {
    private static final String HOST_MAIN = "dev.symphony.sdk.host.ExtensionHostMain";
    private static final String HARNESS = "dev.symphony.sdk.testing.ExtensionHarness";
    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.symphony");
    }

    @Test
    void javafxOnlyInUiAndPackaging() {
        noClasses().that().resideOutsideOfPackages("dev.symphony.ui..", "dev.symphony.packaging..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.fxmisc..", "org.testfx..")
                .because("no JavaFX anywhere but ui and packaging (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void ipcBusDependsOnNoneOfOurModules() {
        // the transport carries frames: it knows nothing of the extension contract (manifest, protocol, error codes)
        noClasses().that().resideInAPackage("dev.symphony.ipc..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("dev.symphony.ipc.."))
                .because("the transport imports nothing of the extension contract (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void extensionContractDependsOnNoneOfOurModules() {
        noClasses().that().resideInAPackage("dev.symphony.contract..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("dev.symphony.contract.."))
                .because("the contract is plain data both sides read, independent of the transport (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void editorDependsOnNoneOfOurModules() {
        noClasses().that().resideInAPackage("dev.symphony.editor..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("dev.symphony.editor.."))
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void approvalsDependOnNoneOfOurModules() {
        // the approval policy is judged the same way by agents (ui), Melody approval nodes (conductor) and
        // commands extensions ask to run (kernel), so it sits below all three
        noClasses().that().resideInAPackage("dev.symphony.approvals..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("dev.symphony.approvals.."))
                .because("the approval policy is used by the kernel, the conductor and the workbench (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void mcpDependsOnlyOnTheApprovalPolicyAndTheContractsSchemas() {
        // MCP tools are judged by the same policy as every other tool; agents (ui) and Melodies (conductor) use them.
        // Their schemas are checked by the project's one JSON-Schema set-up, the contract's.
        noClasses().that().resideInAPackage("dev.symphony.mcp..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("dev.symphony.mcp..", "dev.symphony.approvals..",
                        "dev.symphony.contract.."))
                .because("mcp sits below the conductor and the workbench, beside the approval policy (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("dev.symphony.mcp..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are of the contract outside its schema package",
                        c -> c.getPackageName().startsWith("dev.symphony.contract")
                                && !c.getPackageName().equals("dev.symphony.contract.schema")))
                .because("mcp uses the contract only for its JSON-Schema set-up (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void oneJsonSchemaSetUp() {
        // manifests, capability schemas, settings, Melodies, agent Operators and MCP tools all compile their schemas
        // through the contract's JsonSchemas: one validator configuration (draft, keywords) for the whole product
        noClasses().that().resideOutsideOfPackage("dev.symphony.contract.schema..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.networknt.schema.JsonSchemaFactory")
                .because("the project's one JSON-Schema set-up is the contract's JsonSchemas (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void kernelDependsOnlyOnTheContractTheBusAndTheApprovalPolicy() {
        noClasses().that().resideInAPackage("dev.symphony.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("dev.symphony.kernel..", "dev.symphony.contract..",
                        "dev.symphony.ipc..", "dev.symphony.approvals.."))
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void extensionsSdkAndSamplesDoNotReachIntoTheKernel() {
        noClasses().that().resideInAnyPackage("dev.symphony.sdk..", "dev.symphony.samples..")
                .should().dependOnClassesThat().resideInAnyPackage(ours("dev.symphony.sdk..", "dev.symphony.samples..",
                        "dev.symphony.contract..", "dev.symphony.ipc.."))
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void samplesImportNothingOfTheBusNorTheHostRuntime() {
        noClasses().that().resideInAPackage("dev.symphony.samples..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.symphony.ipc..", "dev.symphony.sdk.internal..",
                        "dev.symphony.sdk.host..")
                .because("an extension sees the SDK's api, services and testing packages and the contract only (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theLauncherReachesExtensionsOnlyThroughTheRegistry() {
        noClasses().that().resideInAPackage("dev.symphony.packaging..")
                .should().dependOnClassesThat().resideInAPackage("dev.symphony.samples..")
                .because("an extension's commands are contributed in its manifest and run by the kernel's ToolCommand (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheHostMainAndTheHarnessUseTheHostRuntime() {
        noClasses().that().resideOutsideOfPackage("dev.symphony.sdk.internal..")
                .and(areNeitherNorNestedIn(HOST_MAIN, HARNESS))
                .should().dependOnClassesThat().resideInAPackage("dev.symphony.sdk.internal..")
                .because("the host runtime is not SDK surface: the host main starts it, the harness drives it (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
        // the two exceptions are real classes of this import, so a rename cannot silently widen the rule
        for (String allowed : List.of(HOST_MAIN, HARNESS)) {
            assertTrue(classes.contain(allowed), allowed + " is not among the imported classes: update this rule");
        }
    }

    /**
     * The import must hold every sample module's classes, or the rules about samples check nothing for the ones left
     * out: each module of sample-extensions/pom.xml is a test dependency of packaging (its pom).
     */
    @Test
    void everySampleModuleIsChecked() throws IOException {
        Path samples = Path.of("..", "sample-extensions").toAbsolutePath().normalize();
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(samples.resolve("pom.xml")));
        List<String> unchecked = new ArrayList<>();
        int seen = 0;
        while (modules.find()) {
            seen++;
            Path sources = samples.resolve(modules.group(1)).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                        .map(f -> sources.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceFirst("\\.java$", ""))
                        .filter(name -> !classes.contain(name))
                        .findFirst().ifPresent(name -> unchecked.add(modules.group(1) + " (" + name + ")"));
            }
        }
        assertTrue(seen > 0, "no <module> in " + samples.resolve("pom.xml"));
        assertTrue(unchecked.isEmpty(), "sample modules whose classes ModuleBoundariesTest does not see: " + unchecked
                + "; add each as a test-scoped dependency of packaging (packaging/pom.xml)");
    }

    @Test
    void theSdkPublicSurfaceExposesNoTransport() {
        noClasses().that().resideInAnyPackage("dev.symphony.sdk.api..", "dev.symphony.sdk.services..", "dev.symphony.sdk.testing..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.symphony.ipc..")
                .because("what authors compile against speaks the contract, not the bus (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void pitServicesUseSiblingsOnlyThroughTheirApi() {
        String[] services = {"pool", "dag", "artifact", "arbitration", "stale"};
        for (String service : services) {
            for (String sibling : services) {
                if (service.equals(sibling)) {
                    continue;
                }
                noClasses().that().resideInAPackage("dev.symphony.pit." + service + "..")
                        .should().dependOnClassesThat(DescribedPredicate.describe(
                                "are in pit." + sibling + " outside its api package",
                                c -> c.getPackageName().startsWith("dev.symphony.pit." + sibling)
                                        && !c.getPackageName().startsWith("dev.symphony.pit." + sibling + ".api")))
                        .allowEmptyShould(true).check(classes);
            }
            noClasses().that().resideInAPackage("dev.symphony.pit." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.symphony.conductor..", "dev.symphony.ui..",
                            "dev.symphony.editor..", "dev.symphony.sdk..", "dev.symphony.packaging..")
                    .allowEmptyShould(true).check(classes);
        }
    }

    @Test
    void inMemoryPitServicesDoNoBlockingIo() {
        // The artifact store and stale manager own files by design; these three are pure in-memory hot paths.
        noClasses().that().resideInAnyPackage("dev.symphony.pit.pool..", "dev.symphony.pit.dag..", "dev.symphony.pit.arbitration..")
                .and().resideOutsideOfPackage("..bench..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void pitApisExposeNoInternalTypesButTheirFactories() {
        // An api's static factory names the implementation class; no other api signature exposes internals.
        noClasses().that().resideInAPackage("dev.symphony.pit.*.api..")
                .and().haveSimpleNameNotEndingWith("Factory")
                .and(DescribedPredicate.describe("are not a service entry point",
                        c -> !c.getSimpleName().matches("PoolManager|DagTracker|GraphBuilder|Arbiter|ArtifactStore|StaleManager")))
                .should().dependOnClassesThat().resideInAPackage("dev.symphony.pit..internal..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void conductorDoesNotReachIntoTheUiOrEditor() {
        noClasses().that().resideInAPackage("dev.symphony.conductor..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.symphony.ui..", "dev.symphony.editor..",
                        "dev.symphony.packaging..", "dev.symphony.sdk..", "dev.symphony.agent..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void theAgentIsBelowTheWorkbench() {
        // the chat's agent and the agent Operators of headless runs: no JavaFX, no workbench, no launcher
        noClasses().that().resideInAPackage("dev.symphony.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.symphony.ui..", "dev.symphony.packaging..",
                        "dev.symphony.sdk..", "dev.symphony.samples..", "dev.symphony.ipc..")
                .because("agent sits between the conductor and the workbench (docs/architecture.md)")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void internalPackagesAreNotUsedFromOtherModules() {
        String[][] modules = {{"ipc"}, {"contract"}, {"kernel"}, {"approvals"}, {"mcp"}, {"editor"}, {"pit.pool"}, {"pit.dag"}, {"pit.artifact"},
                {"pit.arbitration"}, {"pit.stale"}, {"conductor"}, {"agent"}, {"sdk"}, {"ui"}};
        for (String[] module : modules) {
            String root = "dev.symphony." + module[0];
            noClasses().that().resideOutsideOfPackage(root + "..")
                    .should().dependOnClassesThat().resideInAPackage(root + "..internal..")
                    .because(root + "'s internal packages are its own")
                    .allowEmptyShould(true).check(classes);
        }
    }

    /** Classes other than those named and the classes nested in them (inner and anonymous classes compile to those). */
    private static DescribedPredicate<JavaClass> areNeitherNorNestedIn(String... names) {
        return DescribedPredicate.describe("are not " + String.join(" nor ", names), c -> {
            for (String name : names) {
                if (c.getName().equals(name) || c.getName().startsWith(name + "$")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every one of our packages except the allowed ones. */
    private static String[] ours(String... allowed) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("dev.symphony.ipc..", "dev.symphony.contract..", "dev.symphony.kernel..",
                "dev.symphony.approvals..", "dev.symphony.mcp..", "dev.symphony.agent..",
                "dev.symphony.editor..", "dev.symphony.pit..", "dev.symphony.conductor..", "dev.symphony.sdk..",
                "dev.symphony.samples..", "dev.symphony.ui..", "dev.symphony.packaging.."));
        all.removeAll(java.util.List.of(allowed));
        return all.toArray(String[]::new);
    }
}
