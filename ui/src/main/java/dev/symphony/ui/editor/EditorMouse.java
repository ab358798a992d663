package dev.symphony.ui.editor;

import dev.symphony.editor.selection.Selection;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;

/**
 * Mouse input: click places the caret, shift-click extends, drag selects (Alt+drag: a box of
 * carets), double-click selects a word, Alt+click adds a caret; dragging a selection moves its text
 * (Ctrl: copies) with JavaFX drag and drop, so text from other applications drops in too. The wheel
 * scrolls (Shift: sideways, Ctrl: zoom).
 */
final class EditorMouse {
    private final EditorView view;
    private final EditorController editor;
    private int anchor;
    private boolean pressedInSelection;
    private boolean dragging;
    private int[] draggedRange;

    EditorMouse(EditorView view, EditorController editor) {
        this.view = view;
        this.editor = editor;
    }

    void install() {
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        view.addEventHandler(MouseEvent.DRAG_DETECTED, this::dragDetected);
        view.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        view.setOnDragOver(this::dragOver);
        view.setOnDragDropped(this::dropped);
        view.setOnDragDone(e -> draggedRange = null);
    }

    private boolean inText(MouseEvent e) {
        return e.getX() >= view.contentPane().getLayoutX()
                && e.getX() < view.contentPane().getLayoutX() + view.textWidth()
                && e.getY() < view.contentPane().getHeight();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !inText(e)) {
            return;
        }
        view.requestFocus();
        int offset = view.offsetAt(e.getX(), e.getY());
        Selection inside = selectionAt(offset);
        pressedInSelection = inside != null && e.getClickCount() == 1 && !e.isShiftDown() && !e.isAltDown();
        dragging = false;
        if (pressedInSelection) {
            e.consume();
            return; // may start a text drag; a plain release places the caret
        }
        if (e.getClickCount() == 2) {
            editor.selectWordAt(offset);
            int[] word = editor.wordAt(offset);
            anchor = word[0];
        } else if (e.getClickCount() >= 3) {
            int line = view.buffer().text().lineOf(offset);
            int start = view.buffer().text().lineStart(line);
            int end = line + 1 < view.buffer().text().lineCount() ? view.buffer().text().lineStart(line + 1)
                    : view.buffer().text().length();
            editor.setSelections(dev.symphony.editor.selection.SelectionSet.single(Selection.of(start, end)), end);
            anchor = start;
        } else {
            editor.clickAt(offset, e.isShiftDown(), e.isAltDown() && !e.isShiftDown());
            anchor = e.isShiftDown() ? view.buffer().selections().get(view.buffer().selections().size() - 1).anchor() : offset;
        }
        e.consume();
    }

    private Selection selectionAt(int offset) {
        for (Selection s : view.buffer().selections().all()) {
            if (!s.isEmpty() && offset > s.start() && offset < s.end()) {
                return s;
            }
        }
        return null;
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || pressedInSelection) {
            return;
        }
        dragging = true;
        double y = e.getY();
        if (y < 0) {
            view.scroll().toRows(view.scroll().rows() - 1);
        } else if (y > view.contentPane().getHeight()) {
            view.scroll().toRows(view.scroll().rows() + 1);
        }
        editor.dragTo(anchor, view.offsetAt(e.getX(), Math.max(0, Math.min(y, view.contentPane().getHeight() - 1))),
                e.isAltDown());
        e.consume();
    }

    private void released(MouseEvent e) {
        if (pressedInSelection && !dragging && draggedRange == null && e.getButton() == MouseButton.PRIMARY) {
            editor.clickAt(view.offsetAt(e.getX(), e.getY()), false, false);
        }
        pressedInSelection = false;
    }

    private void dragDetected(MouseEvent e) {
        if (!pressedInSelection) {
            return;
        }
        Selection s = selectionAt(view.offsetAt(e.getX(), e.getY()));
        if (s == null) {
            return;
        }
        draggedRange = new int[] {s.start(), s.end()};
        Dragboard board = view.startDragAndDrop(view.isReadOnly() ? new TransferMode[] {TransferMode.COPY}
                : TransferMode.COPY_OR_MOVE);
        ClipboardContent content = new ClipboardContent();
        content.putString(view.buffer().text().substring(s.start(), s.end()));
        board.setContent(content);
        e.consume();
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasString() && !view.isReadOnly()) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            int at = view.offsetAt(e.getX(), e.getY());
            editor.setSelections(dev.symphony.editor.selection.SelectionSet.cursorAt(at), at);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        if (!e.getDragboard().hasString()) {
            e.setDropCompleted(false);
            return;
        }
        int target = view.offsetAt(e.getX(), e.getY());
        boolean copy = e.getTransferMode() == TransferMode.COPY || draggedRange == null;
        int[] range = draggedRange == null ? new int[] {0, 0} : draggedRange;
        editor.dropText(e.getDragboard().getString(), target, range[0], range[1], copy);
        draggedRange = null;
        e.setDropCompleted(true);
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            if (e.getDeltaY() != 0) {
                editor.zoom(e.getDeltaY() > 0 ? 1.1 : 1 / 1.1);
            }
        } else if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            double dx = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            view.scrollXTo(Math.max(0, Math.min(view.scroll().horizontal().getMax(), view.scrollX() - dx)));
        } else {
            view.scroll().toRows(view.scroll().rows() - e.getDeltaY() / view.metrics().lineHeight());
        }
        e.consume();
    }
}
