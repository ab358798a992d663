package dev.symphony.ui.lsp;

import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.ui.editor.EditorView;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Snippet mode in one editor after a completion inserted a snippet with tab stops ({@link SnippetSession}): the first
 * stop's text is selected, Tab selects the next ({@code $1}, {@code $2} … {@code $0}), Shift+Tab the previous, and
 * reaching {@code $0} ends the mode, as Escape does. So do an edit outside the snippet, an undo, another snippet,
 * another tab, and a Tab with the caret outside the snippet (which then indents as usual). While a completion list or
 * another box shows, its keys come first. JavaFX thread.
 */
final class SnippetMode {
    private final BufferListener following = this::edited;
    private EditorView view;
    private SnippetSession session;

    /** Starts snippet mode in {@code view} (whose buffer already holds the snippet) and selects its first stop. */
    void start(EditorView view, SnippetSession session) {
        end();
        this.view = view;
        this.session = session;
        view.buffer().addListener(following);
        view.buffer().setSelections(session.selection());
    }

    boolean isActive() {
        return session != null;
    }

    /** Tab, Shift+Tab and Escape in {@code focused} while snippet mode is on in it; true when consumed. */
    boolean key(KeyEvent e, EditorView focused) {
        if (session == null || focused != view || e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            end();
            return true;
        }
        if (e.getCode() != KeyCode.TAB) {
            return false;
        }
        if (!caretsInside()) {
            end();
            return false;
        }
        boolean moved = e.isShiftDown() ? session.previous() : session.next();
        if (moved) {
            view.buffer().closeGroup(); // each stop's typing its own undo step
            view.buffer().setSelections(session.selection());
        }
        if (session.onLastStop()) {
            end();
        }
        return true;
    }

    /** Leaves snippet mode (the selection stays as it is). */
    void end() {
        if (view != null) {
            view.buffer().removeListener(following);
        }
        view = null;
        session = null;
    }

    private boolean caretsInside() {
        List<Selection> all = view.buffer().selections().all();
        return all.stream().allMatch(s -> session.contains(s.head()));
    }

    private void edited(dev.symphony.editor.text.Rope before, dev.symphony.editor.text.Rope after, ChangeSet change) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> edited(before, after, change)); // in order: edits from elsewhere arrive as they were made
            return;
        }
        if (session != null && !session.map(change)) {
            end();
        }
    }
}
