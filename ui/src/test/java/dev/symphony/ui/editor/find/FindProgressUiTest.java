package dev.symphony.ui.editor.find;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.shell.WorkbenchServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
    private Path home;
    private Path workspace;
    private Workbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("symphony-find-home");
        workspace = Files.createTempDirectory("symphony-find-ws");
        workbench = new Workbench(WorkbenchServices.start(SymphonyPaths.under(home)), stage);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        workbench.close();
        for (Path dir : new Path[] {home, workspace}) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
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
