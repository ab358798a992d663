package dev.symphony.ui.terminal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;

/** One tab's content: its terminals side by side, kept in step with the group. */
final class TerminalGroupView extends SplitPane {
    private final TerminalGroup group;
    private final Map<TerminalInstance, TerminalView> views = new IdentityHashMap<>();
    private final Function<TerminalInstance, TerminalView> create;
    private final ListChangeListener<TerminalInstance> onChange = c -> sync();

    TerminalGroupView(TerminalGroup group, Function<TerminalInstance, TerminalView> create) {
        this.group = group;
        this.create = create;
        setOrientation(Orientation.HORIZONTAL);
        group.terminals().addListener(onChange);
        sync();
    }

    private void sync() {
        List<TerminalInstance> terminals = List.copyOf(group.terminals());
        views.keySet().removeIf(t -> {
            if (!terminals.contains(t)) {
                views.get(t).dispose();
                return true;
            }
            return false;
        });
        getItems().setAll(terminals.stream().map(t -> views.computeIfAbsent(t, create)).toList());
        double share = 1.0 / terminals.size();
        double[] dividers = new double[Math.max(0, terminals.size() - 1)];
        for (int i = 0; i < dividers.length; i++) {
            dividers[i] = share * (i + 1);
        }
        setDividerPositions(dividers);
    }

    TerminalView viewOf(TerminalInstance terminal) {
        return views.get(terminal);
    }

    Map<TerminalInstance, TerminalView> views() {
        return views;
    }

    void dispose() {
        group.terminals().removeListener(onChange);
        views.values().forEach(TerminalView::dispose);
        views.clear();
    }
}
