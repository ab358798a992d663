package dev.symphony.ui.settings;

import static dev.symphony.ui.TestWorkbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.symphony.kernel.settings.SettingsScope;
import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.shell.ActivityBar;
import dev.symphony.ui.shell.Styles;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings page's search box keeps only the matching settings (and their headings); {@code @modified} the ones set in a file. */
@ExtendWith(ApplicationExtension.class)
class SettingsSearchUiTest {
    private TestWorkbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "settings-search");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    private List<String> shownKeys(FxRobot robot) {
        return robot.lookup("." + Styles.SETTING_ROW).queryAll().stream().filter(Node::isManaged)
                .map(row -> robot.from(row).lookup((Node n) -> n.getId() != null && n.getId().startsWith("setting:"))
                        .query().getId().substring("setting:".length()))
                .toList();
    }

    @Test
    void wordsAndModifiedFilterTheSettings(FxRobot robot) throws Exception {
        TestWorkbench.clickOn(robot, "#" + ActivityBar.SETTINGS_ID);
        waitUntil("the settings page shows", () -> robot.lookup("#" + SettingsView.SEARCH_ID).tryQuery().isPresent());
        int all = shownKeys(robot).size();
        TestWorkbench.clickOn(robot, "#" + SettingsView.SEARCH_ID).write("tab size");
        waitUntil("only the tab size is left", () -> shownKeys(robot).equals(List.of("editor.tabSize")));
        assertEquals(false, robot.lookup("#" + SettingsView.NONE_FOUND_ID).query().isVisible());

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("@modified");
        waitUntil("nothing is modified yet", () -> shownKeys(robot).isEmpty()
                && robot.lookup("#" + SettingsView.NONE_FOUND_ID).query().isVisible());
        robot.interact(() -> {
            try {
                bench.workbench.services().settings().set(SettingsScope.USER, "editor.fontSize", IntNode.valueOf(16));
            } catch (dev.symphony.kernel.settings.SettingsWriteException e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        TestWorkbench.clickOn(robot, "#" + SettingsView.SEARCH_ID).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .write("@modified font");
        waitUntil("the changed setting shows", () -> shownKeys(robot).equals(List.of("editor.fontSize")));

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        waitUntil("an empty search shows them all", () -> shownKeys(robot).size() == all);
    }
}
