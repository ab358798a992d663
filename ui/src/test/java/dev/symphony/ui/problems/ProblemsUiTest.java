package dev.symphony.ui.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.shell.StatusBarView;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A broken JSON file open in a tab is counted in the status bar (defect 3) and listed in the Problems view, which its
 * filter narrows (a word of the file, {@code !} to exclude, every word must match).
 */
@ExtendWith(ApplicationExtension.class)
class ProblemsUiTest {
    private TestWorkbench bench;
    private Path workspace;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "problems");
        workbench = bench.workbench;
        workspace = bench.workspace;
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void aBrokenJsonFileIsCountedListedAndFixedAsYouType(FxRobot robot) throws Exception {
        Path broken = Files.writeString(workspace.resolve("data.json"), "{\n  \"a\": 1\n  \"b\": 2\n}\n");
        Label count = robot.lookup("#" + StatusBarView.PROBLEMS_ID).queryAs(Label.class);
        assertEquals("No problems", count.getText());
        robot.interact(() -> workbench.openFile(broken, d -> { }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "1 problem".equals(count.getText()));

        TestWorkbench.clickOn(robot, count);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + ProblemsView.ID).tryQuery().isPresent());
        ListCell<?> first = robot.lookup("#" + ProblemsView.ID + " .list-cell").queryAll().stream()
                .map(n -> (ListCell<?>) n).filter(c -> c.getItem() != null).findFirst().orElseThrow();
        assertTrue(first.getText().startsWith("data.json:3:3: "), first.getText());
        javafx.scene.control.ListView<?> list = robot.lookup("#" + ProblemsView.ID).queryAs(javafx.scene.control.ListView.class);
        TestWorkbench.clickOn(robot, "#" + ProblemsView.FILTER_ID).write("!data");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(list.getItems().isEmpty(), "!data hides data.json's problem: " + list.getItems());
        robot.interact(() -> robot.lookup("#" + ProblemsView.FILTER_ID).queryAs(javafx.scene.control.TextField.class).setText("DATA.json"));
        assertEquals(1, list.getItems().size(), "a word of its file keeps it (case ignored)");
        robot.interact(() -> robot.lookup("#" + ProblemsView.FILTER_ID).queryAs(javafx.scene.control.TextField.class).setText("data nosuchword"));
        assertTrue(list.getItems().isEmpty(), "every word must match");
        robot.interact(() -> robot.lookup("#" + ProblemsView.FILTER_ID).queryAs(javafx.scene.control.TextField.class).setText(""));
        assertEquals(1, list.getItems().size());
        TestWorkbench.clickOn(robot, first);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.tabsView().activeEditor() != null
                && workbench.tabsView().activeEditor().view().controller().caretLineColumn()[0] == 3);

        OpenDocument doc = workbench.tabs().find(broken).orElseThrow();
        int afterOne = doc.text().indexOf("1") + 1;
        robot.interact(() -> doc.buffer().edit(ChangeSet.of(TextEdit.insert(afterOne, ",")), EditKind.TYPING));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "No problems".equals(count.getText()));
        assertTrue(workbench.window().problems().all().isEmpty());
    }
}
