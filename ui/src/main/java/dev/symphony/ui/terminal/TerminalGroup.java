package dev.symphony.ui.terminal;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One tab of the terminal panel: one terminal, or several side by side after a split. */
public final class TerminalGroup {
    private final ObservableList<TerminalInstance> terminals = FXCollections.observableArrayList();

    TerminalGroup(TerminalInstance first) {
        terminals.add(first);
    }

    public ObservableList<TerminalInstance> terminals() {
        return terminals;
    }
}
