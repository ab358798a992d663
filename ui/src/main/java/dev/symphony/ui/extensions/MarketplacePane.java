package dev.symphony.ui.extensions;

import dev.symphony.kernel.marketplace.Marketplace;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The marketplace part of the Extensions view: a search field, the indexes' results, Install for the selected one. */
final class MarketplacePane extends VBox {
    static final String SEARCH_ID = "marketplace-search";
    static final String RESULTS_ID = "marketplace-results";
    static final String INSTALL_ID = "marketplace-install";
    static final String STATUS_ID = "marketplace-status";

    MarketplacePane(MarketplaceModel model) {
        super(4);
        TextField search = new TextField();
        search.setId(SEARCH_ID);
        search.setPromptText("Search extension indexes");
        search.setOnAction(e -> model.search(search.getText()));
        ListView<Marketplace.Found> results = new ListView<>(model.results());
        results.setId(RESULTS_ID);
        results.setPrefHeight(110);
        results.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Marketplace.Found found, boolean empty) {
                super.updateItem(found, empty);
                setText(empty || found == null ? null : MarketplaceModel.summary(found));
            }
        });
        Button install = new Button("Install");
        install.setId(INSTALL_ID);
        install.disableProperty().bind(results.getSelectionModel().selectedItemProperty().isNull());
        install.setOnAction(e -> model.install(results.getSelectionModel().getSelectedItem()));
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.status());
        HBox row = new HBox(4, search, install);
        HBox.setHgrow(search, Priority.ALWAYS);
        getChildren().addAll(row, results, status);
    }
}
