package dev.symphony.ui.editor.find;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The find/replace bar above an editor: Enter = next, Shift+Enter = previous, Escape closes. */
public final class FindBar extends VBox {
    public static final String QUERY_ID = "find-query";
    public static final String REPLACE_ID = "find-replacement";
    public static final String STATUS_ID = "find-status";
    private final FindModel model;
    private final TextField query = new TextField();
    private final TextField replacement = new TextField();
    private final HBox replaceRow;

    public FindBar(FindModel model, Runnable close) {
        this.model = model;
        getStyleClass().add("find-bar");
        setPadding(new Insets(4, 8, 4, 8));
        setSpacing(4);
        query.setId(QUERY_ID);
        query.setPromptText("Find");
        query.setPrefColumnCount(28);
        query.textProperty().bindBidirectional(model.queryProperty());
        replacement.setId(REPLACE_ID);
        replacement.setPromptText("Replace");
        replacement.setPrefColumnCount(28);
        replacement.textProperty().bindBidirectional(model.replacementProperty());
        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusProperty());
        model.errorProperty().addListener((o, a, bad) -> {
            status.setStyle(bad ? "-fx-text-fill: -color-danger-fg;" : "");
            query.setStyle(bad ? "-fx-border-color: -color-danger-emphasis;" : "");
        });
        ToggleButton cases = toggle("Aa", "Match Case", "find-case");
        cases.selectedProperty().bindBidirectional(model.caseSensitiveProperty());
        ToggleButton words = toggle("W", "Match Whole Word", "find-word");
        words.selectedProperty().bindBidirectional(model.wholeWordProperty());
        ToggleButton regex = toggle(".*", "Use Regular Expression", "find-regex");
        regex.selectedProperty().bindBidirectional(model.regexProperty());
        ToggleButton scope = toggle("≡", "Find in Selection", "find-in-selection");
        scope.selectedProperty().bindBidirectional(model.inSelectionProperty());
        Button previous = button("↑", "Previous Match (Shift+Enter)", model::previous);
        Button next = button("↓", "Next Match (Enter)", model::next);
        Button closeButton = button("✕", "Close (Escape)", close);
        HBox findRow = new HBox(4, query, cases, words, regex, scope, status, previous, next, closeButton);
        findRow.setAlignment(Pos.CENTER_LEFT);
        Button replaceOne = button("Replace", "Replace (Enter)", model::replace);
        replaceOne.setId("find-replace-one");
        Button replaceAll = button("Replace All", "Replace All (Ctrl+Alt+Enter)", model::replaceAll);
        replaceAll.setId("find-replace-all");
        replaceRow = new HBox(4, replacement, replaceOne, replaceAll);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(findRow);
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    model.previous();
                } else {
                    model.next();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        replacement.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShortcutDown() && e.isAltDown()) {
                    model.replaceAll();
                } else {
                    model.replace();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
    }

    private static ToggleButton toggle(String text, String tooltip, String id) {
        ToggleButton t = new ToggleButton(text);
        t.setId(id);
        t.setFocusTraversable(false);
        t.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        return t;
    }

    private static Button button(String text, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.setFocusTraversable(false);
        b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    public FindModel model() {
        return model;
    }

    /** Shows the bar (with the replace row when {@code replace}), seeded from the selection, focus in the query. */
    public void show(boolean replace) {
        model.seedFromSelection();
        if (replace && !getChildren().contains(replaceRow)) {
            getChildren().add(replaceRow);
        } else if (!replace) {
            getChildren().remove(replaceRow);
        }
        model.refresh();
        query.requestFocus();
        query.selectAll();
    }
}
