package dev.symphony.ui.editor;

import javafx.geometry.Point2D;
import javafx.scene.input.InputMethodEvent;
import javafx.scene.input.InputMethodRequests;
import javafx.scene.input.InputMethodTextRun;

/**
 * Input methods (CJK, dead keys, emoji pickers): composed text shows underlined at the caret until
 * committed; committed text is typed like keys. The IME window is placed under the caret.
 */
final class EditorIme {
    private final EditorView view;
    private final EditorController editor;

    EditorIme(EditorView view, EditorController editor) {
        this.view = view;
        this.editor = editor;
    }

    void install() {
        view.setInputMethodRequests(new InputMethodRequests() {
            @Override
            public Point2D getTextLocation(int offset) {
                Point2D caret = view.caretPoint();
                Point2D local = caret == null ? new Point2D(0, 0) : caret.add(0, view.metrics().lineHeight());
                Point2D screen = view.localToScreen(local);
                return screen == null ? new Point2D(0, 0) : screen;
            }

            @Override
            public int getLocationOffset(int x, int y) {
                return 0;
            }

            @Override
            public void cancelLatestCommittedText() {
            }

            @Override
            public String getSelectedText() {
                return editor.hasSelection() ? editor.selectedText() : "";
            }
        });
        view.setOnInputMethodTextChanged(this::changed);
    }

    private void changed(InputMethodEvent e) {
        if (!e.getCommitted().isEmpty()) {
            editor.type(e.getCommitted());
        }
        StringBuilder composed = new StringBuilder();
        for (InputMethodTextRun run : e.getComposed()) {
            composed.append(run.getText());
        }
        Point2D caret = view.caretPoint();
        double x = caret == null ? 0 : caret.getX() - view.contentPane().getLayoutX();
        double y = caret == null ? 0 : caret.getY();
        view.decorations().showComposition(composed.toString(), x, y, view.metrics().regular());
        e.consume();
    }
}
