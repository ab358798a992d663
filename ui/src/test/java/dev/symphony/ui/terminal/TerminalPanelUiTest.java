package dev.symphony.ui.terminal;

import dev.symphony.ui.TestWorkbench;
import static dev.symphony.ui.TestWorkbench.onFx;
import static dev.symphony.ui.terminal.TerminalTestSupport.rowStartingWith;
import static dev.symphony.ui.terminal.TerminalTestSupport.screen;
import static dev.symphony.ui.terminal.TerminalTestSupport.typeLine;
import static dev.symphony.ui.terminal.TerminalTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.shell.WorkbenchServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A real shell on a real pty in the real workbench (headless Monocle), driven by key strokes. */
@ExtendWith(ApplicationExtension.class)
class TerminalPanelUiTest {
    private Path home;
    private Path workspace;
    private Workbench workbench;
    private Stage stage;
    private double stageWidth;
    private double stageHeight;
    private final TerminalTestSupport.ScriptedPrompter prompter = new TerminalTestSupport.ScriptedPrompter();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        home = Files.createTempDirectory("symphony-term-home");
        workspace = Files.createTempDirectory("symphony-term-ws");
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/Main.java"), "class Main {\n    void run() {}\n}\n");
        SymphonyPaths paths = SymphonyPaths.under(home);
        Files.createDirectories(paths.userSettingsFile().getParent());
        Files.writeString(paths.userSettingsFile(), TerminalTestSupport.SETTINGS);
        workbench = new Workbench(WorkbenchServices.start(paths), stage, prompter);
        workbench.openFolder(workspace);
        stage.show();
        stageWidth = stage.getWidth();
        stageHeight = stage.getHeight();
    }

    @AfterEach
    void cleanUp() throws Exception {
        onFx(() -> {
            stage.setWidth(stageWidth); // TestFX reuses the stage for the next test class too
            stage.setHeight(stageHeight);
            workbench.close();
            return null;
        });
        TerminalTestSupport.deleteTree(home);
        TerminalTestSupport.deleteTree(workspace);
    }

    /** Opens the panel with Ctrl+` and waits for the shell's prompt. */
    private TerminalView openTerminal(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.BACK_QUOTE).release(KeyCode.BACK_QUOTE, KeyCode.CONTROL);
        waitUntil("a terminal starts", () -> workbench.terminals().activeProperty().get() != null
                && workbench.terminalPanel().activeView().isPresent());
        TerminalView view = workbench.terminalPanel().activeView().orElseThrow();
        waitUntil("the prompt shows", () -> rowStartingWith(view.buffer(), "$").isPresent());
        waitUntil("the terminal has the focus", () -> view.widget().canvas().isFocused());
        return view;
    }

    private static javafx.scene.Node closeButton(FxRobot robot) {
        return robot.from(robot.lookup("#" + TerminalPanelView.TABS_ID).queryAs(javafx.scene.Node.class))
                .lookup(".tab-close-button").query();
    }

    @Test
    void colouredOutputLandsInTheScreenBufferWithItsAttributesAndTheThemeApplies(FxRobot robot) throws Exception {
        TerminalView view = openTerminal(robot);
        assertTrue(workbench.window().panelVisibleProperty().get(), "the panel shows");
        typeLine(robot, "printf '\\e[31mred\\e[0m %s\\n' $((6*7))");
        TerminalTextBuffer buffer = view.buffer();
        waitUntil("red 42 is printed", () -> rowStartingWith(buffer, "red 42").isPresent());
        int row = rowStartingWith(buffer, "red 42").orElseThrow();
        for (int column = 0; column < 3; column++) {
            TextStyle style = buffer.getStyleAt(column, row);
            assertEquals(TerminalColor.index(1), style.getForeground(), "'" + "red".charAt(column) + "' is red");
        }
        assertNotEquals(TerminalColor.index(1), buffer.getStyleAt(4, row).getForeground(), "42 is not red");

        typeLine(robot, "printf '\\e[38;5;208mA\\e[38;2;1;2;3mB\\e[0m\\n'");
        waitUntil("AB is printed", () -> rowStartingWith(buffer, "AB").isPresent());
        int colours = rowStartingWith(buffer, "AB").orElseThrow();
        assertEquals(new TerminalColor(255, 135, 0).toColor(), buffer.getStyleAt(0, colours).getForeground().toColor(), "256 colours");
        assertEquals(new TerminalColor(1, 2, 3).toColor(), buffer.getStyleAt(1, colours).getForeground().toColor(), "true colour");

        javafx.scene.paint.Color light = onFx(() -> view.widget().getTerminalPanel().getBackground());
        onFx(() -> {
            workbench.window().themeProperty().set("dark");
            return null;
        });
        javafx.scene.paint.Color dark = onFx(() -> view.widget().getTerminalPanel().getBackground());
        assertTrue(light.getBrightness() > 0.9 && dark.getBrightness() < 0.2, "the background follows the theme: " + light + " then " + dark);
    }

    @Test
    void resizingTheWindowResizesThePty(FxRobot robot) throws Exception {
        TerminalView view = openTerminal(robot);
        TerminalTextBuffer buffer = view.buffer();
        typeLine(robot, "stty size");
        String before = buffer.getHeight() + " " + buffer.getWidth();
        waitUntil("stty prints the size " + before, () -> rowStartingWith(buffer, before).isPresent());

        onFx(() -> {
            // smaller, not larger: Monocle's headless screen is only a little bigger than the window
            stage.setWidth(stage.getWidth() - 300);
            stage.setHeight(stage.getHeight() - 150);
            return null;
        });
        waitUntil("the terminal has fewer columns", () -> !(buffer.getHeight() + " " + buffer.getWidth()).equals(before));
        typeLine(robot, "clear; stty size");
        String after = buffer.getHeight() + " " + buffer.getWidth();
        waitUntil("stty prints the new size " + after + ", not " + before, () -> rowStartingWith(buffer, after).isPresent());
        assertNotEquals(before, after);
    }

    @Test
    void aFullScreenProgramRunsAndQuitsWithKeystrokes(FxRobot robot) throws Exception {
        TerminalView view = openTerminal(robot);
        TerminalTextBuffer buffer = view.buffer();
        typeLine(robot, "vi -u NONE n.txt");
        waitUntil("vi takes the alternate screen", () -> buffer.isUsingAlternateBuffer());
        robot.write("ihi vi");
        robot.type(KeyCode.ESCAPE);
        waitUntil("the typed text shows in vi", () -> screen(buffer).stream().anyMatch(l -> l.startsWith("hi vi")));
        typeLine(robot, ":wq");
        waitUntil("vi gives the screen back", () -> !buffer.isUsingAlternateBuffer());
        waitUntil("vi exited", () -> !view.terminal().isBusy());
        assertEquals("hi vi\n", Files.readString(workspace.resolve("n.txt")), "vi ran in the workspace root");
        typeLine(robot, "seq 1 500 | less");
        waitUntil("less shows the first page", () -> buffer.isUsingAlternateBuffer() && rowStartingWith(buffer, "1").isPresent());
        robot.write(" ");
        waitUntil("space pages down", () -> screen(buffer).get(0).matches("\\d+")
                && Integer.parseInt(screen(buffer).get(0)) >= buffer.getHeight() - 1, () -> String.join("|", screen(buffer)));
        robot.write("q");
        waitUntil("q quits less", () -> !buffer.isUsingAlternateBuffer() && !view.terminal().isBusy());
    }

    @Test
    void closingATabWithARunningProgramAsksFirst(FxRobot robot) throws Exception {
        TerminalView view = openTerminal(robot);
        TerminalInstance terminal = view.terminal();
        typeLine(robot, "sleep 300");
        waitUntil("sleep runs", () -> terminal.isBusy());
        List<ProcessHandle> tree = ProcessHandle.of(terminal.pid()).orElseThrow().descendants().toList();

        prompter.answer = false;
        TestWorkbench.clickOn(robot, closeButton(robot));
        waitUntil("the person is asked", () -> prompter.questions.size() == 1);
        assertTrue(prompter.questions.get(0).contains("sleep"), prompter.questions.get(0));
        assertEquals(1, workbench.terminals().groups().size(), "declined: the terminal stays");
        assertTrue(terminal.isRunning());

        prompter.answer = true;
        TestWorkbench.clickOn(robot, closeButton(robot));
        waitUntil("the terminal is gone", () -> workbench.terminals().groups().isEmpty());
        waitUntil("its processes ended", () -> !terminal.isRunning() && tree.stream().noneMatch(ProcessHandle::isAlive));
        assertFalse(workbench.window().panelVisibleProperty().get(), "an empty panel hides");

        TerminalView idle = openTerminal(robot);
        onFx(() -> workbench.terminals().close(List.of(idle.terminal())));
        assertEquals(2, prompter.questions.size(), "an idle shell closes without a question");
        waitUntil("the idle terminal is gone", () -> workbench.terminals().groups().isEmpty());
    }

    /** Closing the window with a program running in a terminal asks first, naming it; declining keeps the window and the program. */
    @Test
    void closingTheWindowWithARunningProgramAsksFirst(FxRobot robot) throws Exception {
        TerminalView view = openTerminal(robot);
        typeLine(robot, "sleep 303");
        waitUntil("sleep runs", () -> view.terminal().isBusy());

        prompter.answer = false;
        robot.interact(() -> workbench.window().run("workbench.action.closeWindow"));
        waitUntil("the person is asked", () -> prompter.questions.size() == 1);
        assertTrue(prompter.questions.get(0).contains("sleep"), prompter.questions.get(0));
        assertTrue(stage.isShowing(), "declined: the window stays");
        assertTrue(view.terminal().isRunning());
        // the window closing once both questions say yes: ClosePromptsUiTest (closing the stage here would
        // leave Monocle's screen to the next test in this JVM)
    }

    @Test
    void closingTheWorkbenchLeavesNoChildProcess(FxRobot robot) throws Exception {
        TerminalView first = openTerminal(robot);
        typeLine(robot, "sleep 301 & sleep 302");
        TerminalInstance split = onFx(() -> workbench.terminals().split()).get();
        waitUntil("the split terminal shows beside the first", () -> workbench.terminalPanel().viewOf(split).isPresent());
        assertEquals(1, workbench.terminals().groups().size(), "a split shares the tab");
        waitUntil("the first terminal's jobs run", () -> first.terminal().isBusy());
        List<ProcessHandle> before = ProcessHandle.current().descendants().toList();
        assertTrue(before.size() >= 4, "two shells and two sleeps: " + before);

        onFx(() -> {
            workbench.close();
            return null;
        });

        before.forEach(p -> assertFalse(p.isAlive(), "still running after close: " + p.pid() + " " + p.info().command().orElse("?")));
        assertEquals(List.of(), ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
    }

    @Test
    void aPrintedFilePositionOpensTheFileAndTheExitStatusIsShown(FxRobot robot) throws Exception {
        TerminalView view = openTerminal(robot);
        TerminalTextBuffer buffer = view.buffer();
        typeLine(robot, "echo 'src/Main.java:2:5: error'");
        waitUntil("the position is printed", () -> rowStartingWith(buffer, "src/Main.java:2:5:").isPresent());
        int row = rowStartingWith(buffer, "src/Main.java:2:5:").orElseThrow();
        waitUntil("it became a link", () -> buffer.getStyleAt(0, row) instanceof com.techsenger.jeditermfx.core.HyperlinkStyle);
        assertFalse(buffer.getStyleAt(20, row) instanceof com.techsenger.jeditermfx.core.HyperlinkStyle, "the message is no link");
        // taken now: later output may restyle the row while the terminal keeps running
        var link = (com.techsenger.jeditermfx.core.HyperlinkStyle) buffer.getStyleAt(0, row);

        assertEquals("", view.exitMessage());
        typeLine(robot, "exit 3");
        waitUntil("the exit status is reported", () -> Integer.valueOf(3).equals(view.terminal().exitStatusProperty().get()));
        waitUntil("the banner says so", () -> view.exitMessage().contains("status 3"));
        assertTrue(robot.lookup("#terminal-exit-" + view.terminal().id()).query().isVisible());

        onFx(() -> {
            link.getLinkInfo().navigate();
            return null;
        });
        waitUntil("Main.java opens", () -> workbench.tabs().selectedProperty().get() != null
                && workbench.tabs().selectedProperty().get().path().endsWith("src/Main.java"));
        waitUntil("the caret is on line 2, column 5", () -> {
            var editor = workbench.tabsView().activeEditor();
            return editor != null && java.util.Arrays.equals(new int[] {2, 5}, editor.view().controller().caretLineColumn());
        });
    }
}
