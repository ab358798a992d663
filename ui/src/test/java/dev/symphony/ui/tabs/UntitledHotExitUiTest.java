package dev.symphony.ui.tabs;

import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.shell.WorkbenchServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Untitled documents through hot exit: typed into, the workbench closed and started again on the same home, they
 * are back with their text, caret and place among the tabs; one saved and one closed leave no journal; a damaged
 * journal is named in an error and kept as it is.
 */
@ExtendWith(ApplicationExtension.class)
class UntitledHotExitUiTest {
    private TestWorkbench bench;
    private final List<Workbench> later = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "untitled");
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        TestWorkbench.releaseAll(robot);
        for (Workbench w : later) {
            TestWorkbench.closeOnFx(w);
        }
        robot.interact(() -> stages.forEach(Stage::close));
        bench.close();
    }

    /** A new untitled tab with {@code text} typed into it (by keys in the test's own window, else by its controller). */
    private OpenDocument typeIntoNewUntitled(FxRobot robot, Workbench w, String text) throws Exception {
        int before = onFx(() -> w.tabs().documents().size());
        robot.interact(() -> w.window().run("workbench.action.files.newUntitledFile"));
        waitUntil("an untitled tab opens", () -> w.tabs().documents().size() == before + 1
                && w.tabs().selectedProperty().get() != null && w.tabs().selectedProperty().get().isUntitled());
        OpenDocument doc = onFx(() -> w.tabs().selectedProperty().get());
        if (w == bench.workbench) {
            robot.interact(() -> w.tabsView().activeEditor().view().requestFocus());
            robot.write(text);
        } else {
            robot.interact(() -> w.tabsView().activeEditor().view().controller().type(text));
        }
        waitUntil("the text is typed", () -> text.equals(doc.text()));
        return doc;
    }

    /** Closes {@code w} as the window's services close (the tab session is written, the journals kept). */
    private static void close(Workbench w) throws Exception {
        TestWorkbench.closeOnFx(w);
    }

    private Workbench startAgain(FxRobot robot) throws Exception {
        Workbench[] w = new Workbench[1];
        robot.interact(() -> {
            try {
                Stage stage = new Stage();
                stages.add(stage);
                w[0] = new Workbench(WorkbenchServices.start(SymphonyPaths.under(bench.home)), stage);
                w[0].openFolder(bench.workspace);
                stage.show();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        later.add(w[0]);
        return w[0];
    }

    private List<Path> journals() throws Exception {
        Path dir = bench.paths().data("hot-exit");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".journal")).sorted().toList();
        }
    }

    @Test
    void untitledTabsComeBackWithTextCaretAndOrderAndLeaveNothingOnceSavedOrClosed(FxRobot robot) throws Exception {
        Path a = bench.workspace.resolve("a.txt").toAbsolutePath().normalize();
        Files.writeString(a, "alpha\n");
        Workbench first = bench.workbench;
        robot.interact(() -> first.openFile(a, d -> { }));
        waitUntil("a.txt opens", () -> first.tabs().find(a).isPresent());
        OpenDocument one = typeIntoNewUntitled(robot, first, "first draft\nsecond line");
        OpenDocument two = typeIntoNewUntitled(robot, first, "another");
        robot.interact(() -> {
            first.tabs().selectedProperty().set(one);
            first.tabsView().editorOf(one).view().controller().setSelections(SelectionSet.single(Selection.of(2, 5)), 5);
        });
        close(first);
        assertEquals(2, journals().size(), "each untitled tab's text is kept under SYMPHONY_HOME: " + journals());

        Workbench second = startAgain(robot);
        waitUntil("the tabs are back in their order", () -> {
            try {
                return onFx(() -> second.tabs().documents().stream().map(OpenDocument::title).toList())
                        .equals(List.of("a.txt", "Untitled-1", "Untitled-2"));
            } catch (Exception e) {
                return false;
            }
        });
        OpenDocument oneAgain = onFx(() -> second.tabs().documents().get(1));
        OpenDocument twoAgain = onFx(() -> second.tabs().documents().get(2));
        assertEquals("first draft\nsecond line", onFx(oneAgain::text));
        assertEquals("another", onFx(twoAgain::text));
        assertTrue(onFx(() -> oneAgain.isUntitled() && oneAgain.dirtyProperty().get()), "still untitled and unsaved");
        waitUntil("Untitled-1 is the active tab again", () -> {
            try {
                return onFx(() -> second.tabs().selectedProperty().get() == oneAgain);
            } catch (Exception e) {
                return false;
            }
        });
        EditorView view = onFx(() -> second.tabsView().editorOf(oneAgain).view());
        waitUntil("its selection is back", () -> {
            try {
                return onFx(() -> view.buffer().selections().get(0)).equals(Selection.of(2, 5));
            } catch (Exception e) {
                return false;
            }
        });
        robot.interact(() -> second.tabs().selectedProperty().set(twoAgain));
        robot.interact(() -> second.tabs().newUntitled());
        assertEquals("Untitled-3", onFx(() -> second.tabs().selectedProperty().get().title()), "a new one is not named like a restored one");

        Path saved = bench.workspace.resolve("b.txt");
        assertTrue(onFx(() -> second.tabs().saveAs(twoAgain, saved)).get(10, TimeUnit.SECONDS), "Untitled-2 saved as b.txt");
        robot.interact(() -> {
            second.tabs().close(twoAgain);
            second.tabs().close(oneAgain); // closed without saving (the prompt's Don't Save)
        });
        close(second);
        assertEquals("another", Files.readString(saved));
        assertEquals(List.of(), journals(), "a saved and a closed untitled tab leave no journal");
        Workbench third = startAgain(robot);
        waitUntil("a.txt is back", () -> {
            try {
                return onFx(() -> third.tabs().documents().stream().map(OpenDocument::title).toList()).equals(List.of("a.txt"));
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void aDamagedJournalIsNamedAndKept(FxRobot robot) throws Exception {
        Workbench first = bench.workbench;
        typeIntoNewUntitled(robot, first, "precious words");
        close(first);
        assertEquals(1, journals().size());
        Path journal = journals().get(0);
        byte[] bytes = Files.readAllBytes(journal);
        for (int i = 0; i < 12 && i < bytes.length; i++) {
            bytes[i] ^= 0x5a; // the header's length, type and magic
        }
        Files.write(journal, bytes);

        Workbench second = startAgain(robot);
        waitUntil("an error names the damaged journal", () -> {
            try {
                String error = onFx(() -> second.tabs().lastErrorProperty().get());
                return error != null && error.contains(journal.toString()) && error.contains("kept");
            } catch (Exception e) {
                return false;
            }
        });
        typeIntoNewUntitled(robot, second, "more");
        close(second);
        assertArrayEquals(bytes, Files.readAllBytes(journal), "the damaged journal is left as it is for the person to recover");
        assertEquals(2, journals().size(), "the new untitled tab journals under an id of its own");

        Files.writeString(bench.paths().data("tab-session.json"), "{ not json");
        Workbench third = startAgain(robot);
        waitUntil("without a readable tab session the untitled text still comes back", () -> {
            try {
                return onFx(() -> third.tabs().documents().stream().map(OpenDocument::text).toList()).equals(List.of("more"));
            } catch (Exception e) {
                return false;
            }
        });
    }
}
