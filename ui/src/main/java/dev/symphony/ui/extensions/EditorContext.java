package dev.symphony.ui.extensions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.Workbench;
import dev.symphony.ui.editor.EditorPane;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;

/**
 * The active editor as an extension's command sees it (VS Code's {@code activeTextEditor}): {@code {"file":
 * workspace-relative, "line": the caret's (1-based), "selections": [{"startLine", "endLine"}] (1-based, both included;
 * a selection that ends at the start of a line does not take that line, as VS Code counts), "dirty"}}. Only a file in
 * the open folder is told; no text is sent. JavaFX thread.
 */
final class EditorContext {
    private EditorContext() {
    }

    static ObjectNode of(Workbench workbench) {
        EditorPane pane = workbench.tabsView().activeEditor();
        Path root = workbench.window().workspaceProperty().get();
        if (pane == null || pane.file() == null || root == null) {
            return null;
        }
        Path base = root.toAbsolutePath().normalize();
        Path file = pane.file().toAbsolutePath().normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            return null;
        }
        Rope rope = pane.view().buffer().text();
        var selections = pane.view().shownSelections();
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("file", base.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
                .put("line", rope.lineOf(selections.get(0).head()) + 1);
        var items = out.putArray("selections");
        for (Selection s : selections.all()) {
            int startLine = rope.lineOf(s.start());
            int endLine = rope.lineOf(s.end());
            if (s.end() > s.start() && endLine > startLine && rope.lineStart(endLine) == s.end()) {
                endLine--;
            }
            items.addObject().put("startLine", startLine + 1).put("endLine", endLine + 1);
        }
        OpenDocument document = workbench.tabs().documents().stream().filter(d -> d.buffer() == pane.view().buffer()).findFirst().orElse(null);
        out.put("dirty", document != null && document.dirtyProperty().get());
        return out;
    }
}
