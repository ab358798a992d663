package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.EditorTabsViewModel;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Rename Symbol (F2 in an editor): a box at the caret with the word, Enter asks the server; its workspace edit is
 * previewed (each file, each changed line before and after) and applied only on Apply, checked as {@link WorkspaceEdits}
 * says: each file's edits as one undoable step in its buffer (files not open are opened in tabs, left unsaved for the
 * user to review and save). An
 * answer for a text that changed meanwhile is not applied. JavaFX thread.
 */
final class RenameFlow {
    static final String INPUT_ID = "rename-input";
    static final String PREVIEW_ID = "rename-preview";
    static final String APPLY_ID = "rename-apply";
    private final ServerRequests requests;
    private final Overlay overlay;
    private final EditorTabsViewModel tabs;
    private final Supplier<Path> workspace;
    private final Consumer<String> status;
    private final VBox inputBox = new VBox(4);
    private final TextField input = new TextField();
    private final VBox previewBox = new VBox(6);
    private final ListView<String> preview = new ListView<>();
    private final Label heading = new Label();
    private final Button apply = new Button("Apply");
    private JsonNode pendingEdit;
    private List<String> applied = List.of();

    RenameFlow(ServerRequests requests, Overlay overlay, EditorTabsViewModel tabs, Supplier<Path> workspace, Consumer<String> status) {
        this.requests = requests;
        this.overlay = overlay;
        this.tabs = tabs;
        this.workspace = workspace;
        this.status = status;
        String look = "-fx-background-color: -color-bg-overlay; -fx-border-color: -color-border-default; -fx-padding: 6;"
                + "-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);";
        input.setId(INPUT_ID);
        input.setPrefColumnCount(24);
        inputBox.setStyle(look);
        inputBox.getChildren().setAll(new Label("Rename to (Enter: preview, Escape: cancel)"), input);
        previewBox.setId(PREVIEW_ID);
        previewBox.setStyle(look);
        previewBox.setPrefWidth(640);
        preview.setPrefHeight(220);
        apply.setId(APPLY_ID);
        apply.setDefaultButton(false);
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> close());
        apply.setOnAction(e -> applyPending());
        previewBox.getChildren().setAll(heading, preview, new HBox(8, apply, cancel));
        previewBox.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                applyPending();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
    }

    boolean isPreviewShowing() {
        return overlay.getChildren().contains(previewBox);
    }

    /** The preview's lines (tests). */
    List<String> previewLines() {
        return List.copyOf(preview.getItems());
    }

    /** Files whose buffers the last Apply edited (tests). */
    List<String> applied() {
        return applied;
    }

    void start(EditorView view, OpenDocument document) {
        var s = view.buffer().selections();
        int caret = s.get(s.size() - 1).head();
        Rope text = view.buffer().text();
        int from = Positions.wordStart(text, caret);
        int to = caret;
        while (to < text.length() && Positions.wordChar(text.charAt(to))) {
            to++;
        }
        if (from == to || !requests.serves(document)) {
            status.accept("Rename Symbol: the caret is not on a name a language server knows");
            return;
        }
        String old = text.substring(from, to).toString();
        int[] at = Positions.position(text, from);
        input.setText(old);
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
                view.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                String name = input.getText().strip();
                overlay.hide(inputBox);
                if (!name.isEmpty() && !name.equals(old)) {
                    ask(view, document, at, old, name);
                }
            }
        });
        Point2D p = view.caretPoint();
        overlay.place(inputBox, view, p == null ? new Point2D(0, 0) : p, view.metrics().lineHeight());
        input.requestFocus();
        input.selectAll();
    }

    /** Asks the server to rename the name at {@code at} to {@code name} (also the test's way in). */
    void ask(EditorView view, OpenDocument document, int[] at, String old, String name) {
        int version = requests.versionOf(document);
        requests.send(document, "rename", JsonNodeFactory.instance.objectNode().put("version", version).put("line", at[0])
                .put("column", at[1]).put("newName", name), a -> {
                    if (a.error() != null) {
                        status.accept("Rename Symbol: " + a.error());
                    } else if (a.version() != version || !a.since().isEmpty()) {
                        status.accept("Rename Symbol: the file changed while the server worked; nothing was renamed (try again)");
                    } else {
                        showPreview(view, a.result(), old, name);
                    }
                });
    }

    private void showPreview(EditorView view, JsonNode edit, String old, String name) {
        try {
            WorkspaceEdits.check(edit, workspace.get(), this::textOf, file -> false);
        } catch (WorkspaceEdits.Refused refused) {
            status.accept("Rename Symbol: the server's edit was refused, nothing changed: " + refused.getMessage());
            return;
        }
        List<String> lines = new ArrayList<>();
        int count = 0;
        for (JsonNode f : edit.path("files")) {
            Path file = Path.of(f.path("file").asText());
            Rope text = textOf(file);
            lines.add(relative(file) + " — " + f.path("edits").size() + " edit(s)");
            for (JsonNode e : f.path("edits")) {
                count++;
                int line = e.path("startLine").asInt();
                String before = text == null || line >= text.lineCount() ? "" : text.substring(text.lineStart(line), text.lineEnd(line)).toString();
                lines.add("    " + (line + 1) + ": " + before.strip());
            }
        }
        if (count == 0) {
            status.accept("Rename Symbol: the server has nothing to rename here");
            return;
        }
        pendingEdit = edit;
        heading.setText("Rename '" + old + "' to '" + name + "': " + count + " edit(s) in " + edit.path("files").size()
                + " file(s). Enter or Apply: apply, one undo step per file; Escape: cancel");
        preview.getItems().setAll(lines);
        overlay.place(previewBox, view, new Point2D(40, 20), 0);
        previewBox.requestFocus();
    }

    /** Applies the previewed edit ({@link WorkspaceEdits}: checked first, each file's edits one undoable change). */
    void applyPending() {
        JsonNode edit = pendingEdit;
        close();
        if (edit == null) {
            return;
        }
        List<String> done = new ArrayList<>();
        applied = done;
        try {
            WorkspaceEdits.apply(edit, workspace.get(), tabs, done::add);
        } catch (WorkspaceEdits.Refused refused) {
            status.accept("Rename Symbol: the server's edit was refused, nothing changed: " + refused.getMessage());
        }
    }

    void close() {
        pendingEdit = null;
        overlay.hide(inputBox);
        overlay.hide(previewBox);
    }

    private Rope textOf(Path file) {
        var open = tabs.find(file);
        if (open.isPresent()) {
            return open.get().rope();
        }
        try {
            return dev.symphony.editor.file.DocumentFile.open(file).text();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private String relative(Path file) {
        return WorkspaceEdits.relative(workspace.get(), file);
    }
}
