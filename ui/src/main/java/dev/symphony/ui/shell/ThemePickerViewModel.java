package dev.symphony.ui.shell;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The colour-theme picker (VS Code's Preferences: Color Theme): the shipped themes filtered by a
 * query; moving the selection previews a theme on the whole window at once, Enter keeps it (written
 * to the user's settings), Escape or losing focus puts the theme that was on before back.
 */
public final class ThemePickerViewModel {
    public static final String COMMAND_ID = "workbench.action.selectTheme";
    private final MainWindowViewModel window;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(0);
    private final ObservableList<Themes.Choice> results = FXCollections.observableArrayList();
    private String before; // the theme when the picker opened; null while hidden

    public ThemePickerViewModel(MainWindowViewModel window) {
        this.window = window;
        query.addListener((obs, old, now) -> refresh());
        selectedIndex.addListener((obs, old, index) -> preview());
    }

    /** Registers Preferences: Color Theme. */
    public void register() {
        window.command(COMMAND_ID, "Color Theme", "Preferences", null, this::show);
    }

    public void show() {
        before = window.themeProperty().get();
        query.set("");
        refresh();
        String current = Themes.choice(before).id();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).id().equals(current)) {
                selectedIndex.set(i);
            }
        }
        visible.set(true);
    }

    /** Hides the picker and puts back the theme that was on when it opened (Escape, focus lost). */
    public void cancel() {
        if (before != null) {
            String previous = before;
            before = null;
            window.themeProperty().set(previous);
        }
        visible.set(false);
    }

    /** Keeps the selected theme: the window shows it and the user's settings remember it. */
    public void pick() {
        if (results.isEmpty()) {
            cancel();
            return;
        }
        Themes.Choice chosen = results.get(Math.min(selectedIndex.get(), results.size() - 1));
        before = null;
        visible.set(false);
        window.themeProperty().set(chosen.id());
        window.setTheme(chosen.id());
    }

    public void moveSelection(int delta) {
        if (!results.isEmpty()) {
            selectedIndex.set(Math.floorMod(selectedIndex.get() + delta, results.size()));
        }
    }

    private void preview() {
        if (before != null && !results.isEmpty()) {
            window.themeProperty().set(results.get(Math.min(selectedIndex.get(), results.size() - 1)).id());
        }
    }

    private void refresh() {
        String words = query.get().strip().toLowerCase(Locale.ROOT);
        results.setAll(Themes.ALL.stream()
                .filter(c -> c.label().toLowerCase(Locale.ROOT).contains(words) || c.id().contains(words)).toList());
        selectedIndex.set(0);
        preview();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public ObservableList<Themes.Choice> results() {
        return results;
    }
}
