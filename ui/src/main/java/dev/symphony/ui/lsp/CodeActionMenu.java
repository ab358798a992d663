package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.text.Rope;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.editor.Squiggles;
import dev.symphony.ui.tabs.EditorTabsViewModel;
import dev.symphony.ui.tabs.OpenDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;

/**
 * Code actions and quick fixes (Ctrl+., or a click on the light bulb that shows at the start of the caret's line when
 * the caret is on a diagnostic): the server's actions for the selection (or the caret) with the diagnostics they fix,
 * the preferred ones first, in a list at the caret; Enter or a click applies the chosen one's workspace edit through
 * {@link WorkspaceEdits} (checked, one undoable step per file) and runs its server command, if it has one
 * ({@code executeCommand}: the server's own edits then come through {@link ServerEdits}). An answer for a text changed meanwhile is dropped; a
 * newer request supersedes (and cancels) the one out. JavaFX thread.
 */
final class CodeActionMenu {
    static final String ID = "code-actions";
    static final String BULB_ID = "code-actions-bulb";

    /**
     * One action as the list shows it: its edit (null when it has none) and its server command ({@code command}: the
     * index the extension gave it among the actions answered to request {@code list}; -1 when it has none).
     */
    record Action(String title, String kind, boolean preferred, JsonNode edit, int command, long list) {
        @Override
        public String toString() {
            return (preferred ? "★ " : "") + title;
        }
    }

    private final ServerRequests requests;
    private final Overlay overlay;
    private final EditorTabsViewModel tabs;
    private final Supplier<Path> workspace;
    private final Consumer<String> status;
    private final VBox box = new VBox();
    private final ListView<Action> list = new ListView<>();
    private final Label bulb = new Label();
    private EditorView bulbView;
    private OpenDocument bulbDocument;
    private long requestId = -1;
    private OpenDocument listedFor;
    private String lastApplied;

