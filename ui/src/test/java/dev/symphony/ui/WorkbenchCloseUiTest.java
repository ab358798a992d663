package dev.symphony.ui;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.ui.editor.EditorView;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Closing the workbench is JavaFX-thread work: it stops the tab session's timer (a JavaFX animation, whose
 * bookkeeping the JavaFX thread's animation timer shares, unguarded) and reads the tabs. The tests' clean-up ran
 * it on the test thread right after typing, while that timer ran; the JavaFX thread could then throw, and TestFX
 * rethrew that in the next test ({@code EditingBasicsUiTest}'s CI failure). Off the JavaFX thread it is refused,
 * before it touches anything.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchCloseUiTest {
    private TestWorkbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "close");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void closingOffTheJavaFxThreadIsRefusedAndLeavesTheWorkbenchWorking(FxRobot robot) throws Exception {
        Path file = Files.writeString(bench.workspace.resolve("a.txt"), "one\n");
        robot.interact(() -> bench.workbench.openFile(file, d -> { }));
        TestWorkbench.waitUntil("a.txt opens", () -> bench.workbench.tabsView().activeEditor() != null);
        EditorView view = bench.workbench.tabsView().activeEditor().view();
        TestWorkbench.clickOn(robot, view); // bounds read on the JavaFX thread (see there)
        robot.interact(() -> view.controller().setSelections(SelectionSet.cursorAt(3), 3));
        robot.write("!"); // the tab session now follows the change: its one-second timer runs, as after any typing test

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> bench.workbench.close());
        assertTrue(refused.getMessage().contains("JavaFX thread")
                && refused.getMessage().contains(Thread.currentThread().getName()), refused.getMessage());

        robot.write("?");
        TestWorkbench.waitUntil("the editor still works", () -> "one!?\n".equals(view.buffer().text().toString()));
    }
}
