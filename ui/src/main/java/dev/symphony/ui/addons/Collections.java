package dev.symphony.ui.addons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The list, table and tree components: virtualized controls whose items are the node's children, so a view of
 * 10,000 rows builds only the visible cells and a one-row change re-renders one cell. A row's own control comes from
 * {@code rows} (the renderer builds it whole); selecting a row fires {@code select} on the collection with the row's id.
 */
final class Collections {
    private final java.util.function.Function<VNode, Node> rows;
    private final java.util.function.BiConsumer<Node, VNode> reconfigure;
    private final ComponentFactory.Events events;
    /** Tree items by node id, for in-place updates. */
    private final Map<String, TreeItem<RowModel>> treeItems = new HashMap<>();

    /** {@code reconfigure} applies a row's props to a cell's control built for a row of the same component. */
    Collections(java.util.function.Function<VNode, Node> rows, java.util.function.BiConsumer<Node, VNode> reconfigure,
                ComponentFactory.Events events) {
        this.rows = rows;
        this.reconfigure = reconfigure;
        this.events = events;
    }

    ListView<RowModel> list() {
        ListView<RowModel> list = new ListView<>();
        list.setCellFactory(v -> new RowCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> select(list, row == null ? null : row.node()));
        return list;
    }

    /**
     * A list cell: follows the one row it shows (a change to that row renders this cell alone) and keeps the control
     * it built while it is empty, so the next row of the same component reconfigures it instead of building a new one.
     * A text row is shown by the cell itself — its text, style, tooltip and node id on the cell — rather than by a
     * label inside it: one control per row instead of two (a 10,000-row list's first frame spent 35–37 ms in CSS and
     * layout instead of 50–74, {@code bench views} alternating both, 2026-12-07).
     */
    private final class RowCell extends ListCell<RowModel> {
        private final RowModel.Follower follower = new RowModel.Follower(this::show);
        private Node spare;

        @Override
        protected void updateItem(RowModel item, boolean empty) {
            super.updateItem(item, empty);
            follower.show(empty ? null : item);
        }

        private void show(RowModel row) {
            if (row != null && textRow(row.node())) {
                if (getGraphic() != null) {
                    spare = getGraphic();
                    setGraphic(null);
                }
                if (!getStyleClass().contains(TEXT_ROW)) {
                    getStyleClass().addAll(ComponentFactory.NODE_CLASS, TEXT_ROW);
                }
                getProperties().put(VirtualRenderer.NODE_ID, row.node().id());
                reconfigure.accept(this, row.node());
                return;
            }
            if (getStyleClass().remove(TEXT_ROW)) { // it showed a text row: nothing of it stays
                getStyleClass().remove(ComponentFactory.NODE_CLASS);
                getStyleClass().removeAll(ComponentFactory.TEXT_STYLES);
                getProperties().remove(VirtualRenderer.NODE_ID);
                setTooltip(null);
                setDisable(false);
                setWrapText(false);
            }
            setText(null);
            if (row == null) {
                if (getGraphic() != null) {
                    spare = getGraphic();
                }
                setGraphic(null);
                return;
            }
            Node graphic = cellGraphic(getGraphic() != null ? getGraphic() : spare, row.node());
            spare = null;
            if (graphic != getGraphic()) {
                setGraphic(graphic);
            }
        }
    }

    /** The style class of a list cell that shows a text row itself. */
    private static final String TEXT_ROW = ComponentFactory.NODE_CLASS + "-text";

    /** A row that is text alone: its list cell shows it. */
    private static boolean textRow(VNode row) {
        return row.component().equals("text") && row.children().isEmpty();
    }

    /** A leaf row reuses the cell's control when the component is the same (a cell re-renders without new nodes). */
    private Node cellGraphic(Node current, VNode row) {
        if (current != null && row.children().isEmpty() && current.getStyleClass().contains(ComponentFactory.NODE_CLASS + "-" + row.component())
                && Components.LEAVES.contains(row.component())) {
            current.getProperties().put(VirtualRenderer.NODE_ID, row.id());
            reconfigure.accept(current, row);
            return current;
        }
        return rows.apply(row);
    }

