package dev.symphony.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.files.ExplorerView;
import dev.symphony.ui.palette.CommandPaletteView;
import dev.symphony.ui.settings.SettingsView;
import dev.symphony.ui.shell.ActivityBar;
import dev.symphony.ui.shell.StatusBarView;
import dev.symphony.ui.shell.WorkbenchServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Clicks through the real workbench (headless Monocle): tree, palette, settings, theme. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {
    private Path home;
    private Path workspace;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("symphony-ui-home");
        workspace = Files.createTempDirectory("symphony-ui-ws");
        Files.writeString(workspace.resolve("README.md"), "# Hello\n");
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/Main.java"), "class Main {}\n");
        workbench = new Workbench(WorkbenchServices.start(SymphonyPaths.under(home)), stage);
        workbench.openFolder(workspace);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestWorkbench.closeOnFx(workbench);
        for (Path dir : new Path[] {home, workspace}) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void waitUntil(String what, Supplier<Boolean> condition) throws TimeoutException {
        // a lookup from this thread can meet the scene graph mid-change (the settings page rebuilding):
        // TestWorkbench.waitUntil counts that as "not yet", not a failure
        TestWorkbench.waitUntil(what, condition);
    }

    private Optional<Node> treeCell(FxRobot robot, String name) {
        return robot.lookup(".tree-cell").queryAll().stream()
                .filter(n -> name.equals(((TreeCell<?>) n).getText()))
                .findFirst();
    }

    /** Types an answer into the dialog that asks for a name (replacing its suggestion) and confirms. */
    private static void answerDialog(FxRobot robot, String answer) throws Exception {
        waitUntil("a dialog asks for a name", () -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        TestWorkbench.clickOn(robot, ".dialog-pane .text-field");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(answer).type(KeyCode.ENTER);
    }

    /** Opens the command palette, types {@code query} and runs the first command listed. */
    private void runFromPalette(FxRobot robot, String query) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the palette shows", () -> robot.lookup("#" + CommandPaletteView.ID).query().isVisible());
        robot.write(query);
        waitUntil("the command is listed first", () -> robot.lookup(".list-cell").queryAll().stream()
                .findFirst().map(n -> n.toString().length() > 0).orElse(false));
        robot.type(KeyCode.ENTER);
    }

    private Path userSettings() {
        return SymphonyPaths.under(home).userSettingsFile();
    }

    @Test
    void openFolderShowsItsFilesAndOpensOneInATab(FxRobot robot) throws Exception {
        waitUntil("README.md shows in the tree", () -> treeCell(robot, "README.md").isPresent());
        assertTrue(treeCell(robot, "src").isPresent());
        TestWorkbench.doubleClickOn(robot, treeCell(robot, "README.md").get());
        waitUntil("README.md opens in a tab", () -> workbench.tabs().selectedProperty().get() != null);
        assertEquals("# Hello\n", workbench.tabs().selectedProperty().get().text());
        // the tab's header is laid out on a later pulse than the one that selected the document
        waitUntil("the tab shows README.md", () -> robot.lookup(".tab-label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && "README.md".equals(l.getText())));
    }

    /** Another program changes an open file: a clean tab follows the disk; unsaved edits are kept, then Revert File loads the disk. */
    @Test
    void aFileChangedOnDiskReloadsACleanTabAndNeverDropsUnsavedEdits(FxRobot robot) throws Exception {
        Path readme = workspace.resolve("README.md");
        robot.interact(() -> workbench.openFile(readme, d -> { }));
        waitUntil("README.md opens in a tab", () -> workbench.tabs().find(readme).isPresent());
        var document = workbench.tabs().find(readme).get();

        Files.writeString(readme, "# Hello\n\nChanged by another program.\n");
        waitUntil("the clean tab shows the disk's text", () -> document.text().contains("another program"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(document.dirtyProperty().get(), "a reload leaves the tab clean");

        robot.interact(() -> document.buffer().edit(dev.symphony.editor.text.ChangeSet.of(
                dev.symphony.editor.text.TextEdit.insert(0, "mine ")), dev.symphony.editor.buffer.EditKind.COMMAND));
        Files.writeString(readme, "# Rewritten on disk\n");
        waitUntil("the user is told", () -> String.valueOf(workbench.tabs().lastErrorProperty().get()).contains("changed on disk"));
        assertTrue(document.text().startsWith("mine # Hello"), document.text());
        assertTrue(document.dirtyProperty().get());

        runFromPalette(robot, "Revert File");
        waitUntil("Revert File loads the disk version", () -> document.text().equals("# Rewritten on disk\n"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(document.dirtyProperty().get());
        robot.interact(() -> document.buffer().undo());
        assertTrue(document.text().startsWith("mine # Hello"), "Undo brings the edits back: " + document.text());
    }

    @Test
    void filesCreatedOnDiskByOthersAppearInTheTree(FxRobot robot) throws Exception {
        waitUntil("README.md shows in the tree", () -> treeCell(robot, "README.md").isPresent());
        Files.writeString(workspace.resolve("made-elsewhere.txt"), "x");
        waitUntil("the new file shows without a manual refresh", () -> treeCell(robot, "made-elsewhere.txt").isPresent());
        Files.delete(workspace.resolve("made-elsewhere.txt"));
        waitUntil("and goes when deleted", () -> treeCell(robot, "made-elsewhere.txt").isEmpty());
    }

    @Test
    void createRenameAndDeleteAFileFromTheTree(FxRobot robot) throws Exception {
        waitUntil("src shows in the tree", () -> treeCell(robot, "src").isPresent());
        TestWorkbench.clickOn(robot, treeCell(robot, "src").get());
        TestWorkbench.clickOn(robot, "#" + ExplorerView.NEW_FILE_ID);
        answerDialog(robot, "notes.txt");
        Path created = workspace.resolve("src/notes.txt");
        waitUntil("notes.txt exists on disk", () -> Files.exists(created));
        waitUntil("the new file opens in a tab", () -> workbench.tabs().find(created).isPresent());
        TestWorkbench.doubleClickOn(robot, treeCell(robot, "src").get()); // expand src
        waitUntil("notes.txt shows in the tree", () -> treeCell(robot, "notes.txt").isPresent());

        TestWorkbench.clickOn(robot, treeCell(robot, "notes.txt").get()).type(KeyCode.F2);
        answerDialog(robot, "todo.txt");
        waitUntil("renamed on disk", () -> Files.exists(workspace.resolve("src/todo.txt")) && !Files.exists(created));
        waitUntil("todo.txt shows in the tree", () -> treeCell(robot, "todo.txt").isPresent());

        TestWorkbench.clickOn(robot, treeCell(robot, "todo.txt").get()).type(KeyCode.DELETE);
        waitUntil("the confirmation asks first", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertTrue(Files.exists(workspace.resolve("src/todo.txt")), "nothing is deleted before confirmation");
        TestWorkbench.clickOn(robot, (Node) robot.lookup(".dialog-pane .button").queryAll().stream()
                .filter(b -> "Delete".equals(((javafx.scene.control.Button) b).getText())).findFirst().orElseThrow());
        waitUntil("deleted on disk", () -> !Files.exists(workspace.resolve("src/todo.txt")));
        waitUntil("gone from the tree", () -> treeCell(robot, "todo.txt").isEmpty());
    }

    @Test
    void aFileNameThatExistsIsRefusedWithAClearError(FxRobot robot) throws Exception {
        waitUntil("README.md shows in the tree", () -> treeCell(robot, "README.md").isPresent());
        TestWorkbench.clickOn(robot, treeCell(robot, "README.md").get());
        TestWorkbench.clickOn(robot, "#" + ExplorerView.NEW_FILE_ID);
        answerDialog(robot, "README.md");
        waitUntil("an error dialog explains", () -> robot.lookup(".dialog-pane").queryAll().stream()
                .anyMatch(p -> ((javafx.scene.control.DialogPane) p).getContentText().contains("already exists")));
        assertEquals("# Hello\n", Files.readString(workspace.resolve("README.md")), "the existing file is untouched");
        TestWorkbench.clickOn(robot, "OK");
    }

    @Test
    void paletteRunsTheThemeCommandAndTheChoiceIsRemembered(FxRobot robot) throws Exception {
        runFromPalette(robot, "toggle theme");
        waitUntil("the theme is dark", () -> "dark".equals(workbench.window().themeProperty().get()));
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        assertFalse(robot.lookup("#" + CommandPaletteView.ID).query().isVisible(), "the palette closes");
        assertTrue(Files.readString(userSettings()).contains("\"dark\""));
        SettingsService reread = new SettingsService(SettingsSchema.core(), userSettings(), null);
        assertEquals("dark", reread.getString("workbench.colorTheme"), "remembered for the next start");
    }

    @Test
    void aboutListsEveryShippedGrammarAndThemeWithItsLicence(FxRobot robot) throws Exception {
        runFromPalette(robot, "about licences");
        waitUntil("the about window shows", () -> robot.lookup("#" + dev.symphony.ui.about.AboutView.TABLE_ID).tryQuery().isPresent());
        javafx.scene.control.TableView<?> table = robot.lookup("#" + dev.symphony.ui.about.AboutView.TABLE_ID).query();
        int all = dev.symphony.editor.syntax.Licences.all().size();
        assertEquals(all, table.getItems().size());
        assertTrue(all >= 250, "200+ grammars and the themes: " + all);
        assertTrue(table.getItems().stream().map(e -> (dev.symphony.editor.syntax.Licences.Entry) e)
                .allMatch(e -> e.licence() != null && !e.licence().isBlank()), "every entry names its licence");
        assertTrue(table.getItems().stream().map(e -> (dev.symphony.editor.syntax.Licences.Entry) e)
                .anyMatch(e -> e.displayName().equals("Java")));
        robot.interact(() -> ((javafx.stage.Stage) table.getScene().getWindow()).close());
    }

    @Test
    void aSettingChangedInTheSettingsPageIsPersisted(FxRobot robot) throws Exception {
        TestWorkbench.clickOn(robot, "#" + ActivityBar.SETTINGS_ID);
        waitUntil("the settings page shows", () -> robot.lookup("#" + SettingsView.ID).tryQuery().isPresent());
        waitUntil("the tab size editor shows", () -> robot.lookup((Node n) -> "setting:editor.tabSize".equals(n.getId()))
                .tryQuery().isPresent());
        Spinner<?> tabSize = (Spinner<?>) robot.lookup((Node n) -> "setting:editor.tabSize".equals(n.getId())).query();
        robot.interact(() -> { // scrolled into view: the page is taller than the window
            javafx.scene.control.ScrollPane page = (javafx.scene.control.ScrollPane) robot.lookup("#" + SettingsView.ID).query();
            double y = page.getContent().sceneToLocal(tabSize.localToScene(0, 0)).getY();
            double range = page.getContent().getBoundsInLocal().getHeight() - page.getViewportBounds().getHeight();
            page.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / range)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        TestWorkbench.clickOn(robot, tabSize.getEditor());
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.write("8").type(KeyCode.ENTER);
        waitUntil("settings.json has the new value", () -> {
            try {
                return Files.exists(userSettings()) && Files.readString(userSettings()).contains("\"editor.tabSize\": 8");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertEquals(8, workbench.services().settings().getInt("editor.tabSize"));
    }

    @Test
    void settingsAnExtensionContributesAppearOnTheOpenSettingsPage(FxRobot robot) throws Exception {
        TestWorkbench.clickOn(robot, "#" + ActivityBar.SETTINGS_ID);
        waitUntil("the settings page shows", () -> robot.lookup("#" + SettingsView.ID).tryQuery().isPresent());
        assertTrue(robot.lookup((Node n) -> "setting:dev.example.ext.step".equals(n.getId())).tryQuery().isEmpty());
        workbench.services().settings().contribute("dev.example.ext", "Extension: dev.example.ext",
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        "{\"type\":\"object\",\"properties\":{\"step\":{\"type\":\"integer\",\"default\":3,\"title\":\"Step\"}}}"));
        waitUntil("the extension's setting shows", () -> robot.lookup((Node n) -> "setting:dev.example.ext.step".equals(n.getId()))
                .tryQuery().isPresent());
        Spinner<?> step = (Spinner<?>) robot.lookup((Node n) -> "setting:dev.example.ext.step".equals(n.getId())).query();
        assertEquals(3, step.getValue());
        assertTrue(robot.lookup((Node n) -> "setting:editor.tabSize".equals(n.getId())).tryQuery().isPresent(),
                "the core settings are still there");
    }

    @Test
    void anObjectSettingIsWrittenOnlyOnceItsJsonTextIsAnObject(FxRobot robot) throws Exception {
        TestWorkbench.clickOn(robot, "#" + ActivityBar.SETTINGS_ID);
        waitUntil("the associations editor shows", () -> robot.lookup((Node n) -> "setting:files.associations".equals(n.getId()))
                .tryQuery().isPresent());
        javafx.scene.control.TextField field = (javafx.scene.control.TextField)
                robot.lookup((Node n) -> "setting:files.associations".equals(n.getId())).query();
        assertEquals("{}", field.getText());
        robot.interact(() -> {
            field.setText("{\"*.gradle.kts\": ");
            field.getOnAction().handle(null);
        });
        assertTrue(field.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("danger")), "marked invalid");
        assertTrue(!Files.exists(userSettings()) || !Files.readString(userSettings()).contains("files.associations"),
                "half-typed JSON is not written");
        robot.interact(() -> {
            field.setText("{\"*.gradle.kts\": \"kotlin\"}");
            field.getOnAction().handle(null);
        });
        waitUntil("settings.json has the association", () -> new SettingsService(SettingsSchema.core(), userSettings(), null)
                .get("files.associations").path("*.gradle.kts").asText().equals("kotlin"));
        assertTrue(!field.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("danger")));
    }

    @Test
    void malformedSettingsAreReportedPreciselyAndTheFileIsNeverRewritten(FxRobot robot) throws Exception {
        String broken = "{\n  \"editor.tabSize\": 2,\n  \"workbench.colorTheme\": \"dark\"\n  \"oops\": true\n}\n";
        Files.createDirectories(userSettings().getParent());
        Files.writeString(userSettings(), broken);
        Label problems = robot.lookup("#" + StatusBarView.PROBLEMS_ID).queryAs(Label.class);
        waitUntil("the status bar counts the problem", () -> problems.getText().startsWith("1 problem"));

        TestWorkbench.clickOn(robot, "#" + ActivityBar.SETTINGS_ID);
        waitUntil("the banner names file, line and column", () -> robot.lookup("#" + SettingsView.PROBLEMS_ID)
                .tryQuery().map(b -> ((VBox) b).getChildren().stream()
                        .anyMatch(l -> ((Label) l).getText().contains("settings.json:4:"))).orElse(false));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.write("toggle theme").type(KeyCode.ENTER);
        Label message = robot.lookup("#" + StatusBarView.MESSAGE_ID).queryAs(Label.class);
        waitUntil("the refusal is explained", () -> message.getText() != null && message.getText().contains("was not changed"));
        assertEquals(broken, Files.readString(userSettings()), "the user's file is untouched");
    }
}
