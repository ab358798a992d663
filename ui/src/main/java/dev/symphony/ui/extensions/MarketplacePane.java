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

/**
 * The marketplace part of the Extensions view: a search field, the indexes' results, Install for the selected one;
 * Check for Updates lists newer releases of installed extensions, Update opens the review of the selected one.
 */
final class MarketplacePane extends VBox {
    static final String SEARCH_ID = "marketplace-search";
    static final String RESULTS_ID = "marketplace-results";
    static final String INSTALL_ID = "marketplace-install";
    static final String STATUS_ID = "marketplace-status";
    static final String UPDATES_ID = "marketplace-updates";
    static final String CHECK_UPDATES_ID = "marketplace-check-updates";
    static final String UPDATE_ID = "marketplace-update";

    MarketplacePane(MarketplaceModel model) {
        super(4);
        TextField search = new TextField();
        search.setId(SEARCH_ID);
        search.setPromptText("Search extension indexes");
        search.setOnAction(e -> model.search(search.getText()));
        ListView<Marketplace.Found> results = new ListView<>(model.results());
        results.setId(RESULTS_ID);
        results.setPrefHeight(110);
        textCells(results, MarketplaceModel::summary);
        Button install = new Button("Install");
        install.setId(INSTALL_ID);
        install.disableProperty().bind(results.getSelectionModel().selectedItemProperty().isNull());
        install.setOnAction(e -> model.install(results.getSelectionModel().getSelectedItem()));
        ListView<MarketplaceModel.Update> updates = new ListView<>(model.updates());
        updates.setId(UPDATES_ID);
        updates.setPrefHeight(60);
        updates.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.updates()));
        updates.managedProperty().bind(updates.visibleProperty());
        textCells(updates, MarketplaceModel::summary);
        Button check = new Button("Check for Updates");
        check.setId(CHECK_UPDATES_ID);
        check.setOnAction(e -> model.checkUpdates());
        Button update = new Button("Update");
        update.setId(UPDATE_ID);
        update.disableProperty().bind(updates.getSelectionModel().selectedItemProperty().isNull());
        update.visibleProperty().bind(updates.visibleProperty());
        update.managedProperty().bind(updates.visibleProperty());
        update.setOnAction(e -> model.update(updates.getSelectionModel().getSelectedItem()));
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(model.status());
        HBox row = new HBox(4, search, install, check);
        HBox.setHgrow(search, Priority.ALWAYS);
        getChildren().addAll(row, results, updates, update, status);
    }

    /** Cells showing {@code text} of their item. */
    private static <T> void textCells(ListView<T> list, java.util.function.Function<T, String> text) {
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
    }
}
