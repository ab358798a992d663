package dev.symphony.ui.editor.find;

import dev.symphony.ui.editor.EditorController;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;

/** Ctrl+G: "line" or "line:column", Enter goes there (instantly, at any line of any file), Escape closes. */
public final class GoToLineBar extends HBox {
    public static final String FIELD_ID = "goto-line";
    private final TextField field = new TextField();
    private final Label hint = new Label();
    private final EditorController editor;

    public GoToLineBar(EditorController editor, Runnable close) {
        this.editor = editor;
        setSpacing(6);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        field.setId(FIELD_ID);
        field.setPrefColumnCount(16);
        getChildren().addAll(new Label("Go to line:"), field, hint);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                int[] target = parse(field.getText());
                if (target == null) {
                    hint.setText("Type a line number, or line:column");
                } else {
                    editor.goToLine(target[0], target[1]);
                    close.run();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
    }

    /** {line, column} from "120" or "120:5" (column 1 when missing), or null. */
    static int[] parse(String text) {
        String[] parts = text.trim().split("[:,]", 2);
        try {
            int line = Integer.parseInt(parts[0].trim());
            int column = parts.length > 1 && !parts[1].isBlank() ? Integer.parseInt(parts[1].trim()) : 1;
            return line >= 1 && column >= 1 ? new int[] {line, column} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void show() {
        int[] at = editor.caretLineColumn();
        hint.setText("Current line " + at[0] + ", column " + at[1]);
        field.clear();
        field.requestFocus();
    }
}
