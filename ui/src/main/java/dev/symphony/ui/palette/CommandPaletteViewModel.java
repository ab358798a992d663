package dev.symphony.ui.palette;

import dev.symphony.kernel.commands.Command;
import dev.symphony.kernel.commands.CommandRegistry;
import dev.symphony.kernel.commands.FuzzyMatch;
import dev.symphony.kernel.keys.KeybindingService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The command palette: a query, the commands that fuzzy-match it (best first), and running one. */
public final class CommandPaletteViewModel {
    private final CommandRegistry commands;
    private final KeybindingService keybindings;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty visible = new SimpleBooleanProperty(false);
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(0);
    private final ObservableList<FuzzyMatch<Command>> results = FXCollections.observableArrayList();

    public CommandPaletteViewModel(CommandRegistry commands, KeybindingService keybindings) {
        this.commands = commands;
        this.keybindings = keybindings;
        query.addListener((obs, old, now) -> refresh());
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

    public ObservableList<FuzzyMatch<Command>> results() {
        return results;
    }

    /** The key binding to show beside a command, or "". */
    public String keysFor(Command command) {
        return keybindings.chordFor(command.id()).map(dev.symphony.ui.keys.KeymapInstaller::displayText).orElse("");
    }

    public void show() {
        query.set("");
        refresh();
        visible.set(true);
    }

    public void hide() {
        visible.set(false);
    }

    public void moveSelection(int delta) {
        if (!results.isEmpty()) {
            selectedIndex.set(Math.floorMod(selectedIndex.get() + delta, results.size()));
        }
    }

    /** Closes the palette and runs the selected command (nothing when nothing matches). */
    public void runSelected() {
        if (results.isEmpty()) {
            return;
        }
        Command command = results.get(Math.min(selectedIndex.get(), results.size() - 1)).item();
        hide();
        command.action().run();
    }

    private void refresh() {
        results.setAll(commands.search(query.get()));
        selectedIndex.set(0);
    }
}
