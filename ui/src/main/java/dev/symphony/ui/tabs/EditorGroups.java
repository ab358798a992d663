package dev.symphony.ui.tabs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * Editor groups: the editor area as a grid of tab panes (nested split panes), one of them active. The
 * first group is the {@link EditorTabsView} itself and always stays; another group goes when its last
 * tab does. A tab (its editor with it) moves between groups; a copy into another group is a second view of the
 * same document (one buffer and history, carets of its own). New tabs open in the active group; selecting or
 * focusing a tab in a group makes it active.
 */
public final class EditorGroups {
    /** Style class of every group's tab pane; the active one also has {@link #ACTIVE}. */
    public static final String GROUP = "editor-group";
    public static final String ACTIVE = "active-editor-group";
    private final TabPane main;
    private final StackPane layout = new StackPane();
    private final List<TabPane> groups = new ArrayList<>();
    private final Consumer<Tab> onSelected;
    private final java.util.function.UnaryOperator<Tab> twinOf;
    private TabPane active;
    private boolean moving;
    private final javafx.beans.property.ReadOnlyIntegerWrapper changes = new javafx.beans.property.ReadOnlyIntegerWrapper();

    /**
     * {@code onSelected} hears the active group's selected tab (null: none) whenever it changes; {@code twinOf}
     * makes a second tab of a tab's document (null when it cannot have one).
     */
    EditorGroups(TabPane main, Consumer<Tab> onSelected, java.util.function.UnaryOperator<Tab> twinOf) {
        this.main = main;
        this.onSelected = onSelected;
        this.twinOf = twinOf;
        layout.getChildren().add(main);
        adopt(main);
        setActive(main);
    }

    /** The node that holds every group (what the window lays out in the editor area). */
    public Node layout() {
        return layout;
    }

    /** The groups in the order they were made (the first is the main group); Ctrl+1, Ctrl+2… focus them. */
    public List<TabPane> groups() {
        return List.copyOf(groups);
    }

    /** Counts changes of the layout and of which group holds which tab (the tab session listens). */
    public javafx.beans.property.ReadOnlyIntegerProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public TabPane active() {
        return active;
    }

    public int activeIndex() {
        return groups.indexOf(active);
    }

