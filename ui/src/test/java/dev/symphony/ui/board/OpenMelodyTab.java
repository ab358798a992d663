package dev.symphony.ui.board;

import static dev.symphony.ui.TestWorkbench.waitUntil;

import dev.symphony.ui.TestWorkbench;
import dev.symphony.ui.files.FileTreeView;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.TreeCell;
import org.testfx.api.FxRobot;

/** A Melody file opened as a user opens it, by a double click in the real workbench's file tree (the board UI tests). */
final class OpenMelodyTab {
    private OpenMelodyTab() {
    }

    /** The selected tab's Melody tab, or null. */
    static MelodyTab selected(TestWorkbench bench) {
        var tab = bench.workbench.tabsView().getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof MelodyTab m ? m : null;
    }

    private static Optional<Node> cell(FxRobot robot, String name) {
        return robot.lookup("#" + FileTreeView.ID + " .tree-cell").queryAll().stream()
                .filter(n -> name.equals(((TreeCell<?>) n).getText())).findFirst();
    }

    static MelodyTab fromTree(FxRobot robot, TestWorkbench bench, String name) throws Exception {
        waitUntil(name + " shows in the tree", () -> cell(robot, name).isPresent());
        TestWorkbench.doubleClickOn(robot, cell(robot, name).get());
        for (int i = 0; i < 50 && selected(bench) == null; i++) {
            Thread.sleep(100);
        }
        if (selected(bench) == null) { // the tree's watcher may have redrawn the cell between the lookup and the click
            TestWorkbench.doubleClickOn(robot, cell(robot, name).get());
        }
        try {
            waitUntil(name + " opens in a Melody tab", () -> selected(bench) != null && selected(bench).document().title().equals(name));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("tabs " + bench.workbench.tabs().documents().stream().map(OpenDocument::title).toList()
                    + ", status '" + bench.workbench.window().statusMessageProperty().get() + "'", e);
        }
        return selected(bench);
    }
}
