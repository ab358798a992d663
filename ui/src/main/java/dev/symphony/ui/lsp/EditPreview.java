package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.editor.text.Rope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A workspace edit shown before it is applied: a heading, each file with its changed lines, Apply and Cancel (Enter,
 * Escape). Rename's preview, and the approval a server's own edit needs when it touches files not open
 * ({@link ServerEdits}). Cancel, Escape and {@link #close} all run the cancel action once. JavaFX thread.
 */
final class EditPreview {
    private final Overlay overlay;
    private final VBox box = new VBox(6);
    private final ListView<String> lines = new ListView<>();
    private final Label heading = new Label();
    private Runnable onApply;
    private Runnable onCancel;

    EditPreview(Overlay overlay, String id, String applyId, String cancelId) {
        this.overlay = overlay;
        box.setId(id);
        box.setStyle(Overlay.BOX_STYLE + " -fx-padding: 6;");
        box.setPrefWidth(640);
        heading.setWrapText(true);
        lines.setPrefHeight(220);
        Button apply = new Button("Apply");
        apply.setId(applyId);
        Button cancel = new Button("Cancel");
        cancel.setId(cancelId);
        cancel.setOnAction(e -> close());
        apply.setOnAction(e -> apply());
        box.getChildren().setAll(heading, lines, new HBox(8, apply, cancel));
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                apply();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
    }

    /**
     * The lines of {@code edit}: each file ({@code name}d) with its number of edits, then each edit's first line as the
     * text has it now ({@code textOf}: null when it cannot be read). {@code count[0]} gets the number of edits.
     */
    static List<String> lines(JsonNode edit, Function<Path, Rope> textOf, Function<Path, String> name, int[] count) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : edit.path("files")) {
            Path file = Path.of(f.path("file").asText());
            Rope text = textOf.apply(file);
            out.add(name.apply(file) + " — " + f.path("edits").size() + " edit(s)");
            for (JsonNode e : f.path("edits")) {
                count[0]++;
                int line = e.path("startLine").asInt();
                String before = text == null || line >= text.lineCount() ? "" : text.substring(text.lineStart(line), text.lineEnd(line)).toString();
                out.add("    " + (line + 1) + ": " + before.strip());
            }
        }
        return out;
    }

    /** Shows {@code title} and {@code items}, placed by {@code place}; Apply runs {@code apply}, Cancel {@code cancel}. */
    void show(String title, List<String> items, Runnable apply, Runnable cancel, Consumer<Region> place) {
        close();
        heading.setText(title);
        lines.getItems().setAll(items);
        onApply = apply;
        onCancel = cancel;
        place.accept(box);
        box.requestFocus();
    }

    boolean isShowing() {
        return overlay.getChildren().contains(box);
    }

    /** The lines shown (tests). */
    List<String> items() {
        return List.copyOf(lines.getItems());
    }

    /** Applies: hides the box and runs the apply action. */
    void apply() {
        end(true);
    }

    /** Cancels: hides the box and runs the cancel action (once). */
    void close() {
        end(false);
    }

    private void end(boolean apply) {
        Runnable r = apply ? onApply : onCancel;
        onApply = null;
        onCancel = null;
        overlay.hide(box);
        if (r != null) {
            r.run();
        }
    }
}
