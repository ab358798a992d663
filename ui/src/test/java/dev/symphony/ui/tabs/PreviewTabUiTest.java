package dev.symphony.ui.tabs;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.files.FileTreeView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A single click in the file tree opens a preview tab that the next single click replaces; an edit or a double click keeps it. */
@ExtendWith(ApplicationExtension.class)
class PreviewTabUiTest {
    private static final String LONG_NAME = "a-file-name-far-too-long-for-the-side-bar-of-the-workbench-window-to-show.txt";
    private TestWorkbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "preview");
        for (String name : List.of("a.txt", "b.txt", "c.txt", "d.txt", LONG_NAME)) {
            Files.writeString(bench.workspace.resolve(name), name + "\n");
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    private Optional<Node> cell(FxRobot robot, String name) {
        return robot.lookup("#" + FileTreeView.ID + " .tree-cell").queryAll().stream()
                .filter(n -> name.equals(((TreeCell<?>) n).getText())).findFirst();
    }

    private List<String> openNames() {
        return bench.workbench.tabs().documents().stream().map(OpenDocument::title).toList();
    }

    private Path file(String name) {
        return bench.workspace.resolve(name).toAbsolutePath().normalize();
    }

    @Test
    void singleClicksShareOnePreviewTabUntilItIsEditedOrDoubleClicked(FxRobot robot) throws Exception {
        waitUntil("the files show in the tree", () -> cell(robot, "d.txt").isPresent());
        waitUntil("a file shows its type's badge", () -> cell(robot, "a.txt") // a cell's graphic follows its text
                .map(n -> ((TreeCell<?>) n).getGraphic())
                .filter(g -> g != null && g.lookup("." + dev.symphony.ui.files.FileIcons.STYLE) != null).isPresent());
        TreeCell<?> dense = (TreeCell<?>) cell(robot, "a.txt").get();
        assertEquals(FileTreeView.ROW_HEIGHT, dense.getHeight(), 0.5, "dense rows");
        waitUntil("a long name ends in an ellipsis instead of widening the tree", () -> cell(robot, LONG_NAME)
                .map(n -> n.lookupAll(".text").stream().map(t -> ((javafx.scene.text.Text) t).getText())
                        .anyMatch(t -> t.startsWith("a-file") && (t.endsWith("...") || t.endsWith("…")))).orElse(false));
        TestWorkbench.clickOn(robot, cell(robot, "a.txt").get());
        waitUntil("a.txt opens as a preview", () -> openNames().equals(List.of("a.txt")));
        OpenDocument a = bench.workbench.tabs().find(file("a.txt")).orElseThrow();
        assertTrue(a.previewProperty().get());
        waitUntil("its tab title is in italics", () -> robot.lookup(".tab." + EditorTabsView.PREVIEW).tryQuery().isPresent());
        assertTrue(cell(robot, "a.txt").get().getScene().getFocusOwner() instanceof javafx.scene.control.TreeView,
                "the focus stays in the tree");

        TestWorkbench.clickOn(robot, cell(robot, "b.txt").get());
        waitUntil("b.txt replaces the preview", () -> openNames().equals(List.of("b.txt")));

        OpenDocument b = bench.workbench.tabs().find(file("b.txt")).orElseThrow();
        robot.interact(() -> b.buffer().edit(dev.symphony.editor.text.ChangeSet.of(
                dev.symphony.editor.text.TextEdit.insert(0, "edited ")), dev.symphony.editor.buffer.EditKind.TYPING));
        assertFalse(b.previewProperty().get(), "an edit keeps the tab");
        TestWorkbench.clickOn(robot, cell(robot, "c.txt").get());
        waitUntil("c.txt opens beside the edited tab", () -> openNames().equals(List.of("b.txt", "c.txt")));
        assertEquals("edited b.txt\n", b.text(), "nothing typed is lost");

        TestWorkbench.doubleClickOn(robot, cell(robot, "c.txt").get());
        waitUntil("a double click keeps c.txt", () -> !bench.workbench.tabs().find(file("c.txt")).orElseThrow()
                .previewProperty().get());
        TestWorkbench.clickOn(robot, cell(robot, "d.txt").get());
        waitUntil("d.txt is a new preview", () -> openNames().equals(List.of("b.txt", "c.txt", "d.txt")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.lookup(".tab." + EditorTabsView.PREVIEW).queryAll().size(), "one preview tab");
    }
}