    private void adopt(TabPane group) {
        groups.add(group);
        group.getStyleClass().add(GROUP);
        group.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (moving) {
                return;
            }
            if (tab != null && group != active) {
                setActive(group);
            } else if (group == active) {
                onSelected.accept(tab);
            }
        });
        group.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) change -> {
            if (!moving && group.getTabs().isEmpty()) {
                dropIfEmpty(group); // its last tab was closed
            }
        });
        group.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> setActive(group));
        group.focusWithinProperty().addListener((obs, was, within) -> {
            if (within) {
                setActive(group);
            }
        });
    }

    private void setActive(TabPane group) {
        if (active == group) {
            return;
        }
        if (active != null) {
            active.getStyleClass().remove(ACTIVE);
        }
        active = group;
        group.getStyleClass().add(ACTIVE);
        onSelected.accept(group.getSelectionModel().getSelectedItem());
    }

    /** Runs tab changes that may empty a group for a moment (a preview replaced in place), then drops empty groups. */
    void batch(Runnable tabChanges) {
        boolean outer = !moving;
        moving = true;
        try {
            tabChanges.run();
        } finally {
            if (outer) {
                moving = false;
                List.copyOf(groups).forEach(this::dropIfEmpty);
                changes.set(changes.get() + 1);
            }
        }
    }

    /** Selects a tab in its group, which becomes the active one. */
    void select(Tab tab) {
        TabPane group = tab.getTabPane();
        if (group != null) {
            group.getSelectionModel().select(tab);
            setActive(group);
            onSelected.accept(tab);
        }
    }

    /** Makes the group at {@code index} (0: the first) active and focuses its editor; false when there is none. */
    public boolean focus(int index) {
        if (index < 0 || index >= groups.size()) {
            return false;
        }
        TabPane group = groups.get(index);
        setActive(group);
        focusContent(group.getSelectionModel().getSelectedItem(), group);
        return true;
    }

    /** Puts the keyboard focus in a tab's editor (its text view), or its other content, or the group. */
    private static void focusContent(Tab tab, TabPane group) {
        Node content = tab == null ? null : tab.getContent();
        Node target = content instanceof dev.symphony.ui.editor.EditorPane pane ? pane.view()
                : content != null ? content : group;
        if (target.getScene() != null) {
            target.requestFocus();
            return;
        }
        // a new group's tab content joins the scene at the next layout pass: focus it then
        target.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                    javafx.scene.Scene was, javafx.scene.Scene scene) {
                if (scene != null) {
                    target.sceneProperty().removeListener(this);
                    target.requestFocus();
                }
            }
        });
    }

    /** Focuses the next (+1) or previous (-1) group, round the list. */
    public void focusNext(int delta) {
        focus(Math.floorMod(activeIndex() + delta, groups.size()));
    }

    /**
     * Moves the active group's selected tab into a new group beside it ({@code HORIZONTAL}: to the right,
     * {@code VERTICAL}: below); nothing when the group has a single tab to give (splitting would leave it empty).
     */
    public boolean split(Orientation orientation) {
        Tab tab = active.getSelectionModel().getSelectedItem();
        if (tab == null || active.getTabs().size() < 2) {
            return false;
        }
        TabPane group = newGroup(active, orientation);
        moveTo(tab, group);
        return true;
    }

    /** Moves the active tab to the next (+1) or previous (-1) group, making one to the right when there is no next. */
    public boolean moveActiveTab(int delta) {
        Tab tab = active.getSelectionModel().getSelectedItem();
        return tab != null && moveTab(tab, delta);
    }

    /** Moves {@code tab} to the group after (+1) or before (-1) its own, making one to the right when there is no next. */
    boolean moveTab(Tab tab, int delta) {
        TabPane from = tab.getTabPane();
        int target = groups.indexOf(from) + delta;
        if (from == null || target < 0) {
            return false;
        }
        if (target >= groups.size()) {
            if (from.getTabs().size() < 2) {
                return false; // it would leave its group empty
            }
            target = groups.indexOf(newGroup(from, Orientation.HORIZONTAL));
        }
        moveTo(tab, groups.get(target));
        return true;
    }

    /** Shows the active tab's document also in a new group beside its own (right or below); the tab stays. */
    public boolean splitCopy(Orientation orientation) {
        Tab tab = active.getSelectionModel().getSelectedItem();
        return tab != null && splitCopy(tab, orientation);
    }

    /**
     * Shows {@code tab}'s document in a second view, in a new group beside the tab's own ({@code HORIZONTAL}: to
     * the right, {@code VERTICAL}: below); false when the tab cannot have a second view (a board, the settings page).
     */
    boolean splitCopy(Tab tab, Orientation orientation) {
        TabPane from = tab.getTabPane();
        if (from == null) {
            return false;
        }
        Tab twin = twinOf.apply(tab);
        if (twin == null) {
            return false;
        }
        TabPane group = newGroup(from, orientation);
        batch(() -> group.getTabs().add(twin));
        select(twin);
        focusContent(twin, group);
        return true;
    }

    /** Moves a tab (with its editor) to the end of {@code group}, selects it there and makes the group active. */
    public void moveTo(Tab tab, TabPane group) {
        TabPane from = tab.getTabPane();
        if (from == group) {
            return;
        }
        batch(() -> {
            if (from != null) {
                from.getTabs().remove(tab);
            }
            group.getTabs().add(tab);
        });
        select(tab);
        focusContent(tab, group);
    }

    /** A new empty group beside {@code beside}, in a split of the given orientation. */
    TabPane newGroup(TabPane beside, Orientation orientation) {
        TabPane group = new TabPane();
        group.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        SplitPane parent = splitOf(beside);
        if (parent != null && parent.getOrientation() == orientation) {
            SplitPane split = parent;
            split.getItems().add(split.getItems().indexOf(beside) + 1, group);
            double[] even = new double[split.getItems().size() - 1];
            for (int i = 0; i < even.length; i++) {
                even[i] = (i + 1.0) / split.getItems().size();
            }
            split.setDividerPositions(even);
        } else {
            SplitPane split = new SplitPane();
            split.setOrientation(orientation);
            replace(beside, split);
            split.getItems().addAll(beside, group);
        }
        adopt(group);
        changes.set(changes.get() + 1);
        return group;
    }

    /** Puts {@code replacement} where {@code node} is in the layout (the top, or an item of a split). */
    private void replace(Node node, Node replacement) {
        SplitPane parentSplit = splitOf(node);
        if (parentSplit != null) {
            int at = parentSplit.getItems().indexOf(node);
            double[] dividers = parentSplit.getDividerPositions();
            parentSplit.getItems().set(at, replacement);
            parentSplit.setDividerPositions(dividers);
        } else {
            layout.getChildren().setAll(replacement);
        }
    }

    /** The split pane that holds {@code node} as an item, or null (searched from the top: a split's skin may not exist yet). */
    private SplitPane splitOf(Node node) {
        return layout.getChildren().isEmpty() ? null : splitOf(layout.getChildren().get(0), node);
    }

    private static SplitPane splitOf(Node from, Node node) {
        if (from instanceof SplitPane split) {
            for (Node item : split.getItems()) {
                SplitPane found = item == node ? split : splitOf(item, node);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Removes a group that has no tabs left (not the main group: an emptied main group takes the tabs of the
     * group after it instead, so there are never two groups with one of them empty).
     */
    void dropIfEmpty(TabPane group) {
        if (!group.getTabs().isEmpty() || groups.size() < 2) {
            return;
        }
        if (group == main) {
            TabPane next = groups.get(1);
            Tab selected = next.getSelectionModel().getSelectedItem();
            boolean was = moving;
            moving = true;
            try {
                List<Tab> tabs = List.copyOf(next.getTabs());
                next.getTabs().clear();
                main.getTabs().addAll(tabs);
            } finally {
                moving = was;
            }
            if (selected != null) {
                select(selected);
            }
            group = next;
        }
        groups.remove(group);
        SplitPane split = splitOf(group);
        if (split != null) {
            split.getItems().remove(group);
            if (split.getItems().size() == 1) {
                replace(split, split.getItems().get(0)); // a split of one collapses into its item
            }
        }
        if (active == group) {
            active = null;
            setActive(main);
        }
        changes.set(changes.get() + 1);
    }

    /** The layout for the session: a group's number, or {orientation, items, dividers} for a split. */
    Layout describe() {
        return describe(layout.getChildren().get(0));
    }

    private Layout describe(Node node) {
        if (node instanceof SplitPane split) {
            List<Layout> items = split.getItems().stream().map(this::describe).toList();
            return new Layout(-1, split.getOrientation() == Orientation.VERTICAL, items, split.getDividerPositions());
        }
        return new Layout(groups.indexOf((TabPane) node), false, List.of(), new double[0]);
    }

    /**
     * Rebuilds a remembered layout with the main group's tabs: {@code groupOf} says which group each tab
     * goes to (the tabs of the main group are moved), {@code alsoIn} which other groups show a second view of
     * its document; a group that ends up empty is dropped.
     */
    void restore(Layout remembered, java.util.function.ToIntFunction<Tab> groupOf,
            java.util.function.Function<Tab, List<Integer>> alsoIn) {
        java.util.Set<Integer> numbers = new java.util.HashSet<>();
        if (groups.size() > 1 || remembered.group() >= 0 || !valid(remembered, numbers) || !numbers.contains(0)) {
            return; // already split by the user, a single group, or a layout this code did not write
        }
        List<TabPane> made = new ArrayList<>();
        made.add(main);
        Node top = build(remembered, made);
        layout.getChildren().setAll(top);
        groups.clear();
        made.stream().filter(java.util.Objects::nonNull).forEach(groups::add); // numbered as remembered
        batch(() -> {
            for (Tab tab : List.copyOf(main.getTabs())) {
                int group = groupOf.applyAsInt(tab);
                if (group > 0 && group < made.size() && made.get(group) != null) {
                    main.getTabs().remove(tab);
                    made.get(group).getTabs().add(tab);
                }
                for (int other : alsoIn.apply(tab)) {
                    Tab twin = other >= 0 && other < made.size() && made.get(other) != null
                            && made.get(other) != tab.getTabPane() ? twinOf.apply(tab) : null;
                    if (twin != null) {
                        made.get(other).getTabs().add(twin);
                    }
                }
            }
        });
    }

    /** Every group number once, the main group among them, every split of two or more items. */
    private static boolean valid(Layout node, java.util.Set<Integer> seen) {
        if (node.group() >= 0) {
            return node.items().isEmpty() && seen.add(node.group()) && node.group() < 64;
        }
        if (node.items().size() < 2 || node.dividers().length != node.items().size() - 1) {
            return false;
        }
        for (Layout item : node.items()) {
            if (!valid(item, seen)) {
                return false;
            }
        }
        return true;
    }

    private Node build(Layout node, List<TabPane> made) {
        if (node.group() >= 0) {
            if (node.group() == 0) {
                return main;
            }
            TabPane group = new TabPane();
            group.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
            adopt(group);
            while (made.size() <= node.group()) {
                made.add(null);
            }
            made.set(node.group(), group);
            return group;
        }
        SplitPane split = new SplitPane();
        split.setOrientation(node.vertical() ? Orientation.VERTICAL : Orientation.HORIZONTAL);
        for (Layout item : node.items()) {
            split.getItems().add(build(item, made));
        }
        split.setDividerPositions(node.dividers());
        return split;
    }

    /** A remembered layout: a leaf is a group number (≥ 0), a split has items and divider positions. */
    record Layout(int group, boolean vertical, List<Layout> items, double[] dividers) {
    }
}
