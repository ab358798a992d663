package dev.symphony.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import java.util.function.IntConsumer;

/**
 * The keyboard and focus behaviour shared by the overlays that pick from a list under a query field
 * (the command palette, Quick Open): Up/Down move the selection, Enter picks, Escape or losing
 * focus hides, the list follows the model's selected index, and showing focuses the query.
 */
public final class PickerKeys {

    private PickerKeys() {
    }

    public static <T> void install(TextField query, ListView<T> list, IntegerProperty selectedIndex, BooleanProperty visible,
            IntConsumer moveSelection, Runnable pick, Runnable hide) {
        selectedIndex.addListener((obs, old, index) -> {
            list.getSelectionModel().select(index.intValue());
            list.scrollTo(index.intValue());
        });
        list.getItems().addListener((ListChangeListener<T>) c -> list.getSelectionModel().select(selectedIndex.get()));
        list.setOnMouseClicked(e -> {
            selectedIndex.set(list.getSelectionModel().getSelectedIndex());
            pick.run();
        });
        query.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case DOWN -> moveSelection.accept(1);
                case UP -> moveSelection.accept(-1);
                case ENTER -> pick.run();
                case ESCAPE -> hide.run();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        query.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused && !list.isFocused()) {
                hide.run();
            }
        });
        visible.addListener((obs, was, shown) -> {
            if (shown) {
                query.requestFocus();
            }
        });
    }
}
