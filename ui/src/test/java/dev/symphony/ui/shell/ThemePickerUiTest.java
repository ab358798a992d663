package dev.symphony.ui.shell;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.palette.CommandPaletteView;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
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

/** Preferences: Color Theme from the palette: Up/Down preview live, Escape puts the old theme back, Enter keeps one. */
@ExtendWith(ApplicationExtension.class)
class ThemePickerUiTest {
    private TestWorkbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "themes");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    private void openPicker(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the palette shows", () -> robot.lookup("#" + CommandPaletteView.ID).query().isVisible());
        robot.write("color theme");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        waitUntil("the theme picker shows", () -> robot.lookup("#" + ThemePickerView.ID).query().isVisible());
    }

    private String theme() {
        return bench.workbench.window().themeProperty().get();
    }

    private boolean rootIsHighContrast() {
        return bench.workbench.stage().getScene().getRoot().getStyleClass().contains(Themes.HIGH_CONTRAST_CLASS);
    }

    /** The colour the editor paints its background with, read from a snapshot of the scene. */
    private Color editorBackground(FxRobot robot) throws Exception {
        return TestWorkbench.onFx(() -> {
            EditorPane pane = bench.workbench.tabsView().activeEditor();
            var bounds = pane.view().localToScene(pane.view().getBoundsInLocal());
            var image = bench.workbench.stage().getScene().snapshot(null);
            return image.getPixelReader().getColor((int) bounds.getMaxX() - 30, (int) bounds.getMaxY() - 30);
        });
    }

    private void screenshot(FxRobot robot, String name) {
        robot.interact(() -> TestWorkbench.screenshot(bench.workbench.stage().getScene(), name));
    }

    @Test
    void arrowsPreviewEscapeRestoresEnterKeepsAndTheSettingsRemember(FxRobot robot) throws Exception {
        Path file = bench.workspace.resolve("Hello.java");
        Files.writeString(file, "/** A greeting. */\nclass Hello {\n    String text = \"hi\";\n}\n");
        robot.interact(() -> bench.workbench.openFile(file, d -> { }));
        waitUntil("the file opens", () -> bench.workbench.tabsView().activeEditor() != null);
        assertEquals(Themes.LIGHT, theme());
        assertTrue(editorBackground(robot).getBrightness() > 0.9, "light editor: " + editorBackground(robot));
        screenshot(robot, "theme-light.png");

        openPicker(robot);
        robot.type(KeyCode.DOWN);
        waitUntil("Down previews the dark theme", () -> Themes.DARK.equals(theme()));
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editorBackground(robot).getBrightness() < 0.15, "the editor follows: " + editorBackground(robot));
        robot.type(KeyCode.DOWN);
        waitUntil("Down again previews high contrast", () -> Themes.HIGH_CONTRAST.equals(theme()) && rootIsHighContrast());
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape puts the light theme back", () -> Themes.LIGHT.equals(theme()) && !rootIsHighContrast());
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"), Application.getUserAgentStylesheet());
        assertFalse(robot.lookup("#" + ThemePickerView.ID).query().isVisible());
        assertFalse(Files.exists(bench.paths().userSettingsFile())
                && Files.readString(bench.paths().userSettingsFile()).contains("colorTheme"), "a preview writes nothing");

        openPicker(robot);
        robot.write("dark");
        waitUntil("typing filters to the dark theme", () -> Themes.DARK.equals(theme()));
        screenshot(robot, "theme-dark.png");
        robot.type(KeyCode.ENTER);
        waitUntil("Enter keeps dark in the user's settings", () -> {
            try {
                return Files.readString(bench.paths().userSettingsFile()).contains("\"dark\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });

        openPicker(robot);
        robot.write("contrast");
        robot.type(KeyCode.ENTER);
        waitUntil("high contrast is kept", () -> rootIsHighContrast() && Themes.HIGH_CONTRAST.equals(theme()));
        waitUntil("and written", () -> {
            try {
                return Files.readString(bench.paths().userSettingsFile()).contains("\"high-contrast\"");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        SettingsService reread = new SettingsService(SettingsSchema.core(), bench.paths().userSettingsFile(), null);
        assertEquals(Themes.HIGH_CONTRAST, reread.getString(Themes.SETTING), "the next start uses it");
        assertTrue(reread.problems().isEmpty(), "the schema accepts it: " + reread.problems());
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(robot, "theme-high-contrast.png");
    }
}
