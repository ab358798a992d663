package dev.symphony.ui.tabs;

import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The context menu of a document's tab: Close, Close Others, Close All (through the closer), Split Right and Split
 * Down (a second view of the document in a new group), Move into Next / Previous Group, Keep Open (a preview), Copy
 * Path, Reveal in Explorer View.
 */
final class TabMenu {

    private TabMenu() {
    }

    static ContextMenu of(OpenDocument document, Runnable closeThis, TabCloser closer,
            java.util.function.Consumer<OpenDocument> reveal, EditorGroups groups, javafx.scene.control.Tab tab) {
        MenuItem close = item("Close", "tab-menu-close", closeThis);
        MenuItem others = item("Close Others", "tab-menu-close-others", () -> closer.closeOthers(document));
        MenuItem all = item("Close All", "tab-menu-close-all", () -> closer.closeAll(List.copyOf(closer.documents())));
        MenuItem copyPath = item("Copy Path", "tab-menu-copy-path", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(document.path().toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        MenuItem revealItem = item("Reveal in Explorer View", "tab-menu-reveal", () -> reveal.accept(document));
        MenuItem keep = item("Keep Open", "tab-menu-keep-open", () -> document.previewProperty().set(false));
        keep.visibleProperty().bind(document.previewProperty());
        MenuItem right = item("Split Right", "tab-menu-split-right",
                () -> groups.splitCopy(tab, javafx.geometry.Orientation.HORIZONTAL));
        MenuItem down = item("Split Down", "tab-menu-split-down",
                () -> groups.splitCopy(tab, javafx.geometry.Orientation.VERTICAL));
        MenuItem next = item("Move into Next Group", "tab-menu-move-next", () -> groups.moveTab(tab, 1));
        MenuItem previous = item("Move into Previous Group", "tab-menu-move-previous", () -> groups.moveTab(tab, -1));
        return new ContextMenu(close, others, all, new SeparatorMenuItem(), right, down, next, previous,
                new SeparatorMenuItem(), keep, copyPath, revealItem);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