    CodeActionMenu(ServerRequests requests, Overlay overlay, EditorTabsViewModel tabs, Supplier<Path> workspace, Consumer<String> status) {
        this.requests = requests;
        this.overlay = overlay;
        this.tabs = tabs;
        this.workspace = workspace;
        this.status = status;
        box.setId(ID);
        box.setStyle(Overlay.BOX_STYLE);
        list.setPrefWidth(460);
        list.setFixedCellSize(22);
        list.setFocusTraversable(false);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Action a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a + (a.kind().isEmpty() ? "" : "   (" + a.kind() + ")"));
            }
        });
        list.setOnMouseClicked(e -> apply());
        box.getChildren().setAll(new Label(" Quick Fix (Enter: apply, Escape: close)"), list);
        bulb.setId(BULB_ID);
        SVGPath icon = new SVGPath(); // a light bulb (Material Design's, 24 px), drawn: the UI font has no emoji
        icon.setContent("M9 21c0 .55.45 1 1 1h4c.55 0 1-.45 1-1v-1H9v1zm3-19C8.14 2 5 5.14 5 9c0 2.38 1.19 4.47 3 5.74V17"
                + "c0 .55.45 1 1 1h6c.55 0 1-.45 1-1v-2.26c1.81-1.27 3-3.36 3-5.74 0-3.86-3.14-7-7-7z");
        icon.setFill(Color.web("#e0a800"));
        icon.setScaleX(0.6);
        icon.setScaleY(0.6);
        bulb.setGraphic(new Group(icon));
        bulb.setStyle("-fx-padding: 0 1 0 1; -fx-cursor: hand; -fx-background-color: -color-bg-overlay; -fx-background-radius: 3;");
        Tooltip.install(bulb, new Tooltip("Quick fixes (Ctrl+.)"));
        bulb.setOnMouseClicked(e -> {
            if (bulbView != null && bulbDocument != null) {
                show(bulbView, bulbDocument);
            }
            e.consume();
        });
    }

    boolean isShowing() {
        return overlay.getChildren().contains(box);
    }

    boolean isBulbShowing() {
        return overlay.getChildren().contains(bulb);
    }

    /** The actions listed now (tests). */
    List<Action> shown() {
        return List.copyOf(list.getItems());
    }

    /** The title of the last action applied (tests). */
    String lastApplied() {
        return lastApplied;
    }

    /** Asks the server for the actions at {@code view}'s selection and lists them when they come. */
    void show(EditorView view, OpenDocument document) {
        close();
        if (!requests.serves(document)) {
            status.accept("Quick Fix: no language server serves " + document.title());
            return;
        }
        Selection s = view.buffer().selections().get(view.buffer().selections().size() - 1);
        Rope text = view.buffer().text();
        int[] from = Positions.position(text, Math.min(s.anchor(), s.head()));
        int[] to = Positions.position(text, Math.max(s.anchor(), s.head()));
        int version = requests.versionOf(document);
        requestId = requests.send(document, "codeAction", JsonNodeFactory.instance.objectNode().put("version", version)
                .put("line", from[0]).put("column", from[1]).put("endLine", to[0]).put("endColumn", to[1]), a -> {
                    requestId = -1;
                    if (a.error() != null) {
                        status.accept("Quick Fix: " + a.error());
                    } else if (a.version() != version || !a.since().isEmpty()) {
                        status.accept("Quick Fix: the file changed while the server worked; ask again (Ctrl+.)");
                    } else {
                        listedFor = document;
                        listed(view, actions(a.result(), a.id()), a.result().path("skipped").asInt(0));
                    }
                }).orElse(-1L);
    }

    /** The actions of answer {@code list} that carry an edit, a server command, or both. */
    static List<Action> actions(JsonNode result, long list) {
        List<Action> out = new ArrayList<>();
        for (JsonNode a : result.path("actions")) {
            int command = a.path("command").canConvertToInt() ? a.get("command").asInt() : -1;
            if (a.path("title").isTextual() && (a.path("edit").isObject() || command >= 0)) {
                out.add(new Action(a.get("title").asText(), a.path("kind").asText(""), a.path("preferred").asBoolean(false),
                        a.path("edit").isObject() ? a.get("edit") : null, command, list));
            }
        }
        out.sort(Comparator.comparing((Action a) -> !a.preferred())); // stable: the server's order within each
        return out;
    }

    private void listed(EditorView view, List<Action> actions, int skipped) {
        if (actions.isEmpty()) {
            status.accept("Quick Fix: no code actions here" + (skipped > 0 ? " (" + skipped + " disabled or empty ones left out)" : ""));
            return;
        }
        list.getItems().setAll(actions);
        list.getSelectionModel().select(0);
        list.setPrefHeight(Math.min(10, actions.size()) * list.getFixedCellSize() + 2);
        Point2D p = view.caretPoint();
        overlay.place(box, view, p == null ? new Point2D(0, 0) : p, view.metrics().lineHeight());
    }

    /** Keys while the list shows: Up/Down move, Enter applies, Escape closes. Returns true when consumed. */
    boolean key(KeyEvent e) {
        if (!isShowing()) {
            return false;
        }
        var sel = list.getSelectionModel();
        int n = list.getItems().size();
        switch (e.getCode()) {
            case DOWN -> sel.select((sel.getSelectedIndex() + 1) % n);
            case UP -> sel.select((sel.getSelectedIndex() - 1 + n) % n);
            case ENTER -> apply();
            case ESCAPE -> close();
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies the selected action's edit (checked first; nothing changes when it is refused), then asks the server to
     * run its command (LSP's order); what the command changes comes back as the server's own edit ({@link ServerEdits}).
     */
    void apply() {
        Action a = list.getSelectionModel().getSelectedItem();
        OpenDocument document = listedFor;
        close();
        if (a == null) {
            return;
        }
        try {
            if (a.edit() != null) {
                WorkspaceEdits.apply(a.edit(), workspace.get(), tabs, file -> { });
            }
            lastApplied = a.title();
            status.accept("Quick Fix: " + a.title());
        } catch (WorkspaceEdits.Refused refused) {
            status.accept("Quick Fix: the server's edit for '" + a.title() + "' was refused, nothing changed: " + refused.getMessage());
            return;
        }
        if (a.command() >= 0 && document != null) {
            requests.send(document, "executeCommand", JsonNodeFactory.instance.objectNode().put("list", a.list()).put("item", a.command()),
                    r -> status.accept("Quick Fix: " + a.title() + (r.error() != null ? ": the server's command failed: " + r.error() : "")));
        }
    }

    void close() {
        if (requestId >= 0) {
            requests.cancel(requestId);
            requestId = -1;
        }
        overlay.hide(box);
    }

    /** Shows the light bulb at the start of the caret's line when the caret is on a diagnostic of a served document. */
    void caretMoved(EditorView view, OpenDocument document) {
        int caret = view.buffer().selections().get(view.buffer().selections().size() - 1).head();
        boolean onDiagnostic = false;
        for (Squiggles.Squiggle s : view.squiggles().items()) {
            onDiagnostic |= s.start() <= caret && caret <= s.end();
        }
        Point2D p = view.caretPoint();
        if (!onDiagnostic || p == null || document == null || !requests.serves(document)) {
            hideBulb();
            return;
        }
        bulbView = view;
        bulbDocument = document;
        overlay.place(bulb, view, new Point2D(2, p.getY()), 0);
    }

    void hideBulb() {
        overlay.hide(bulb);
        bulbView = null;
        bulbDocument = null;
    }
}
