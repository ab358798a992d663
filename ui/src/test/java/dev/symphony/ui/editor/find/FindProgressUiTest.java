package dev.symphony.ui.editor.find;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.editor.EditorPane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Find in a large file (issue 24, defect 3): the previous query's count does not stay on screen while
 * the new one is counted; progress shows instead, and a newer query stops the older count.
 */
@ExtendWith(ApplicationExtension.class)
class FindProgressUiTest {
    private TestWorkbench bench;
    private Path workspace;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "find");
        workbench = bench.workbench;
        workspace = bench.workspace;
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void aLongCountShowsProgressNotThePreviousCount(FxRobot robot) throws Exception {
        Path big = Files.writeString(workspace.resolve("big.txt"), "alpha beta gamma delta 12345\n".repeat(800_000));
        robot.interact(() -> workbench.openFile(big, d -> { }));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.tabsView().activeEditor() != null);
        EditorPane pane = workbench.tabsView().activeEditor();
        List<String> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            pane.find().statusProperty().addListener((o, a, now) -> shown.add(now));
            pane.find().queryProperty().set("gamma");
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown.contains("10000+ results"));
        shown.clear();
        // a slow query: every word tried at every position, over 23 MB
        robot.interact(() -> {
            pane.find().regexProperty().set(true);
            pane.find().queryProperty().set("[a-z]+[0-9]+[a-z]");
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown.contains("No results"));
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("Searching… ")), "progress showed: " + shown);
        assertFalse(shown.contains("10000+ results"), "the old count never came back: " + shown);
        assertTrue(shown.indexOf("No results") == shown.size() - 1, "the result replaced the progress: " + shown);
    }
}
