package dev.symphony.ui.addons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Lists, tables and trees of 10,000 rows stay virtualized: the scene holds nodes for the visible rows only, and a one-row
 * change renders that row's cell alone: no node is created or dropped anywhere in the scene, the control's items are
 * not replaced (which would reconfigure every visible cell) and no other cell's text changes. Counts and identities,
 * not timings.
 */
@ExtendWith(ApplicationExtension.class)
class VirtualizedRowsUiTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int ROWS = 10_000;
    /** Far above the rows a 400×300 view shows, far below one node per row. */
    private static final int MAX_NODES = 400;
    private StackPane host;

    @Start
    void start(Stage stage) {
        host = new StackPane();
        stage.setScene(new javafx.scene.Scene(host, 400, 300));
        stage.show();
    }

    @Test
    void aListOfTenThousandRowsBuildsTheVisibleRowsAndAOneRowChangeTouchesOneCell(FxRobot robot) {
        checkOneRowChange(robot, "list", i -> text("row" + i, "Row " + i),
                i -> text("row" + i, "Row " + i + " (changed)"));
    }

    @Test
    void aTableOfTenThousandRowsBuildsTheVisibleRowsAndAOneRowChangeTouchesOneCell(FxRobot robot) {
        checkOneRowChange(robot, "table", i -> tableRow(i, "Row " + i), i -> tableRow(i, "Row " + i + " (changed)"));
    }

    @Test
    void aTreeOfTenThousandItemsBuildsTheVisibleItemsAndAOneItemChangeTouchesOneCell(FxRobot robot) {
        checkOneRowChange(robot, "tree", i -> item(i, "Row " + i), i -> item(i, "Row " + i + " (changed)"));
    }

    /**
     * A list's text row is shown by its cell itself (one control per row, not a cell and a label): text, style,
     * tooltip and node id on the cell; and a cell that then shows another kind of row keeps none of them.
     */
    @Test
    void aListsTextRowIsItsCellAndTheCellKeepsNothingOfItForAnotherRow(FxRobot robot) {
        ObjectNode quiet = F.objectNode().put("text", "Quiet").put("style", "muted").put("tooltip", "a tip");
        VNode before = new VNode("rows", "list", F.objectNode(), List.of(new VNode("t", "text", quiet, List.of(), Map.of())), Map.of());
        VNode after = new VNode("rows", "list", F.objectNode(),
                List.of(new VNode("t", "button", F.objectNode().put("text", "Go"), List.of(), Map.of("click", "go"))), Map.of());
        robot.interact(() -> {
            VirtualRenderer renderer = new VirtualRenderer((id, e, a, v) -> { });
            Node control = renderer.apply(TreeDiff.plan(null, before));
            host.getChildren().setAll(control);
            settle();
            javafx.scene.control.ListCell<?> cell = firstRow(control);
            assertEquals(null, cell.getGraphic(), "the cell shows the text row itself, no label inside");
            assertEquals("Quiet", cell.getText());
            assertEquals("t", VirtualRenderer.nodeIdOf(cell));
            assertTrue(cell.getStyleClass().contains("text-muted"), "the row's style: " + cell.getStyleClass());
            assertEquals("a tip", cell.getTooltip() == null ? null : cell.getTooltip().getText());

            renderer.apply(TreeDiff.plan(before, after));
            settle();
            cell = firstRow(control);
            assertTrue(cell.getGraphic() instanceof javafx.scene.control.Button b && b.getText().equals("Go"),
                    "the button row is a button in the cell: " + cell.getGraphic());
            assertEquals(null, cell.getText());
            assertEquals(null, cell.getTooltip(), "the text row's tooltip is gone");
            assertEquals(null, VirtualRenderer.nodeIdOf(cell), "the cell carries no node id (its button does)");
            assertEquals("t", VirtualRenderer.nodeIdOf(cell.getGraphic()));
            assertTrue(!cell.getStyleClass().contains("text-muted"), "the text row's style is gone: " + cell.getStyleClass());
        });
    }

    private static javafx.scene.control.ListCell<?> firstRow(Node control) {
        return nodes(control).stream().filter(n -> n instanceof javafx.scene.control.ListCell<?> c && !c.isEmpty() && c.getIndex() == 0)
                .map(n -> (javafx.scene.control.ListCell<?>) n).findFirst().orElseThrow(() -> new AssertionError("no cell shows row 0"));
    }

    private void checkOneRowChange(FxRobot robot, String component, java.util.function.IntFunction<VNode> row,
                                   java.util.function.IntFunction<VNode> changedRow) {
        List<VNode> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(row.apply(i));
        }
        ObjectNode props = F.objectNode();
        props.putArray("columns").addObject().put("key", "name").put("title", "Name");
        VNode before = new VNode("rows", component, props, rows, Map.of());
        List<VNode> changedRows = new ArrayList<>(rows);
        changedRows.set(3, changedRow.apply(3));
        VNode after = new VNode("rows", component, props, changedRows, Map.of());
        robot.interact(() -> {
            VirtualRenderer renderer = new VirtualRenderer((id, e, a, v) -> { });
            Node control = renderer.apply(TreeDiff.plan(null, before));
            host.getChildren().setAll(control);
            settle();
            Set<Node> nodesBefore = nodes(host);
            assertTrue(nodesBefore.size() < MAX_NODES, component + " of " + ROWS + " rows: " + nodesBefore.size()
                    + " nodes in the scene (not virtualized: at most " + MAX_NODES + " expected)");
            Map<IndexedCell<?>, String> textsBefore = cellTexts(control);
            assertTrue(textsBefore.values().stream().anyMatch(t -> t.equals("Row 3")), "row 3 is on screen: " + textsBefore.values());
            assertTrue(nodesBefore.stream().anyMatch(n -> VirtualRenderer.nodeIdOf(n) != null), "the rows' controls know their nodes");
            // JavaFX's style cache is keyed by a node's id among other things: an id per row made every new row miss it
            assertEquals(List.of(), nodesBefore.stream().filter(n -> VirtualRenderer.nodeIdOf(n) != null && n.getId() != null)
                    .map(Node::getId).limit(3).toList(), "controls of rows with a JavaFX id of their own");

            AtomicInteger itemChanges = new AtomicInteger();
            items(control).addListener((ListChangeListener<Object>) c -> itemChanges.incrementAndGet());
            if (control instanceof TreeView<?> tree) { // an item's value set makes the tree rebuild every cell
                tree.getRoot().addEventHandler(TreeItem.valueChangedEvent(), e -> itemChanges.incrementAndGet());
            }
            assertSame(control, renderer.apply(TreeDiff.plan(before, after)));
            settle();

            assertEquals(0, itemChanges.get(), "a one-row change replaced the control's items or an item's value (every visible cell re-renders)");
            Set<Node> nodesAfter = nodes(host);
            assertEquals(nodesBefore, nodesAfter, "a one-row change created or dropped nodes");
            Map<IndexedCell<?>, String> textsAfter = cellTexts(control);
            List<String> changed = new ArrayList<>();
            textsBefore.forEach((cell, text) -> {
                if (!text.equals(textsAfter.get(cell))) {
                    changed.add(text + " -> " + textsAfter.get(cell));
                }
            });
            assertEquals(List.of("Row 3 -> Row 3 (changed)"), changed, "the cells whose text changed");
        });
    }

    private void settle() {
        host.applyCss();
        host.layout();
    }

    /** The control's items: a list's or table's rows, a tree's top-level items. */
    @SuppressWarnings("unchecked")
    private static javafx.collections.ObservableList<Object> items(Node control) {
        if (control instanceof TreeView<?> tree) {
            return (javafx.collections.ObservableList<Object>) (Object) tree.getRoot().getChildren();
        }
        return control instanceof ListView<?> list
                ? (javafx.collections.ObservableList<Object>) list.getItems()
                : (javafx.collections.ObservableList<Object>) ((TableView<?>) control).getItems();
    }

    /** Every node in the scene graph under {@code root}, by identity. */
    private static Set<Node> nodes(Node root) {
        Set<Node> all = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        collect(root, all);
        return all;
    }

    private static void collect(Node n, Set<Node> into) {
        into.add(n);
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, into));
        }
    }

    /** The text each non-empty visible cell shows (a list cell's row label; a table cell's text). */
    private static Map<IndexedCell<?>, String> cellTexts(Node control) {
        Map<IndexedCell<?>, String> texts = new IdentityHashMap<>();
        for (Node n : nodes(control)) {
            if (n instanceof IndexedCell<?> cell && !cell.isEmpty() && cell.isVisible()
                    && (n instanceof javafx.scene.control.ListCell<?> || n instanceof javafx.scene.control.TableCell<?, ?>
                    || n instanceof javafx.scene.control.TreeCell<?>)) {
                texts.put(cell, cell.getGraphic() instanceof Labeled l ? l.getText() : cell.getText());
            }
        }
        return texts;
    }

    private static VNode text(String id, String text) {
        return new VNode(id, "text", F.objectNode().put("text", text), List.of(), Map.of());
    }

    private static VNode item(int i, String text) {
        return new VNode("item" + i, Components.TREE_ITEM, F.objectNode().put("text", text), List.of(), Map.of());
    }

    private static VNode tableRow(int i, String name) {
        ObjectNode props = F.objectNode();
        props.putObject("cells").put("name", name);
        return new VNode("row" + i, "text", props.put("text", ""), List.of(), Map.of());
    }
}
