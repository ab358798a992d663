package dev.symphony.ui.addons;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Keeps one VirtualNode tree on screen and applies {@link TreeDiff.Plan}s to it, JavaFX thread only: a changed node's
 * props are applied to its existing control, a container whose children changed keeps the controls of the children
 * it still has, and a row of a list, table or tree is replaced in place. Events of a node send the action its current
 * handler declares; events without a handler are dropped.
 */
public final class VirtualRenderer {
    /** An action the user took: the node, the event, the handler's action, the value. */
    public interface ActionSink {
        void action(String nodeId, String event, String action, JsonNode value);
    }

    /** The key of a control's VirtualNode id in its {@link Node#getProperties() properties}. */
    static final Object NODE_ID = "symphony.vnode.id";
    private final ComponentFactory factory;
    private final Map<String, Node> controls = new HashMap<>();
    private Map<String, VNode> nodes = new HashMap<>();
    /** Where each row of a collection, and each node inside one, is: one map, filled on the JavaFX thread per row. */
    private Map<String, RowPlace> rowPlaces = new HashMap<>();
    private VNode root;
    private Node rootControl;

    /**
     * The VirtualNode id a control shows now, or null for a node that is not one. It is kept in the control's
     * properties, not as its JavaFX id: JavaFX's style cache is keyed by id, and an id per row made every row a cell
     * showed for the first time miss it (a quarter of a list view's first frame).
     */
    public static String nodeIdOf(Node node) {
        return node.getProperties().get(NODE_ID) instanceof String id ? id : null;
    }

    /** Matches the control that shows the VirtualNode {@code id} (for lookups: tests, tools). */
    public static java.util.function.Predicate<Node> withNodeId(String id) {
        return n -> id.equals(nodeIdOf(n));
    }

    public VirtualRenderer(ActionSink sink) {
        this.factory = new ComponentFactory(this::detached, (id, event, value) -> {
            VNode n = nodes.get(id);
            String action = n == null ? null : n.handlers().get(event);
            if (action != null) {
                sink.action(id, event, action, value);
            }
        });
    }

    /** The tree on screen, or null. */
    public VNode tree() {
        return root;
    }

    /** Applies {@code plan}; returns the root control (a new one when the root was replaced). */
    public Node apply(TreeDiff.Plan plan) {
        if (plan.replaceRoot()) {
            controls.clear();
            int capacity = capacityFor(plan.byId().size());
            nodes = new HashMap<>(capacity);
            rowPlaces = new HashMap<>(capacity);
            rootControl = build(plan.next());
        } else {
            for (VNode parent : plan.restructured()) {
                nodes.put(parent.id(), parent);
                setChildren(controls.get(parent.id()), parent);
            }
            for (VNode changed : plan.updated()) {
                nodes.put(changed.id(), changed);
                Node control = controls.get(changed.id());
                if (control != null) {
                    factory.configure(control, changed);
                } else {
                    updateRow(plan, rowPlaces.get(changed.id()));
                }
            }
        }
        root = plan.next();
        return rootControl;
    }

    private Node build(VNode n) {
        Node control = factory.create(n);
        controls.put(n.id(), control);
        nodes.put(n.id(), n);
        setChildren(control, n);
        return control;
    }

    private void setChildren(Node control, VNode n) {
        if (Components.LEAVES.contains(n.component())) {
            return; // some leaves are panes themselves (markdown's TextFlow): their content is theirs
        }
        if (Components.COLLECTIONS.contains(n.component())) {
            boolean tree = n.component().equals("tree");
            for (int i = 0; i < n.children().size(); i++) {
                rows(n.id(), n.children().get(i), i, tree ? null : n.children().get(i).id());
            }
            factory.collections().setChildren(control, n);
            return;
        }
        List<Node> children = new ArrayList<>(n.children().size());
        for (VNode c : n.children()) {
            Node existing = controls.get(c.id());
            VNode was = nodes.get(c.id());
            children.add(existing != null && was != null && was.component().equals(c.component()) ? existing : build(c));
        }
        place(control, n, children);
    }

    private void place(Node control, VNode n, List<Node> children) {
        if (control instanceof TabPane tabs) {
            List<Tab> list = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                Tab tab = new Tab(n.children().get(i).text("title", n.children().get(i).id()), children.get(i));
                tab.setClosable(false);
                list.add(tab);
            }
            tabs.getTabs().setAll(list);
        } else if (control instanceof SplitPane split) {
            split.getItems().setAll(children);
        } else if (control instanceof Pane pane) {
            pane.getChildren().setAll(children);
            if (pane instanceof VBox) {
                for (int i = 0; i < children.size(); i++) {
                    VBox.setVgrow(children.get(i), Components.COLLECTIONS.contains(n.children().get(i).component())
                            ? Priority.ALWAYS : Priority.NEVER);
                }
            }
        }
    }

    /** Renders again the row a changed node without a control of its own is part of ({@code place}; null: none). */
    private void updateRow(TreeDiff.Plan plan, RowPlace place) {
        if (place != null) {
            VNode row = plan.byId().get(place.top());
            nodes.put(row.id(), row);
            factory.collections().updateRow(controls.get(place.collection()), rowPlaces.get(row.id()).index(), row);
        }
    }

    /** {@code top}: the list or table row {@code row} is part of; null in a tree, whose items update one by one. */
    private void rows(String collection, VNode row, int index, String top) {
        nodes.put(row.id(), row);
        rowPlaces.put(row.id(), new RowPlace(collection, index, top == null ? row.id() : top));
        for (int i = 0; i < row.children().size(); i++) {
            rows(collection, row.children().get(i), i, top);
        }
    }

    /**
     * A row's or a node's in a row: the collection's id, its index among its siblings, and the row that renders again
     * when it changes (itself in a tree, whose items update one by one; the list's or table's row otherwise).
     */
    private record RowPlace(String collection, int index, String top) {
    }

    /** A HashMap's initial capacity that holds {@code entries} without growing (its load factor is 0.75). */
    private static int capacityFor(int entries) {
        return (int) Math.min(1 << 30, entries * 4L / 3 + 1);
    }

    /** A row's controls, built whole for a list or table cell (cells are reused, so they are not kept by id). */
    Node detached(VNode n) {
        Node control = factory.create(n);
        if (!n.children().isEmpty() && !Components.COLLECTIONS.contains(n.component())) {
            List<Node> children = new ArrayList<>();
            n.children().forEach(c -> children.add(detached(c)));
            place(control, n, children);
        }
        return control;
    }
}
