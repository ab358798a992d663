package dev.symphony.ui.addons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Applying diffs gives the same screen as rendering the final tree anew (seeded random edit sequences; seed printed,
 * {@code -Dsymphony.test.seed=N} replays one), and nodes that did not change keep their controls.
 */
@ExtendWith(ApplicationExtension.class)
class VirtualRendererUiTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void diffsGiveTheSameScreenAsAFreshRender(FxRobot robot) {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        System.out.println("VirtualRendererUiTest seed " + seed + " (-Dsymphony.test.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int run = 0; run < 20; run++) {
            List<VNode> trees = new ArrayList<>();
            VNode tree = randomTree(random, "r", 3);
            trees.add(tree);
            for (int step = 0; step < 8; step++) {
                tree = mutate(random, tree);
                trees.add(tree);
            }
            robot.interact(() -> {
                VirtualRenderer incremental = new VirtualRenderer((id, e, a, v) -> { });
                Node screen = null;
                VNode previous = null;
                for (VNode t : trees) {
                    screen = incremental.apply(TreeDiff.plan(previous, t));
                    previous = t;
                }
                Node fresh = new VirtualRenderer((id, e, a, v) -> { }).apply(TreeDiff.plan(null, trees.get(trees.size() - 1)));
                assertEquals(dump(fresh), dump(screen), "seed " + seed);
            });
        }
    }

    @Test
    void aChangedRowKeepsEveryOtherControl(FxRobot robot) {
        VNode before = column("r", List.of(text("a", "one"), text("b", "two"), list("l", 1000)));
        VNode after = column("r", List.of(text("a", "one"), text("b", "TWO"), list("l", 1000)));
        robot.interact(() -> {
            VirtualRenderer renderer = new VirtualRenderer((id, e, a, v) -> { });
            Parent root = (Parent) renderer.apply(TreeDiff.plan(null, before));
            Node a = root.getChildrenUnmodifiable().get(0);
            Node b = root.getChildrenUnmodifiable().get(1);
            TreeDiff.Plan plan = TreeDiff.plan(before, after);
            assertEquals(List.of("b"), plan.updated().stream().map(VNode::id).toList());
            assertSame(root, renderer.apply(plan));
            assertSame(a, root.getChildrenUnmodifiable().get(0));
            assertSame(b, root.getChildrenUnmodifiable().get(1));
            assertEquals("TWO", ((Label) b).getText());
        });
    }

    static VNode text(String id, String text) {
        return new VNode(id, "text", F.objectNode().put("text", text), List.of(), Map.of());
    }

    static VNode column(String id, List<VNode> children) {
        return new VNode(id, "column", F.objectNode(), children, Map.of());
    }

    static VNode list(String id, int rows) {
        List<VNode> children = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            children.add(text(id + "-row" + i, "row " + i));
        }
        return new VNode(id, "list", F.objectNode(), children, Map.of());
    }

    private static int next;

    private static VNode randomTree(Random random, String id, int depth) {
        int kind = depth == 0 ? 0 : random.nextInt(5);
        return switch (kind) {
            case 0 -> text(id, "t" + random.nextInt(5));
            case 1 -> new VNode(id, "button", F.objectNode().put("text", "b" + random.nextInt(3)), List.of(), Map.of("click", "x"));
            case 2 -> list(id, random.nextInt(4));
            default -> {
                List<VNode> children = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    children.add(randomTree(random, "n" + next++, depth - 1));
                }
                String[] containers = {"column", "row", "split", "tabs"};
                yield new VNode(id, containers[random.nextInt(containers.length)], F.objectNode(), children, Map.of());
            }
        };
    }

    /** Changes a prop, drops, adds or reorders children somewhere in the tree. */
    private static VNode mutate(Random random, VNode n) {
        if (n.children().isEmpty() || random.nextInt(4) == 0) {
            return switch (n.component()) {
                case "text" -> text(n.id(), "t" + random.nextInt(5));
                case "list" -> list(n.id(), random.nextInt(4));
                default -> {
                    if (Components.CONTAINERS.contains(n.component())) {
                        List<VNode> children = new ArrayList<>(n.children());
                        switch (random.nextInt(3)) {
                            case 0 -> children.add(randomTree(random, "n" + next++, 1));
                            case 1 -> { if (!children.isEmpty()) children.remove(random.nextInt(children.size())); }
                            default -> java.util.Collections.shuffle(children, random);
                        }
                        yield new VNode(n.id(), n.component(), n.props(), children, n.handlers());
                    }
                    ObjectNode props = n.props().deepCopy().put("text", "b" + random.nextInt(3));
                    yield new VNode(n.id(), n.component(), props, n.children(), n.handlers());
                }
            };
        }
        List<VNode> children = new ArrayList<>(n.children());
        int i = random.nextInt(children.size());
        children.set(i, mutate(random, children.get(i)));
        return new VNode(n.id(), n.component(), n.props(), children, n.handlers());
    }

    /** What the screen shows: ids, texts and structure (list rows by their items). */
    static String dump(Node node) {
        StringBuilder b = new StringBuilder(VirtualRenderer.nodeIdOf(node) == null ? "?" : VirtualRenderer.nodeIdOf(node));
        if (node instanceof Label l) {
            b.append('"').append(l.getText()).append('"');
        } else if (node instanceof javafx.scene.control.Button btn) {
            b.append('"').append(btn.getText()).append('"');
        } else if (node instanceof ListView<?> list) {
            b.append(list.getItems().stream().map(r -> ((RowModel) r).node().id() + "=" + ((RowModel) r).node().props()).toList());
        } else if (node instanceof TabPane tabs) {
            b.append('[');
            tabs.getTabs().forEach(t -> b.append(t.getText()).append(':').append(dump(t.getContent())).append(','));
            b.append(']');
        } else if (node instanceof SplitPane split) {
            b.append('[');
            split.getItems().forEach(c -> b.append(dump(c)).append(','));
            b.append(']');
        } else if (node instanceof javafx.scene.layout.Pane pane) {
            b.append('[');
            pane.getChildren().forEach(c -> b.append(dump(c)).append(','));
            b.append(']');
        }
        return b.toString();
    }
}
