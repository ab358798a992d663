package dev.symphony.ui.extensions;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.marketplace.IndexBuilder;
import dev.symphony.kernel.signing.ArchiveSigner;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.TrustedPublishers;
import dev.symphony.ui.TestWorkbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Extensions view installs from a signed index: hello-addon's archive signed by a trusted publisher key and
 * published with {@code IndexBuilder} into a folder named by {@code extensions.indexes}; search, select, Install,
 * the permission review says who signed it, approve, and the real kernel has the extension.
 */
@ExtendWith(ApplicationExtension.class)
class MarketplaceUiTest {
    private static final String ID = "dev.symphony.samples.hello-addon";
    private TestWorkbench bench;
    private Kernel kernel;
    private ExtensionsWorkbench extensions;
    private PublisherKey key;
    private Path repo;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "marketplace");
        key = PublisherKey.generate("Symphony");
        repo = Files.createDirectories(bench.paths().cacheDir().getParent().resolve("repo"));
        Path archive = Files.copy(ExtensionsUiTest.archive(), repo.resolve("hello-addon-0.1.0.zip"));
        ArchiveSigner.sign(archive, key);
        IndexBuilder.build(repo, key);
        new TrustedPublishers(bench.paths().configDir()).add(key.publisher(), key.publicKey());
        Files.createDirectories(bench.paths().configDir());
        Files.writeString(bench.paths().userSettingsFile(), "{\"extensions.indexes\": [\"" + repo.toString().replace("\\", "\\\\") + "\"]}");
        kernel = Kernel.start(new KernelContext().paths(bench.paths()).workspace(bench.workspace));
        extensions = ExtensionsWorkbench.attach(bench.workbench, CompletableFuture.completedFuture(kernel), () -> null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        extensions.close();
        kernel.close();
        bench.close();
    }

    @Test
    void searchAnIndexAndInstallFromItThroughThePermissionReview(FxRobot robot) throws Exception {
        robot.interact(() -> bench.workbench.window().run(ExtensionContributions.SHOW_EXTENSIONS));
        waitUntil("the Extensions view shows", () -> robot.lookup("#" + MarketplacePane.SEARCH_ID).tryQuery().isPresent());
        TestWorkbench.clickOn(robot, "#" + MarketplacePane.SEARCH_ID).write("hello").type(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        ListView<Object> results = robot.lookup("#" + MarketplacePane.RESULTS_ID).queryAs(ListView.class);
        Label status = robot.lookup("#" + MarketplacePane.STATUS_ID).queryAs(Label.class);
        waitUntil("the search is done", 60, () -> !status.getText().startsWith("Searching"));
        assertEquals("1 found", status.getText());
        assertEquals(1, results.getItems().size());
        robot.interact(() -> results.getSelectionModel().select(0));
        TestWorkbench.clickOn(robot, robot.lookup("#" + MarketplacePane.INSTALL_ID).queryAs(Node.class));
        waitUntil("the permission review shows", 60, () -> robot.lookup("#" + ExtensionsView.REVIEW_ID).query().isVisible()
                && robot.lookup("#" + ExtensionsView.APPROVE_ID).tryQuery().isPresent());
        String signer = robot.lookup("#" + ExtensionsView.SIGNATURE_ID).queryAs(Label.class).getText();
        assertTrue(signer.contains("Signed by Symphony, a trusted publisher key"), signer);
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "marketplace-review.png"));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ExtensionsView.APPROVE_ID).queryAs(Node.class));
        waitUntil("the extension is installed and read", 60, () -> kernel.player(ID).map(p -> p.manifest()).isPresent());
        assertTrue(Files.isRegularFile(bench.paths().data("extensions").resolve(ID).resolve("symphony-extension.json")));
    }

    @Test
    void anUpdateThatAsksForMoreIsReviewedWithTheDifferenceThenRunsTheNewVersion(FxRobot robot) throws Exception {
        searchAnIndexAndInstallFromItThroughThePermissionReview(robot);
        String installed = kernel.player(ID).orElseThrow().manifest().version();
        Path next = withManifest(ExtensionsUiTest.archive(), repo.resolve("hello-addon-9.0.0.zip"),
                m -> m.replace("\"version\": \"" + installed + "\"", "\"version\": \"9.0.0\"")
                        .replace("\"permissions\": {", "\"permissions\": {\"network\": [\"api.example.com\"], "));
        ArchiveSigner.sign(next, key);
        IndexBuilder.build(repo, key);

        // installing the new archive itself (from a file, or Install on a search result) is an update all the same
        extensions.model().review(next);
        waitUntil("the review of an install over the installed version shows the difference", 60,
                () -> robot.lookup("#" + ExtensionsView.CHANGES_ID).tryQuery()
                        .map(n -> ((Label) n).getText().contains("+ network hosts: api.example.com")).orElse(false)
                        && reviewBuilt(robot));
        assertTrue(robot.lookup("#" + ExtensionsView.APPROVE_ID).queryAs(javafx.scene.control.Button.class).getText().equals("Approve and Update"));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ExtensionsView.DENY_ID).queryAs(Node.class));
        waitUntil("the review is closed", 60, () -> robot.lookup("#" + ExtensionsView.CHANGES_ID).tryQuery().isEmpty());
        assertEquals(installed, kernel.player(ID).orElseThrow().manifest().version(), "denied: still the installed version");

        TestWorkbench.clickOn(robot, robot.lookup("#" + MarketplacePane.CHECK_UPDATES_ID).queryAs(Node.class));
        Label status = robot.lookup("#" + MarketplacePane.STATUS_ID).queryAs(Label.class);
        waitUntil("the updates are checked", 60, () -> !status.getText().startsWith("Checking"));
        @SuppressWarnings("unchecked")
        ListView<Object> updates = robot.lookup("#" + MarketplacePane.UPDATES_ID).queryAs(ListView.class);
        assertEquals(1, updates.getItems().size(), status.getText());
        robot.interact(() -> updates.getSelectionModel().select(0));
        TestWorkbench.clickOn(robot, robot.lookup("#" + MarketplacePane.UPDATE_ID).queryAs(Node.class));
        waitUntil("the review of the update shows", 60, () -> robot.lookup("#" + ExtensionsView.CHANGES_ID).tryQuery().isPresent()
                && reviewBuilt(robot));
        String changes = robot.lookup("#" + ExtensionsView.CHANGES_ID).queryAs(Label.class).getText();
        assertTrue(changes.contains(installed + " → 9.0.0") && changes.contains("DIFFERENT permissions")
                && changes.contains("+ network hosts: api.example.com") && changes.contains("- network hosts: none"), changes);
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "marketplace-update-review.png"));
        TestWorkbench.clickOn(robot, robot.lookup("#" + ExtensionsView.APPROVE_ID).queryAs(Node.class));
        waitUntil("the kernel runs the new version", 60,
                () -> kernel.player(ID).map(p -> p.manifest().version()).orElse("").equals("9.0.0"));
        waitUntil("no update is left", 60, () -> updates.getItems().isEmpty());

        @SuppressWarnings("unchecked")
        ListView<ExtensionRow> rows = robot.lookup("#" + ExtensionsView.LIST_ID).queryAs(ListView.class);
        waitUntil("the list shows 9.0.0", 60, () -> rows.getItems().stream().anyMatch(r -> r.id().equals(ID) && r.summary().contains("9.0.0")));
        robot.interact(() -> rows.getSelectionModel().select(rows.getItems().stream().filter(r -> r.id().equals(ID)).findFirst().orElseThrow()));
        TestWorkbench.clickOn(robot, robot.lookup(".button").match(n -> n instanceof javafx.scene.control.Button b && "Roll Back".equals(b.getText()))
                .queryAs(Node.class));
        waitUntil("the review of the rollback shows", 60, () -> robot.lookup("#" + ExtensionsView.CHANGES_ID).tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Roll back 9.0.0 → " + installed)).orElse(false)
                && reviewBuilt(robot));
        String back = robot.lookup("#" + ExtensionsView.CHANGES_ID).queryAs(Label.class).getText();
        assertTrue(back.contains("- network hosts: api.example.com"), back);
        TestWorkbench.clickOn(robot, robot.lookup("#" + ExtensionsView.APPROVE_ID).queryAs(Node.class));
        waitUntil("the kernel runs the older version again", 60,
                () -> kernel.player(ID).map(p -> p.manifest().version()).orElse("").equals(installed));
    }

    /** A copy of the archive {@code in} whose manifest {@code change} rewrote (the signature entry left out). */
    private static Path withManifest(Path in, Path out, java.util.function.UnaryOperator<String> change) throws java.io.IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(in.toFile());
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(out))) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith("META-INF/symphony-signature")) {
                    continue;
                }
                z.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals("symphony-extension.json")) {
                    String text = change.apply(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                    bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out;
    }

    /**
     * The review's buttons are there: the JavaFX thread builds the review label by label, its approve button last, so
     * a wait that saw only the changes label could look the button up before it was added (CI: no #extensions-approve).
     */
    private static boolean reviewBuilt(FxRobot robot) {
        return robot.lookup("#" + ExtensionsView.APPROVE_ID).tryQuery().isPresent();
    }

}
