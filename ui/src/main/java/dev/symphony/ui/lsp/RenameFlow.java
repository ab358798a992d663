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
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
    static final String CANCEL_ID = "rename-cancel";
    private final ServerRequests requests;
    private final Overlay overlay;
    private final EditorTabsViewModel tabs;
    private final Supplier<Path> workspace;
    private final Consumer<String> status;
    private final VBox inputBox = new VBox(4);
    private final TextField input = new TextField();
    private final EditPreview preview;
    private List<String> applied = List.of();

    RenameFlow(ServerRequests requests, Overlay overlay, EditorTabsViewModel tabs, Supplier<Path> workspace, Consumer<String> status) {
        this.requests = requests;
        this.overlay = overlay;
        this.tabs = tabs;
        this.workspace = workspace;
        this.status = status;
        input.setId(INPUT_ID);
        input.setPrefColumnCount(24);
        inputBox.setStyle(Overlay.BOX_STYLE + " -fx-padding: 6;");
        inputBox.getChildren().setAll(new Label("Rename to (Enter: preview, Escape: cancel)"), input);
        preview = new EditPreview(overlay, PREVIEW_ID, APPLY_ID, CANCEL_ID);
    }

    boolean isPreviewShowing() {
        return preview.isShowing();
    }

    /** The preview's lines (tests). */
    List<String> previewLines() {
        return preview.items();
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
        int[] count = {0};
        List<String> lines = EditPreview.lines(edit, this::textOf, this::relative, count);
        if (count[0] == 0) {
            status.accept("Rename Symbol: the server has nothing to rename here");
            return;
        }
        preview.show("Rename '" + old + "' to '" + name + "': " + count[0] + " edit(s) in " + edit.path("files").size()
                + " file(s). Enter or Apply: apply, one undo step per file; Escape: cancel", lines, () -> applyPending(edit), () -> { },
                box -> overlay.place(box, view, new Point2D(40, 20), 0));
    }

    /** Applies the previewed edit (Apply; tests). */
    void applyPending() {
        preview.apply();
    }

    /** Applies {@code edit} ({@link WorkspaceEdits}: checked first, each file's edits one undoable change). */
    private void applyPending(JsonNode edit) {
        List<String> done = new ArrayList<>();
        applied = done;
        try {
            WorkspaceEdits.apply(edit, workspace.get(), tabs, done::add);
        } catch (WorkspaceEdits.Refused refused) {
            status.accept("Rename Symbol: the server's edit was refused, nothing changed: " + refused.getMessage());
        }
    }

    void close() {
        overlay.hide(inputBox);
        preview.close();
    }

    private Rope textOf(Path file) {
        return WorkspaceEdits.textOf(tabs, file);
    }

    private String relative(Path file) {
        return WorkspaceEdits.relative(workspace.get(), file);
    }
}
