package dev.symphony.ui.shell;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.terminal.TerminalPanelView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 24, defect 3: the dark theme's chrome, editor and terminal had three backgrounds (#0d1117, #24292e,
 * #1e1e1e), and toggling the theme wrote "Theme: dark" into the status message beside the status bar's own
 * theme item. Sampled from snapshots of the real window, in both themes.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeBackgroundsUiTest {
    /** Primer's default and subtle shades differ by about 0x09 per channel; the old editor was 0x17 off. */
    private static final double SAME = 2.5 / 255;
    private static final double FAMILY = 12.0 / 255;
    private TestWorkbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "backgrounds");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    /** The colours of the side bar, the activity bar, the editor and the terminal, far from any text. */
    private record Backgrounds(Color sideBar, Color activityBar, Color editor, Color terminal) {
    }

    private Backgrounds sample(FxRobot robot) throws Exception {
        return TestWorkbench.onFx(() -> {
            var scene = bench.workbench.stage().getScene();
            PixelReader pixels = scene.snapshot(null).getPixelReader();
            Bounds side = bounds(robot.lookup("." + Styles.SIDE_BAR).query());
            Bounds activity = bounds(robot.lookup("." + Styles.ACTIVITY_BAR).query());
            Bounds editor = bounds(robot.lookup("." + EditorView.STYLE_CLASS).query());
            Bounds terminal = bounds(robot.lookup("#" + TerminalPanelView.ID).query());
            return new Backgrounds(
                    pixels.getColor((int) side.getCenterX(), (int) side.getMaxY() - 20),
                    pixels.getColor((int) activity.getCenterX(), (int) activity.getCenterY()),
                    pixels.getColor((int) editor.getMaxX() - 40, (int) editor.getMaxY() - 30),
                    pixels.getColor((int) (terminal.getMinX() + terminal.getWidth() * 0.7), (int) terminal.getMaxY() - 12));
        });
    }

    private static Bounds bounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    private static double distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }

    private void assertOneFamily(String theme, Backgrounds b) {
        assertTrue(distance(b.sideBar(), b.editor()) <= SAME, theme + ": the editor " + b.editor() + " on the side bar's " + b.sideBar());
        assertTrue(distance(b.sideBar(), b.terminal()) <= SAME,
                theme + ": the terminal " + b.terminal() + " on the side bar's " + b.sideBar());
        assertTrue(distance(b.sideBar(), b.activityBar()) <= FAMILY,
                theme + ": the activity bar " + b.activityBar() + " is a shade of " + b.sideBar());
    }

    @Test
    void chromeEditorAndTerminalShareOneBackgroundInEachThemeAndTheStatusBarNamesTheThemeOnce(FxRobot robot)
            throws Exception {
        Path file = Files.writeString(Files.createDirectories(bench.workspace.resolve("src")).resolve("Hello.java"),
                "/** A greeting. */\nclass Hello {\n    String text = \"hi\";\n\n    void greet() {\n"
                        + "        System.out.println(text); // to the terminal\n    }\n}\n");
        Files.writeString(bench.workspace.resolve("README.md"), "# Hello\n");
        Files.writeString(bench.workspace.resolve("settings.json"), "{ \"editor.tabSize\": 4 }\n");
        robot.interact(() -> bench.workbench.openFile(file, d -> { }));
        waitUntil("the file opens", () -> bench.workbench.tabsView().activeEditor() != null);
        robot.press(KeyCode.CONTROL, KeyCode.BACK_QUOTE).release(KeyCode.BACK_QUOTE, KeyCode.CONTROL);
        waitUntil("a terminal shows", () -> bench.workbench.terminals().activeProperty().get() != null
                && bench.workbench.terminalPanel().activeView().isPresent());
        // the screenshots show what a person sees: the shell's prompt, not a terminal still starting (its buffer is locked for the read)
        waitUntil("the shell's prompt shows", 20, () -> bench.workbench.terminalPanel().activeView().orElseThrow()
                .lines(0).stream().anyMatch(line -> !line.isBlank()));
        WaitForAsyncUtils.waitForFxEvents();
        Backgrounds light = sample(robot);
        assertTrue(light.editor().getBrightness() > 0.9, "light: " + light);
        assertOneFamily("light", light);
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "workbench-light.png"));

        robot.interact(() -> bench.workbench.window().toggleTheme());
        waitUntil("the choice is written", () -> {
            try {
                return Files.readString(bench.paths().userSettingsFile()).contains("\"dark\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        Backgrounds dark = sample(robot);
        assertTrue(dark.editor().getBrightness() < 0.15, "dark: " + dark);
        assertOneFamily("dark", dark);
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), "workbench-dark.png"));

        List<String> items = TestWorkbench.onFx(() -> robot.lookup("#" + StatusBarView.ID + " .label")
                .queryAllAs(Labeled.class).stream().map(Labeled::getText).toList());
        assertEquals(1, items.stream().filter(text -> text.contains("dark")).count(), "the status bar: " + items);
        // a long message and the workspace's long temporary path fill the bar: they give way, the short items keep
        // their whole text (before, "No proble…", "Theme: d…" and the caret's "Ln 1, Col 1 · Ja…" were cut)
        robot.interact(() -> bench.workbench.window().statusMessageProperty().set("Indexing " + "very/".repeat(40) + "deep/files"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = TestWorkbench.onFx(() -> robot.lookup("#" + StatusBarView.ID + " .label")
                .queryAllAs(Labeled.class).stream()
                .filter(l -> l.isVisible() && (l.getText().startsWith("Theme") || l.getText().startsWith("Ln ")
                        || l.getText().endsWith("problems") || l.getText().endsWith("problem")))
                .filter(l -> l.getWidth() < l.prefWidth(-1) - 0.5)
                .map(l -> l.getText() + " (" + l.getWidth() + " of " + l.prefWidth(-1) + " px)").toList());
        assertTrue(cut.isEmpty(), "status items cut short: " + cut);
    }
}