    TableView<RowModel> table() {
        TableView<RowModel> table = new TableView<>();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> select(table, row == null ? null : row.node()));
        return table;
    }

    void configureTable(Node fx, VNode n) {
        @SuppressWarnings("unchecked")
        TableView<RowModel> table = (TableView<RowModel>) fx;
        table.getColumns().clear();
        for (JsonNode c : n.props().path("columns")) {
            String key = c.path("key").asText();
            TableColumn<RowModel, String> column = new TableColumn<>(c.path("title").asText(key));
            column.setCellValueFactory(row -> {
                RowModel r = row.getValue();
                return Bindings.createStringBinding(() -> r.node().props().path("cells").path(key).asText(""), r.nodeProperty());
            });
            table.getColumns().add(column);
        }
    }

    TreeView<RowModel> tree() {
        TreeView<RowModel> tree = new TreeView<>(new TreeItem<>());
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new javafx.scene.control.TreeCell<>() {
            private final RowModel.Follower follower = new RowModel.Follower(row -> setText(row == null ? null : row.node().text("text", "")));

            @Override
            protected void updateItem(RowModel item, boolean empty) {
                super.updateItem(item, empty);
                follower.show(empty ? null : item);
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, item) ->
                select(tree, item == null || item.getValue() == null ? null : item.getValue().node()));
        return tree;
    }

    private void select(Node collection, VNode row) {
        if (row != null) {
            events.fire(ComponentFactory.idOf(collection), "select", JsonNodeFactory.instance.textNode(row.id()));
        }
    }

    /** Sets the collection's rows (a tree's items, recursively, reusing the items of known ids). */
    @SuppressWarnings("unchecked")
    void setChildren(Node fx, VNode n) {
        if (fx instanceof ListView<?> list) {
            ((ListView<RowModel>) list).getItems().setAll(models(n.children()));
        } else if (fx instanceof TableView<?> table) {
            ((TableView<RowModel>) table).getItems().setAll(models(n.children()));
        } else if (fx instanceof TreeView<?> tree) {
            fill(((TreeView<RowModel>) tree).getRoot(), n.children());
        }
    }

    private static List<RowModel> models(List<VNode> rows) {
        List<RowModel> models = new java.util.ArrayList<>(rows.size());
        rows.forEach(r -> models.add(new RowModel(r)));
        return models;
    }

    /** A known id keeps its item and row model (setting an item's value would make the tree rebuild every cell). */
    private void fill(TreeItem<RowModel> parent, List<VNode> children) {
        List<TreeItem<RowModel>> items = new java.util.ArrayList<>(children.size());
        for (VNode c : children) {
            TreeItem<RowModel> item = treeItems.computeIfAbsent(c.id(), id -> new TreeItem<>(new RowModel(c)));
            item.getValue().nodeProperty().set(c);
            item.setExpanded(c.props().path("expanded").asBoolean(item.isExpanded()));
            fill(item, c.children());
            items.add(item);
        }
        parent.getChildren().setAll(items);
    }

    /** Replaces row {@code row} of collection {@code fx} in its row model: only the cell showing it renders again. */
    @SuppressWarnings("unchecked")
    void updateRow(Node fx, int index, VNode row) {
        if (fx instanceof ListView<?> list) {
            ((ListView<RowModel>) list).getItems().get(index).nodeProperty().set(row);
        } else if (fx instanceof TableView<?> table) {
            ((TableView<RowModel>) table).getItems().get(index).nodeProperty().set(row);
        } else {
            TreeItem<RowModel> item = treeItems.get(row.id());
            if (item != null) {
                item.getValue().nodeProperty().set(row);
            }
        }
    }
}
