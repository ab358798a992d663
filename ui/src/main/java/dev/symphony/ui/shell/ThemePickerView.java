package dev.symphony.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The colour-theme picker's overlay: a query field over the themes, driven by the keyboard like the palette. */
public final class ThemePickerView extends VBox {
    public static final String ID = "theme-picker";
    public static final String QUERY_ID = "theme-picker-query";

    public ThemePickerView(ThemePickerViewModel model) {
        setId(ID);
        getStyleClass().add(Styles.PALETTE);
        setAlignment(Pos.TOP_CENTER);
        TextField query = new TextField();
        query.setId(QUERY_ID);
        query.setPromptText("Select Color Theme (Up/Down to preview)");
        query.textProperty().bindBidirectional(model.queryProperty());
        ListView<Themes.Choice> list = new ListView<>(model.results());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Themes.Choice choice, boolean empty) {
                super.updateItem(choice, empty);
                setText(empty || choice == null ? null : choice.label() + (choice.dark() ? "  · dark" : "  · light"));
            }
        });
        list.setFocusTraversable(false);
        list.setPrefHeight(120);
        PickerKeys.install(query, list, model.selectedIndexProperty(), model.visibleProperty(), model::moveSelection,
                model::pick, model::cancel);
        visibleProperty().bind(model.visibleProperty());
        managedProperty().bind(model.visibleProperty());
        getChildren().addAll(query, list);
        setMaxSize(600, Region.USE_PREF_SIZE);
    }
}
