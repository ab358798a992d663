package dev.symphony.ui.addons;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One row of a list or table, or one item of a tree, as its control holds it. A one-row change sets {@link #node}
 * and leaves the control's items alone, so only the cell showing the row (if one does) renders again: replacing an
 * item would make a list or table reconfigure every visible cell and size rows anew, and a tree rebuild its cells. Only cells listen, and a cell listens to the one row it
 * shows, so a change reaches at most the visible cell and the control's measuring cell.
 */
final class RowModel {
    private final ObjectProperty<VNode> node;

    RowModel(VNode node) {
        this.node = new SimpleObjectProperty<>(node);
    }

    VNode node() {
        return node.get();
    }

    ObjectProperty<VNode> nodeProperty() {
        return node;
    }

    /**
     * A cell's hold on the one row it shows: {@link #show} moves it and renders the row, and a change to that row
     * renders it again.
     */
    static final class Follower {
        private final java.util.function.Consumer<RowModel> render;
        private final javafx.beans.InvalidationListener changed;
        private RowModel shown;

        /** {@code render} shows a row in the cell (null: the cell is empty). */
        Follower(java.util.function.Consumer<RowModel> render) {
            this.render = render;
            this.changed = o -> render.accept(shown);
        }

        /** Shows {@code row} (null: none) and follows it from now on. */
        void show(RowModel row) {
            if (row != shown) {
                if (shown != null) {
                    shown.node.removeListener(changed);
                }
                shown = row;
                if (row != null) {
                    row.node.addListener(changed);
                }
            }
            render.accept(row);
        }
    }
}
