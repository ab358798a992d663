package dev.symphony.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.TestWorkbench;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The activity bar highlights the view the side bar shows however it was shown: Search from the palette (not its
 * button), the Explorer from its button; a second click on the Explorer hides the side bar and nothing is highlighted;
 * a view without a button (shown by code) leaves none highlighted.
 */
@ExtendWith(ApplicationExtension.class)
class ActivityBarUiTest {
    private TestWorkbench bench;

    @Start
    void start(Stage stage) throws Exception {
        bench = TestWorkbench.start(stage, "activity");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bench.close();
    }

    @Test
    void theHighlightFollowsTheSideBar(FxRobot robot) throws Exception {
        ActivityBar bar = bench.workbench.mainView().activityBar();
        assertEquals("explorer", bar.highlighted(), "a folder is open: the Explorer shows");
        robot.interact(() -> bench.workbench.window().run("workbench.action.findInFiles"));
        assertEquals("search", bar.highlighted(), "Search shown from the palette is highlighted, not the Explorer");
        assertTrue(search(robot).getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("selected")));

        TestWorkbench.clickOn(robot, "#" + ActivityBar.EXPLORER_ID);
        assertEquals("explorer", bar.highlighted(), "the Explorer's button shows the Explorer again (it does not hide the side bar)");
        assertTrue(bench.workbench.window().sideBarVisibleProperty().get());
        TestWorkbench.clickOn(robot, "#" + ActivityBar.EXPLORER_ID);
        assertFalse(bench.workbench.window().sideBarVisibleProperty().get(), "a second click hides the side bar");
        assertNull(bar.highlighted());

        TestWorkbench.clickOn(robot, search(robot));
        assertEquals("search", bar.highlighted());
        robot.interact(() -> bench.workbench.mainView().showInSideBar(new javafx.scene.control.Label("a view without a button")));
        assertNull(bar.highlighted());
        robot.interact(() -> bench.workbench.window().run("workbench.view.explorer"));
        assertEquals("explorer", bar.highlighted());
    }

    private static Node search(FxRobot robot) {
        return robot.lookup(n -> "activity:search".equals(n.getId())).queryAs(Node.class); // a CSS #id cannot hold the colon
    }
}
