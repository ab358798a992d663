package dev.symphony.ui.palette;

import dev.symphony.kernel.commands.Command;
import dev.symphony.kernel.commands.FuzzyMatch;
import dev.symphony.ui.shell.PickerKeys;
import dev.symphony.ui.shell.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The palette overlay: a query field over the list of matching commands, keyboard driven. */
public final class CommandPaletteView extends VBox {
    public static final String ID = "command-palette";
    public static final String QUERY_ID = "command-palette-query";
    private final CommandPaletteViewModel model;
    private final TextField query = new TextField();
    private final ListView<FuzzyMatch<Command>> list = new ListView<>();

    public CommandPaletteView(CommandPaletteViewModel model) {
        this.model = model;
        setId(ID);
        getStyleClass().add(Styles.PALETTE);
        setAlignment(Pos.TOP_CENTER);
        query.setId(QUERY_ID);
        query.setPromptText("Type a command");
        query.textProperty().bindBidirectional(model.queryProperty());
        list.setItems(model.results());
        list.setCellFactory(v -> new CommandCell());
        list.setFocusTraversable(false);
        list.setPrefHeight(300);
        PickerKeys.install(query, list, model.selectedIndexProperty(), model.visibleProperty(), model::moveSelection,
                model::runSelected, model::hide);
        visibleProperty().bind(model.visibleProperty());
        managedProperty().bind(model.visibleProperty());
        getChildren().addAll(query, list);
        setMaxSize(600, Region.USE_PREF_SIZE);
    }

    private static Text plain(String text) {
        Text node = new Text(text);
        node.setStyle("-fx-fill: -color-fg-default;");
        return node;
    }

    private final class CommandCell extends ListCell<FuzzyMatch<Command>> {
        @Override
        protected void updateItem(FuzzyMatch<Command> match, boolean empty) {
            super.updateItem(match, empty);
            if (empty || match == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            TextFlow label = new TextFlow();
            String text = match.text();
            int next = 0;
            for (int position : match.positions()) {
                if (position > next) {
                    label.getChildren().add(plain(text.substring(next, position)));
                }
                Text hit = new Text(text.substring(position, position + 1));
                hit.setStyle("-fx-font-weight: bold; -fx-fill: -color-accent-fg;");
                label.getChildren().add(hit);
                next = position + 1;
            }
            label.getChildren().add(plain(text.substring(next)));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label keys = new Label(model.keysFor(match.item()));
            keys.getStyleClass().add(Styles.PALETTE_KEYS);
            HBox row = new HBox(label, spacer, keys);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            setText(null);
        }
    }
}
