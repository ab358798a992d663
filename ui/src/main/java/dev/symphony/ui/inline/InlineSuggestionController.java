package dev.symphony.ui.inline;

import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.editor.EditorView;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * Inline suggestions in one {@link EditorView}: feeds {@link InlineSuggestions} the view's edits and caret moves, shows
 * its suggestion as the view's ghost text, and takes Tab (accept), Ctrl+Right (accept a word) and Esc (dismiss) while
 * one is shown (an event filter: those keys keep their usual meaning otherwise). Everything here runs on the FX
 * thread; the model's answers come back through {@code fx}. Typing never waits for a model: an edit only cancels a
 * handle and restarts a pause.
 */
public final class InlineSuggestionController {
    private final EditorView view;
    private final InlineSuggestions model;
    private final BufferListener listener;
    private Rope lastText;
    private int lastCaret = -1;
    private String typed;
    private boolean editSeen;
    private boolean syncQueued;

    public InlineSuggestionController(EditorView view, InlineSuggestions.Source source, Executor fx, long delayMs) {
        this.view = view;
        this.model = new InlineSuggestions(source, InlineSuggestionController::pause, fx, delayMs,
                shown -> view.setGhostText(shown == null ? -1 : shown.caret(), shown == null ? null : shown.text()));
        this.lastText = view.buffer().text();
        this.lastCaret = caret();
        this.listener = (before, after, change) -> {
            editSeen = true;
            typed = typedText(change, lastCaret);
            if (!syncQueued) { // an edit not made through this view (another view, an agent) is seen on the next pulse
                syncQueued = true;
                Platform.runLater(this::sync);
            }
        };
        view.buffer().addListener(listener);
        view.addCaretListener(this::sync);
        view.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        view.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                model.dismiss();
            }
        });
    }

    public InlineSuggestions model() {
        return model;
    }

    /** Stops following the view's buffer (the tab closed). */
    public void dispose() {
        model.dismiss();
        view.buffer().removeListener(listener);
    }

    private static InlineSuggestions.Pending pause(long delayMs, Runnable task) {
        PauseTransition p = new PauseTransition(Duration.millis(Math.max(1, delayMs)));
        p.setOnFinished(e -> task.run());
        p.play();
        return p::stop;
    }

    /** What {@code change} inserted at {@code caret} when that is all it did, else null. */
    static String typedText(dev.symphony.editor.text.ChangeSet change, int caret) {
        if (change == null || change.edits().size() != 1) {
            return null;
        }
        TextEdit e = change.edits().get(0);
        return e.from() == e.to() && e.from() == caret && !e.text().isEmpty() ? e.text() : null;
    }

    private int caret() {
        SelectionSet sels = view.buffer().selections();
        return sels.get(sels.size() - 1).head();
    }

    private void sync() {
        syncQueued = false;
        Rope text = view.buffer().text();
        int caret = caret();
        if (editSeen) {
            editSeen = false;
            model.changed(text, caret, typed, offerable(text, caret));
        } else if (text != lastText || caret != lastCaret) {
            model.moved(text, caret);
        }
        typed = null;
        lastText = text;
        lastCaret = caret;
    }

    /** One caret, no selection, a writable editor, and nothing but blanks after the caret on its line. */
    private boolean offerable(Rope text, int caret) {
        SelectionSet sels = view.buffer().selections();
        if (view.isReadOnly() || sels.size() != 1) {
            return false;
        }
        Selection s = sels.get(0);
        if (s.anchor() != s.head()) {
            return false;
        }
        int end = text.lineEnd(text.lineOf(caret));
        if (end - caret > 200) {
            return false;
        }
        return text.substring(caret, end).isBlank();
    }

    private void key(KeyEvent e) {
        if (model.shown() == null) {
            return;
        }
        if (e.getCode() == KeyCode.TAB && !e.isShiftDown() && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown()) {
            String all = model.acceptAll();
            if (all != null) {
                view.controller().insertAtCaret(all);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT && e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown()) {
            String word = model.acceptWord();
            if (word != null && !word.isEmpty()) {
                view.controller().insertAtCaret(word);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            model.dismiss();
            e.consume();
        }
    }
}
