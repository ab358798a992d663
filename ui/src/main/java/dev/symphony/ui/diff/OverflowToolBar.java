package dev.symphony.ui.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * A tool bar that fits any width without overlapping or cutting its items: a title on the left that shortens with
 * an ellipsis, then items on the right, each at its own width. When they do not fit, the items of lowest priority go
 * into the "⋯" menu at the end (as their menu items, so every action stays reachable), first the title shrinking to
 * {@link #TITLE_KEEPS} and last to nothing. As VS Code's editor tool bar and IntelliJ's action toolbars do.
 */
public final class OverflowToolBar extends Region {
    public static final String STYLE_CLASS = "overflow-tool-bar";
    public static final String MORE_ID = "tool-bar-more";
    /** How wide the title stays while items are moved into the menu. */
    static final double TITLE_KEEPS = 80;
    private static final double GAP = 8;
    private final Label title;
    private final List<Item> items = new ArrayList<>();
    private final MenuButton more = new MenuButton("⋯");

    private record Item(Node node, int priority, MenuItem menuItem) {
    }

    public OverflowToolBar(Label title) {
        this.title = title;
        title.setMinWidth(0);
        more.setId(MORE_ID);
        more.setTooltip(new Tooltip("More Actions…"));
        more.setFocusTraversable(false);
        more.getStyleClass().add("flat");
        more.setOnShowing(e -> fillMenu());
        getChildren().addAll(title, more);
        setPadding(new Insets(4, 8, 4, 8));
        getStyleClass().add(STYLE_CLASS);
    }

    /**
     * Adds {@code node} after the items there are; {@code priority}: the higher, the later it goes into the menu;
     * {@code menuItem}: what stands for it there (the same action, or the same text for a label).
     */
    public void add(Node node, int priority, MenuItem menuItem) {
        items.add(new Item(node, priority, menuItem));
        getChildren().add(getChildren().size() - 1, node);
        requestLayout();
    }

    /** The items' nodes in the "⋯" menu at the current width (the menu's items in this order). */
    public List<Node> overflowing() {
        return items.stream().filter(i -> !i.node().isVisible()).map(Item::node).toList();
    }

    public MenuButton moreButton() {
        return more;
    }

    private void fillMenu() {
        more.getItems().setAll(items.stream().filter(i -> !i.node().isVisible()).map(Item::menuItem).toList());
    }

    private static double width(Node node) {
        return Math.ceil(node.prefWidth(-1));
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double available = getWidth() - in.getLeft() - in.getRight();
        double height = getHeight() - in.getTop() - in.getBottom();
        List<Item> shown = new ArrayList<>(items);
        double titleKeeps = Math.min(TITLE_KEEPS, width(title));
        while (!shown.isEmpty() && titleKeeps + used(shown, shown.size() < items.size()) > available) {
            shown.remove(shown.stream().min(Comparator.comparingInt(Item::priority)
                    .thenComparing(i -> -items.indexOf(i))).orElseThrow()); // the last of the lowest priority first
        }
        boolean overflow = shown.size() < items.size();
        double x = in.getLeft() + available;
        if (overflow) {
            x -= width(more);
            layoutInArea(more, x, in.getTop(), width(more), height, 0, null, true, true, javafx.geometry.HPos.LEFT, javafx.geometry.VPos.CENTER);
            x -= GAP;
        }
        more.setVisible(overflow);
        for (int i = items.size() - 1; i >= 0; i--) {
            Item item = items.get(i);
            boolean visible = shown.contains(item);
            item.node().setVisible(visible);
            if (visible) {
                x -= width(item.node());
                layoutInArea(item.node(), x, in.getTop(), width(item.node()), height, 0, null, false, true,
                        javafx.geometry.HPos.LEFT, javafx.geometry.VPos.CENTER);
                x -= GAP;
            }
        }
        double titleWidth = Math.max(0, Math.min(width(title), x - in.getLeft()));
        title.setVisible(titleWidth > 0);
        layoutInArea(title, in.getLeft(), in.getTop(), titleWidth, height, 0, null, true, true,
                javafx.geometry.HPos.LEFT, javafx.geometry.VPos.CENTER);
    }

    /** The width {@code shown} take with their gaps, and the "⋯" button's if {@code overflow}. */
    private double used(List<Item> shown, boolean overflow) {
        double w = overflow ? width(more) + GAP : 0;
        for (Item item : shown) {
            w += width(item.node()) + GAP;
        }
        return w;
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + width(title) + used(items, false) + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + width(more) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double h = Math.max(title.prefHeight(-1), more.prefHeight(-1));
        for (Item item : items) {
            h = Math.max(h, item.node().prefHeight(-1));
        }
        return in.getTop() + Math.ceil(h) + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
