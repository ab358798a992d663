package dev.symphony.ui.search;

import dev.symphony.editor.search.files.FileMatches;
import dev.symphony.editor.search.files.LineMatch;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The Search side view: query, options, replace, include/exclude globs, the streamed result tree and notes. */
public final class SearchView extends VBox {
    public static final String QUERY_ID = "search-query";
    public static final String REPLACE_ID = "search-replace";
    public static final String REPLACE_ALL_ID = "search-replace-all";
    public static final String UNDO_REPLACE_ID = "search-undo-replace";
    public static final String CANCEL_ID = "search-cancel";
    public static final String RESULTS_ID = "search-results";
    public static final String STATUS_ID = "search-status";
    public static final String NOTES_ID = "search-notes";
    /** Longest part of a line shown in a result row (around the first match). */
    static final int SHOWN_CHARS = 160;

    /** Opens a file at a 1-based line and column. */
    @FunctionalInterface
    public interface Opener {
        void open(Path file, int line, int column);
    }

    /** One matching line under its file in the tree. */
    record LineItem(FileMatches file, LineMatch line) {
    }

    private final SearchViewModel model;
    private final TextField query = new TextField();

    public SearchView(SearchViewModel model, Opener opener) {
        this.model = model;
        setSpacing(4);
        setPadding(new Insets(6, 8, 6, 8));
        Label heading = new Label("SEARCH");
        heading.getStyleClass().add("text-caption");
        query.setId(QUERY_ID);
        query.setPromptText("Search (Enter)");
        query.textProperty().bindBidirectional(model.queryProperty());
        query.setOnAction(e -> model.search());
        ToggleButton matchCase = toggle("Aa", "Match Case", model.matchCaseProperty(), "search-case");
        ToggleButton word = toggle("ab", "Match Whole Word", model.wholeWordProperty(), "search-word");
        ToggleButton regex = toggle(".*", "Use Regular Expression", model.regexProperty(), "search-regex");
        HBox queryRow = new HBox(2, query, matchCase, word, regex);
        HBox.setHgrow(query, Priority.ALWAYS);

        TextField replace = field(REPLACE_ID, "Replace", model.replacementProperty());
        Button replaceAll = new Button("Replace All");
        replaceAll.setId(REPLACE_ALL_ID);
        replaceAll.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        replaceAll.setOnAction(e -> model.replaceAll());
        replaceAll.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.results()).or(model.runningProperty()));
        Button undo = new Button("Undo Replace");
        undo.setId(UNDO_REPLACE_ID);
        undo.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        undo.setOnAction(e -> model.undoReplace());
        undo.disableProperty().bind(model.canUndoReplaceProperty().not().or(model.runningProperty()));
        HBox replaceRow = new HBox(2, replace, replaceAll);
        HBox.setHgrow(replace, Priority.ALWAYS);

        TextField include = field("search-include", "files to include (globs, comma-separated)", model.includeProperty());
        TextField exclude = field("search-exclude", "files to exclude (globs, comma-separated)", model.excludeProperty());
        include.setOnAction(e -> model.search());
        exclude.setOnAction(e -> model.search());

        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        Button cancel = new Button("Cancel");
        cancel.setId(CANCEL_ID);
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(model.runningProperty());
        HBox statusRow = new HBox(6, status, cancel, undo);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);

        TreeView<Object> tree = resultTree(opener);
        ListView<String> notes = new ListView<>(model.notes());
        notes.setId(NOTES_ID);
        notes.setPrefHeight(70);
        notes.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.notes()));
        notes.managedProperty().bind(notes.visibleProperty());
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(heading, queryRow, replaceRow, include, exclude, statusRow, tree, notes);
        model.replacementProperty().addListener((o, a, b) -> tree.refresh()); // the preview follows the text
    }

    /** Puts the caret in the query field, selecting what is there (Ctrl+Shift+F). */
    public void focusQuery() {
        query.requestFocus();
        query.selectAll();
    }

    private TreeView<Object> resultTree(Opener opener) {
        TreeItem<Object> root = new TreeItem<>("results");
        TreeView<Object> tree = new TreeView<>(root);
        tree.setId(RESULTS_ID);
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new ResultCell());
        model.results().addListener((ListChangeListener<FileMatches>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && model.results().isEmpty()) {
                    root.getChildren().clear();
                }
                if (c.wasAdded()) {
                    for (FileMatches f : c.getAddedSubList()) {
                        TreeItem<Object> fileItem = new TreeItem<>(f);
                        for (LineMatch line : f.lines()) {
                            fileItem.getChildren().add(new TreeItem<>(new LineItem(f, line)));
                        }
                        fileItem.setExpanded(true);
                        root.getChildren().add(fileItem);
                    }
                }
            }
        });
        Runnable openSelected = () -> {
            TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
            if (item != null && item.getValue() instanceof LineItem li) {
                opener.open(li.file().path(), (int) li.line().line(), li.line().column(0));
            }
        };
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() >= 1) {
                openSelected.run();
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected.run();
                e.consume();
            }
        });
        return tree;
    }

    private static ToggleButton toggle(String text, String tip, javafx.beans.property.BooleanProperty property, String id) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.selectedProperty().bindBidirectional(property);
        button.setFocusTraversable(false);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return button;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private final class ResultCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(null);
            if (empty || item == null) {
                return;
            }
            setTooltip(null);
            if (item instanceof FileMatches f) { // the name first: a narrow side bar still shows it
                int slash = f.relative().lastIndexOf('/');
                Text name = new Text(f.relative().substring(slash + 1));
                name.setStyle("-fx-font-weight: bold; -fx-fill: -color-fg-default;");
                Text count = new Text("  " + f.matchCount() + "  ");
                count.setStyle("-fx-fill: -color-accent-fg;");
                Text folder = new Text(slash < 0 ? "" : f.relative().substring(0, slash));
                folder.setStyle("-fx-fill: -color-fg-muted;");
                setGraphic(new TextFlow(name, count, folder));
                setTooltip(new javafx.scene.control.Tooltip(f.relative()));
            } else if (item instanceof LineItem li) {
                setGraphic(lineFlow(li.line()));
                String preview = model.replacementProperty().get().isEmpty() ? null : model.preview(li.line().text());
                setTooltip(new javafx.scene.control.Tooltip(preview == null ? li.line().text().strip()
                        : li.line().text().strip() + "\n→ " + preview.strip()));
            }
        }

        private TextFlow lineFlow(LineMatch line) {
            String text = line.text();
            int indent = 0;
            while (indent < line.starts()[0] && Character.isWhitespace(text.charAt(indent))) {
                indent++;
            }
            int from = Math.max(indent, Math.min(line.starts()[0] - 40, text.length()));
            int to = Math.min(text.length(), from + SHOWN_CHARS);
            TextFlow flow = new TextFlow();
            Text number = new Text(line.line() + ": ");
            number.setStyle("-fx-fill: -color-fg-muted;");
            flow.getChildren().add(number);
            int pos = from;
            boolean replacing = !model.replacementProperty().get().isEmpty();
            for (int i = 0; i < line.count(); i++) {
                int s = Math.max(line.starts()[i], pos);
                int e = Math.min(line.ends()[i], to);
                if (s >= to) {
                    break;
                }
                flow.getChildren().add(plain(text.substring(pos, s)));
                Text hit = new Text(text.substring(s, Math.max(s, e)));
                hit.getStyleClass().add("search-match");
                hit.setStyle(replacing ? "-fx-strikethrough: true; -fx-fill: -color-danger-fg;"
                        : "-fx-font-weight: bold; -fx-fill: -color-accent-fg;");
                flow.getChildren().add(hit);
                pos = Math.max(s, e);
            }
            flow.getChildren().add(plain(text.substring(Math.min(pos, to), to)));
            if (replacing) {
                String preview = model.preview(text);
                if (preview != null) {
                    Text arrow = new Text("  →  ");
                    arrow.setStyle("-fx-fill: -color-fg-muted;");
                    Text after = new Text(preview.strip().length() > SHOWN_CHARS ? preview.strip().substring(0, SHOWN_CHARS) : preview.strip());
                    after.setStyle("-fx-fill: -color-success-fg;");
                    after.getStyleClass().add("search-preview");
                    flow.getChildren().addAll(arrow, after);
                }
            }
            return flow;
        }

        private Text plain(String s) {
            Text t = new Text(s);
            t.setStyle("-fx-fill: -color-fg-default;");
            return t;
        }
    }
}
