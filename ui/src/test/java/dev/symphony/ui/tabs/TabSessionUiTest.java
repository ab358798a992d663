package dev.symphony.ui.tabs;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.shell.WorkbenchServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every tab comes back at the next start on the folder, in order, with its caret and scroll position and the same active tab. */
@ExtendWith(ApplicationExtension.class)
class TabSessionUiTest {
    private TestWorkbench bench;
    private Workbench second;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "session");
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        if (second != null) {
            robot.interact(() -> {
                try {
                    second.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        bench.close();
    }

    @Test
    void tabsCaretsAndScrollComeBackAtTheNextStart(FxRobot robot) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            lines.append("line ").append(i).append('\n');
        }
        Path a = bench.workspace.resolve("a.txt").toAbsolutePath().normalize();
        Path b = bench.workspace.resolve("b.txt").toAbsolutePath().normalize();
        Files.writeString(a, lines.toString());
        Files.writeString(b, "bee\n");
        Workbench first = bench.workbench;
        robot.interact(() -> first.openFile(a, d -> { }));
        waitUntil("a.txt opens", () -> first.tabsView().activeEditor() != null);
        int caret = lines.indexOf("line 300") + 3;
        robot.interact(() -> {
            EditorView view = first.tabsView().activeEditor().view();
            view.controller().setSelections(SelectionSet.single(Selection.of(caret - 2, caret)), caret);
            view.scrollTo(280);
        });
        robot.interact(() -> first.openFile(b, d -> { }));
        waitUntil("b.txt opens", () -> first.tabs().find(b).isPresent());
        robot.interact(() -> first.tabs().selectedProperty().set(first.tabs().find(a).orElseThrow()));
        robot.interact(() -> first.tabs().selectedProperty().set(first.tabs().find(b).orElseThrow()));
        robot.interact(() -> {
            try {
                first.close(); // remembers the tabs; the journals and files stay
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        robot.interact(() -> {
            try {
                second = new Workbench(WorkbenchServices.start(SymphonyPaths.under(bench.home)), new Stage());
                second.openFolder(bench.workspace);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        waitUntil("both tabs are back, in order", () -> {
            try {
                return onFx(() -> second.tabs().documents().stream().map(OpenDocument::title).toList())
                        .equals(List.of("a.txt", "b.txt"));
            } catch (Exception e) {
                return false;
            }
        });
        waitUntil("b.txt is the active tab again", () -> {
            try {
                return onFx(() -> b.equals(second.tabs().selectedProperty().get().path()));
            } catch (Exception e) {
                return false;
            }
        });
        EditorView view = onFx(() -> second.tabsView().editorOf(second.tabs().find(a).orElseThrow()).view());
        waitUntil("a.txt's selection is back", () -> {
            try {
                return onFx(() -> view.buffer().selections().get(0)).equals(Selection.of(caret - 2, caret));
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals(280, onFx(view::scrollLines), 0.5, "and its scroll position");
    }
}
