package dev.symphony.ui.lsp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.editor.buffer.BufferListener;
import dev.symphony.editor.buffer.EditKind;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.editor.EditorView;
import dev.symphony.ui.tabs.OpenDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The completion list at the caret: asked for after a short pause in typing (or at once on Ctrl+Space), filtered as
 * the user types on within the word, the selected item resolved (documentation, auto-import edits) after a pause,
 * accepted with Enter or Tab as one edit (a snippet with tab stops then in {@link SnippetMode}), closed with Escape or by
 * leaving the word. Each new request supersedes (and cancels) the one before; an answer for an older text is used only
 * when it still fits ({@link CompletionModel#fits}). JavaFX thread.
 */
final class CompletionPopup {
    static final String ID = "completion-popup";
    static final Duration TYPING_PAUSE = Duration.millis(30);
    static final Duration RESOLVE_PAUSE = Duration.millis(80);
    /** How long Enter on an item not resolved yet waits for its resolve (its auto-import edits) before inserting it as it is. */
    static final Duration ACCEPT_WAIT = Duration.millis(750);
    private final ServerRequests requests;
    private final Overlay overlay;
    private final Consumer<String> status;
    private final SnippetMode snippets;
    private final VBox box = new VBox();
    private final ListView<CompletionModel.Item> list = new ListView<>();
    private final Label docs = new Label();
    private final PauseTransition typing = new PauseTransition(TYPING_PAUSE);
    private final PauseTransition resolving = new PauseTransition(RESOLVE_PAUSE);
    private final Map<Integer, CompletionModel.Item> resolved = new HashMap<>();
    private final PauseTransition acceptWait = new PauseTransition(ACCEPT_WAIT);
    /** The item Enter accepted before its resolve answered: inserted when it does (or when {@link #acceptWait} ends). */
    private CompletionModel.Item acceptWhenResolved;
    private EditorView view;
    private OpenDocument document;
    private BufferListener following;
    private long requestId = -1;
    private long listId = -1;
    private long resolveId = -1;
    private int anchor;
    private int requestVersion;
    private List<CompletionModel.Item> all = List.of();
    private boolean incomplete;
    private ServerRequests.Answer answer;
    private int staleDropped;

    CompletionPopup(ServerRequests requests, Overlay overlay, Consumer<String> status, SnippetMode snippets) {
        this.requests = requests;
        this.overlay = overlay;
        this.status = status;
        this.snippets = snippets;
        box.setId(ID);
        box.getStyleClass().add("completion-popup");
        box.setStyle("-fx-background-color: -color-bg-overlay, -color-border-default; -fx-background-insets: 0, 0;"
                + "-fx-border-color: -color-border-default; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);");
        list.setPrefSize(420, 200);
        list.setFixedCellSize(22);
        list.setFocusTraversable(false);
        list.setCellFactory(l -> new ItemCell());
        docs.setWrapText(true);
        docs.setMaxWidth(420);
        docs.setPrefWidth(420);
        docs.setStyle("-fx-padding: 4 6 4 6; -fx-font-size: 11px;");
        docs.managedProperty().bind(docs.textProperty().isNotEmpty());
        docs.visibleProperty().bind(docs.textProperty().isNotEmpty());
        box.getChildren().setAll(list, docs);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, item) -> selected(item));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                accept();
            }
        });
        resolving.setOnFinished(e -> resolveSelected());
        acceptWait.setOnFinished(e -> {
            if (acceptWhenResolved != null) {
                acceptWhenResolved = null;
                acceptNow(); // the server is slow to resolve: the item as the list gave it
            }
        });
    }

    boolean isShowing() {
        return overlay.getChildren().contains(box);
    }

    /** The items shown now (tests). */
    List<CompletionModel.Item> shown() {
        return List.copyOf(list.getItems());
    }

    /** The selected item as its resolve answered, or null before it did (tests). */
    CompletionModel.Item selectedResolved() {
        CompletionModel.Item item = list.getSelectionModel().getSelectedItem();
        return item == null ? null : resolved.get(item.index());
    }

    /** Answers dropped as stale: computed for a text they no longer fit (tests, bench). */
    int staleDropped() {
        return staleDropped;
    }

    /** A character was typed in {@code view}: ask again after the typing pause, unless the shown list already serves the word. */
    void typed(EditorView view, OpenDocument document, char c) {
        boolean word = Positions.wordChar(c);
        if (isShowing() && word && this.view == view && !incomplete) {
            return; // the buffer listener filters
        }
        if (word && requestId >= 0 && this.view == view && Positions.wordStart(view.buffer().text(), caret()) == anchor) {
            return; // the answer on its way is for this word: it fits and is filtered (at most one request out)
        }
        if (!word && c != '.') {
            close();
            return;
        }
        typing.setOnFinished(e -> request(view, document));
        typing.playFromStart();
    }

    /** Ctrl+Space: ask now. */
    void trigger(EditorView view, OpenDocument document) {
        typing.stop();
        request(view, document);
    }

    private void request(EditorView view, OpenDocument document) {
        if (view.buffer().selections().size() != 1 || !requests.serves(document)) {
            return;
        }
        cancelPending();
        follow(view, document);
        Rope text = view.buffer().text();
        int caret = caret();
        anchor = Positions.wordStart(text, caret);
        int[] at = Positions.position(text, caret);
        requestVersion = requests.versionOf(document);
        requestId = requests.send(document, "completion", JsonNodeFactory.instance.objectNode().put("version", requestVersion)
                .put("line", at[0]).put("column", at[1]).put("prefix", text.substring(anchor, caret).toString()), this::answered).orElse(-1L);
    }

    private void answered(ServerRequests.Answer a) {
        requestId = -1;
        if (acceptWhenResolved != null) {
            return; // Enter already chose from the list shown: a later list must not replace it under the user
        }
        if (a.error() != null) {
            status.accept("Completion: " + a.error());
            return;
        }
        if (view == null || a.version() != requestVersion || a.textThen() == null
                || !CompletionModel.fits(anchor, a.since(), view.buffer().text(), caret())) {
            staleDropped++;
            return; // computed for a text that is gone: never shown
        }
        answer = a;
        listId = a.id();
        all = CompletionModel.items(a.result());
        incomplete = a.result().path("incomplete").asBoolean(false);
        resolved.clear();
        refilter();
    }

    private void refilter() {
        Rope text = view.buffer().text();
        int caret = caret();
        List<CompletionModel.Item> shown = CompletionModel.filter(all, text.substring(anchor, caret).toString());
        if (shown.isEmpty()) {
            overlay.hide(box);
            return;
        }
        list.getItems().setAll(shown);
        list.getSelectionModel().select(0);
        list.scrollTo(0);
        list.setPrefHeight(Math.min(10, shown.size()) * list.getFixedCellSize() + 2);
        Point2D p = view.caretPoint();
        if (p != null) {
            overlay.place(box, view, p, view.metrics().lineHeight());
        }
    }

    /** Keys while the list shows: Up/Down/Page keys move, Enter/Tab accept, Escape closes. Returns true when consumed. */
    boolean key(KeyEvent e) {
        if (!isShowing()) {
            return false;
        }
        var sel = list.getSelectionModel();
        int n = list.getItems().size();
        switch (e.getCode()) {
            case DOWN -> sel.select((sel.getSelectedIndex() + 1) % n);
            case UP -> sel.select((sel.getSelectedIndex() - 1 + n) % n);
            case PAGE_DOWN -> sel.select(Math.min(n - 1, sel.getSelectedIndex() + 9));
            case PAGE_UP -> sel.select(Math.max(0, sel.getSelectedIndex() - 9));
            case ENTER, TAB -> accept();
            case ESCAPE -> close();
            default -> {
                return false;
            }
        }
        list.scrollTo(Math.max(0, sel.getSelectedIndex() - 4));
        return true;
    }

    /**
     * Inserts the selected item (with its auto-import edits) as one undoable edit and closes the list. An item whose
     * resolve has not answered yet (its import edits may come with it) is inserted when it answers, or after
     * {@link #ACCEPT_WAIT} as it is, as VS Code does; typing or moving the selection meanwhile drops the wait.
     */
    void accept() {
        CompletionModel.Item item = list.getSelectionModel().getSelectedItem();
        if (item != null && view != null && answer != null && document != null && listId >= 0
                && !resolved.containsKey(item.index())) {
            acceptWhenResolved = item;
            resolving.stop();
            resolveSelected();
            if (acceptWhenResolved != item) {
                return; // already answered and inserted
            }
            if (resolveId >= 0) {
                acceptWait.playFromStart();
                return;
            }
            dropPendingAccept(); // no resolve could be sent: insert as it is
        }
        acceptNow();
    }

    private void acceptNow() {
        CompletionModel.Item item = list.getSelectionModel().getSelectedItem();
        if (item == null || view == null || answer == null) {
            close();
            return;
        }
        item = resolved.getOrDefault(item.index(), item);
        ServerRequests.Answer a = answer;
        Rope then = a.document().textOf(a.version());
        List<ChangeSet> since = a.document().changesSince(a.version());
        List<TextEdit> extra = item.additionalEdits() == null || then == null ? List.of() : Positions.edits(item.additionalEdits(), then, since);
        CompletionModel.Accepted accepted = extra == null ? null : CompletionModel.accept(item, anchor, caret(), then, since, extra);
        EditorView v = view;
        close();
        if (accepted == null) {
            status.accept("Completion: the server's edits for '" + item.label() + "' overlap; nothing was inserted");
            return;
        }
        v.buffer().closeGroup();
        v.buffer().edit(accepted.change(), EditKind.COMMAND);
        if (accepted.snippet() != null) {
            snippets.start(v, accepted.snippet()); // its first stop selected; Tab goes on
        } else {
            v.buffer().setSelections(SelectionSet.cursorAt(accepted.caret()));
        }
        v.buffer().closeGroup();
    }

    void close() {
        typing.stop();
        resolving.stop();
        acceptWait.stop();
        acceptWhenResolved = null;
        cancelPending();
        overlay.hide(box);
        if (following != null && view != null) {
            view.buffer().removeListener(following);
        }
        following = null;
        view = null;
        document = null;
        answer = null;
        docs.setText("");
    }

    private void cancelPending() {
        if (requestId >= 0) {
            requests.cancel(requestId);
            requestId = -1;
        }
        if (resolveId >= 0) {
            requests.cancel(resolveId);
            resolveId = -1;
        }
    }

    /** Follows {@code view}'s buffer while the list is up: typing within the word filters, leaving it closes. */
    private void follow(EditorView view, OpenDocument document) {
        if (this.view == view) {
            return;
        }
        close();
        this.view = view;
        this.document = document;
        following = (before, after, change) -> javafx.application.Platform.runLater(this::textChanged);
        view.buffer().addListener(following);
    }

    private void textChanged() {
        if (view == null) {
            return;
        }
        int caret = caret();
        Rope text = view.buffer().text();
        dropPendingAccept(); // typed on after Enter: the list follows the typing again
        if (caret < anchor || !CompletionModel.fits(anchor, List.of(), text, caret)) {
            close();
        } else if (isShowing() && !incomplete) {
            refilter();
        }
    }

    private void dropPendingAccept() {
        acceptWhenResolved = null;
        acceptWait.stop();
    }

    private void selected(CompletionModel.Item item) {
        if (item != acceptWhenResolved) {
            dropPendingAccept();
        }
        CompletionModel.Item r = item == null ? null : resolved.getOrDefault(item.index(), item);
        docs.setText(r == null ? "" : MarkdownText.plain(r.documentation().isEmpty() ? r.detail() : r.documentation()));
        resolving.playFromStart();
    }

    private void resolveSelected() {
        CompletionModel.Item item = list.getSelectionModel().getSelectedItem();
        if (item == null || document == null || resolved.containsKey(item.index()) || listId < 0) {
            return;
        }
        if (resolveId >= 0) {
            requests.cancel(resolveId);
        }
        long list = listId;
        resolveId = requests.send(document, "resolve", JsonNodeFactory.instance.objectNode().put("list", list).put("item", item.index()),
                a -> {
                    resolveId = -1;
                    if (a.error() == null && list == listId) {
                        CompletionModel.Item r = item.resolvedWith(CompletionModel.Item.of(a.result()));
                        resolved.put(item.index(), r);
                        if (this.list.getSelectionModel().getSelectedItem() == item) {
                            selected(item);
                        }
                    }
                    if (acceptWhenResolved == item) { // Enter was pressed on it: insert now, resolved or not (an error)
                        dropPendingAccept();
                        acceptNow();
                    }
                }).orElse(-1L);
    }

    private int caret() {
        var s = view.buffer().selections();
        return s.get(s.size() - 1).head();
    }

    /** A row: kind badge, label, detail. */
    private static final class ItemCell extends ListCell<CompletionModel.Item> {
        @Override
        protected void updateItem(CompletionModel.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label kind = new Label(kindBadge(item.kind()));
            kind.setMinWidth(28);
            kind.setStyle("-fx-text-fill: -color-accent-fg; -fx-font-size: 10px;");
            Label label = new Label(item.label());
            Label detail = new Label(item.detail());
            detail.setStyle("-fx-text-fill: -color-fg-muted; -fx-font-size: 11px;");
            detail.setMaxWidth(200);
            HBox row = new HBox(6, kind, label, detail);
            HBox.setHgrow(label, Priority.ALWAYS);
            setText(null);
            setGraphic(row);
        }
    }

    static String kindBadge(String kind) {
        return switch (kind) {
            case "Function", "Method", "Constructor" -> "fn";
            case "Variable", "Field", "Property" -> "var";
            case "Class", "Interface", "Struct" -> "cls";
            case "Module" -> "mod";
            case "Keyword" -> "kw";
            case "Constant", "EnumMember", "Value" -> "val";
            case "Snippet" -> "snip";
            case "" -> "";
            default -> kind.length() > 4 ? kind.substring(0, 4).toLowerCase(java.util.Locale.ROOT) : kind.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
