package dev.symphony.ui.quickopen;

import dev.symphony.kernel.commands.FuzzyMatch;
import dev.symphony.ui.shell.PickerKeys;
import dev.symphony.ui.shell.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The Quick Open overlay: a query field over the matching files, keyboard driven (like the palette). */
public final class QuickOpenView extends VBox {
    public static final String ID = "quick-open";
    public static final String QUERY_ID = "quick-open-query";
    public static final String LIST_ID = "quick-open-list";

    public QuickOpenView(QuickOpenViewModel model) {
        setId(ID);
        getStyleClass().add(Styles.PALETTE);
        setAlignment(Pos.TOP_CENTER);
        TextField query = new TextField();
        query.setId(QUERY_ID);
        query.setPromptText("Search files by name (append :LINE to go to a line)");
        query.textProperty().bindBidirectional(model.queryProperty());
        ListView<FuzzyMatch<String>> list = new ListView<>(model.results());
        list.setId(LIST_ID);
        list.setCellFactory(v -> new FileCell());
        list.setFocusTraversable(false);
        list.setPrefHeight(320);
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("text-caption");
        PickerKeys.install(query, list, model.selectedIndexProperty(), model.visibleProperty(), model::moveSelection,
                model::openSelected, model::hide);
        visibleProperty().bind(model.visibleProperty());
        managedProperty().bind(model.visibleProperty());
        getChildren().addAll(query, list, status);
        setMaxSize(600, Region.USE_PREF_SIZE);
    }

    private static final class FileCell extends ListCell<FuzzyMatch<String>> {
        @Override
        protected void updateItem(FuzzyMatch<String> match, boolean empty) {
            super.updateItem(match, empty);
            if (empty || match == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            String text = match.text();
            int slash = text.lastIndexOf('/');
            TextFlow label = new TextFlow();
            int next = 0;
            for (int position : match.positions()) {
                if (position > next) {
                    label.getChildren().add(part(text.substring(next, position), false, next <= slash));
                }
                label.getChildren().add(part(text.substring(position, position + 1), true, position <= slash));
                next = position + 1;
            }
            label.getChildren().add(part(text.substring(next), false, next <= slash));
            setGraphic(label);
            setText(null);
        }

        private static Text part(String s, boolean hit, boolean folder) {
            Text t = new Text(s);
            t.setStyle(hit ? "-fx-font-weight: bold; -fx-fill: -color-accent-fg;"
                    : folder ? "-fx-fill: -color-fg-muted;" : "-fx-fill: -color-fg-default;");
            return t;
        }
    }
}
