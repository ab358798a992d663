package dev.symphony.ui.editor;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The editor's commands in the command palette, with VS Code's default keys. Each acts on the
 * active editor and does nothing when there is none. Keys the view handles itself (arrows, Escape,
 * clipboard, undo) are not bound here: the workbench's key bindings have no "when editor focused"
 * clause, and a window-wide Escape would steal it from the palette and dialogs.
 */
public final class EditorCommands {
    /** Registers one command: id, title, category, default keys (null: none), action. */
    @FunctionalInterface
    public interface Sink {
        void command(String id, String title, String category, String defaultKeys, Runnable action);
    }

    private EditorCommands() {}

    public static void register(Sink sink, Supplier<EditorPane> active) {
        on(sink, active, "actions.find", "Find", "Shortcut+F", p -> p.showFind(false));
        on(sink, active, "editor.action.startFindReplaceAction", "Replace", "Shortcut+H", p -> p.showFind(true));
        on(sink, active, "editor.action.nextMatchFindAction", "Find Next", "F3", p -> p.find().next());
        on(sink, active, "editor.action.previousMatchFindAction", "Find Previous", "Shift+F3", p -> p.find().previous());
        on(sink, active, "workbench.action.gotoLine", "Go to Line/Column…", "Shortcut+G", EditorPane::showGoToLine);
        on(sink, active, "editor.action.addSelectionToNextFindMatch", "Add Selection to Next Find Match", "Shortcut+D",
                p -> p.view().controller().addNextOccurrence());
        on(sink, active, "editor.action.selectHighlights", "Select All Occurrences of Find Match", "Shortcut+Shift+L",
                p -> p.view().controller().selectAllOccurrences());
        on(sink, active, "editor.action.insertCursorAbove", "Add Cursor Above", "Shortcut+Alt+Up",
                p -> p.view().controller().addCursorVertically(true));
        on(sink, active, "editor.action.insertCursorBelow", "Add Cursor Below", "Shortcut+Alt+Down",
                p -> p.view().controller().addCursorVertically(false));
        on(sink, active, "removeSecondaryCursors", "Remove Secondary Cursors (Escape in the editor)", null,
                p -> p.view().controller().collapse());
        on(sink, active, "editor.action.toggleWordWrap", "Toggle Word Wrap", "Alt+Z", p -> p.view().controller().toggleWrap());
        on(sink, active, "editor.action.fontZoomIn", "Editor Font Zoom In (Ctrl+= in the editor)", null,
                p -> p.view().controller().zoom(1.1));
        on(sink, active, "editor.action.fontZoomOut", "Editor Font Zoom Out (Ctrl+- in the editor)", null,
                p -> p.view().controller().zoom(1 / 1.1));
        on(sink, active, "editor.action.fontZoomReset", "Editor Font Zoom Reset (Ctrl+0 in the editor)", null,
                p -> p.view().controller().zoom(0));
        on(sink, active, "editor.action.commentLine", "Toggle Line Comment", "Shortcut+Slash", p -> comment(p, true));
        on(sink, active, "editor.action.blockComment", "Toggle Block Comment", "Shift+Alt+A", p -> comment(p, false));
        on(sink, active, "editor.fold", "Fold", "Shortcut+Shift+Bracketleft", p -> p.view().folding().foldAtCaret());
        on(sink, active, "editor.unfold", "Unfold", "Shortcut+Shift+Bracketright", p -> p.view().folding().unfoldAtCaret());
        on(sink, active, "editor.foldAll", "Fold All", null, p -> p.view().folding().foldAll());
        on(sink, active, "editor.unfoldAll", "Unfold All", null, p -> p.view().folding().unfoldAll());
        on(sink, active, "undo", "Undo (Ctrl+Z in the editor)", null, p -> p.view().controller().undo());
        on(sink, active, "redo", "Redo (Ctrl+Shift+Z / Ctrl+Y in the editor)", null, p -> p.view().controller().redo());
        on(sink, active, "editor.action.selectAll", "Select All (Ctrl+A in the editor)", null,
                p -> p.view().controller().selectAll());
    }

    private static void comment(EditorPane pane, boolean line) {
        EditorView view = pane.view();
        if (view.isReadOnly()) {
            return;
        }
        pane.commentSyntax().ifPresent(syntax -> {
            dev.symphony.editor.buffer.Buffer buffer = view.buffer();
            dev.symphony.editor.text.ChangeSet change = line
                    ? dev.symphony.editor.comment.CommentToggle.lines(buffer.text(), buffer.selections(), syntax)
                    : dev.symphony.editor.comment.CommentToggle.block(buffer.text(), buffer.selections(), syntax);
            if (!change.isEmpty()) {
                buffer.edit(change, dev.symphony.editor.buffer.EditKind.COMMAND);
            }
        });
    }

    private static void on(Sink sink, Supplier<EditorPane> active, String id, String title, String keys,
                           Consumer<EditorPane> action) {
        sink.command(id, title, "Editor", keys, () -> {
            EditorPane pane = active.get();
            if (pane != null) {
                action.accept(pane);
            }
        });
    }
}
