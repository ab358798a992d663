package dev.symphony.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File commands: Open Recent (Ctrl+R) offers the folders and files opened before, newest first, and
 * remembers them across starts; Reveal Active File in Explorer View expands the tree down to the file.
 */
@ExtendWith(ApplicationExtension.class)
class FileCommandsUiTest {
    private TestWorkbench bench;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "file-commands");
        workbench = bench.workbench;
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void openRecentReopensAClosedFileAndTheListOutlivesTheWindow(FxRobot robot) throws Exception {
        Path a = Files.writeString(bench.workspace.resolve("a.txt"), "a");
        Path b = Files.writeString(bench.workspace.resolve("b.txt"), "b");
        robot.interact(() -> workbench.openFile(a, d -> { }));
        robot.interact(() -> workbench.openFile(b, d -> { }));
        TestWorkbench.waitUntil("both open", () -> workbench.tabs().documents().size() == 2);
        robot.interact(() -> workbench.tabs().documents().forEach(d -> workbench.tabs().close(d)));

        javafx.application.Platform.runLater(() -> workbench.window().run("workbench.action.openRecent")); // modal
        TestWorkbench.waitUntil("the recent list", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> list = robot.lookup(".dialog-pane .combo-box").queryAs(ComboBox.class);
        assertEquals(List.of(bench.workspace + RecentlyOpened.FOLDER_SUFFIX, b.toString(), a.toString()), list.getItems());
        robot.interact(() -> list.getSelectionModel().select(a.toString()));
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        TestWorkbench.clickOn(robot, (Node) dialog.getButtonTypes().stream().map(dialog::lookupButton)
                .filter(n -> "OK".equals(((Button) n).getText())).findFirst().orElseThrow());
        TestWorkbench.waitUntil("a.txt open again", () -> workbench.tabs().find(a).isPresent());

        Path stateFile = bench.paths().data("workbench-state.json");
        TestWorkbench.waitUntil("the list written", () -> {
            WorkbenchState saved = new WorkbenchState(stateFile);
            return saved.recentFiles().equals(List.of(a, b)) && saved.recentFolders().equals(List.of(bench.workspace));
        });
    }

    @Test
    void revealExpandsTheTreeDownToTheActiveFileAndSelectsIt(FxRobot robot) throws Exception {
        Path deep = Files.writeString(Files.createDirectories(bench.workspace.resolve("a/b/c")).resolve("deep.txt"), "x");
        robot.interact(() -> workbench.openFile(deep, d -> { }));
        TestWorkbench.waitUntil("deep.txt open", () -> workbench.tabs().find(deep).isPresent());
        dev.symphony.ui.files.FileTreeView tree = robot.lookup("#" + dev.symphony.ui.files.FileTreeView.ID)
                .queryAs(dev.symphony.ui.files.FileTreeView.class);
        robot.interact(() -> workbench.window().run("workbench.files.action.showActiveFileInExplorer"));
        TestWorkbench.waitUntil("deep.txt selected in the tree", () -> tree.getSelectionModel().getSelectedItem() != null
                && deep.equals(tree.getSelectionModel().getSelectedItem().getValue()));
        assertEquals(true, tree.itemFor(bench.workspace.resolve("a/b")).isExpanded());
    }
}
