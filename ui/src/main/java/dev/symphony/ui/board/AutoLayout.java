package dev.symphony.ui.board;

import dev.symphony.ui.board.MelodyEdits.Point;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * A layered (Sugiyama-style) layout of the whole Melody or of a selection, left to right, by Eclipse ELK's
 * {@code layered} algorithm (ui/README.md says why ELK). Pure computation: call it off the JavaFX thread; a laid
 * out selection keeps its top-left corner where it was.
 */
public final class AutoLayout {
    static final double LAYER_GAP = 90;
    static final double NODE_GAP = 36;

    static {
        // plain Java (no Eclipse): the service registers ELK's cloneable option types (ElkReflect) and, through
        // ServiceLoader, the layout algorithms' meta data
        LayoutMetaDataService.getInstance();
    }

    private AutoLayout() {
    }

    /**
     * New positions for the nodes in {@code ids} (all nodes if null), from the connections among them; empty if
     * {@code cancelled} says so before the result is ready.
     */
    public static Map<String, Point> layout(BoardGraph graph, Collection<String> ids, BooleanSupplier cancelled) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_GAP);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_GAP);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, NODE_GAP * 2);
        Map<String, ElkNode> elk = new LinkedHashMap<>();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (BoardGraph.BoardNode n : graph.nodes()) {
            if ((ids == null || ids.contains(n.id())) && !elk.containsKey(n.id())) {
                ElkNode e = ElkGraphUtil.createNode(root);
                e.setDimensions(BoardGraph.NODE_WIDTH, BoardGraph.NODE_HEIGHT);
                elk.put(n.id(), e);
                minX = Math.min(minX, n.x());
                minY = Math.min(minY, n.y());
            }
        }
        if (elk.isEmpty()) {
            return Map.of();
        }
        for (BoardGraph.BoardEdge edge : graph.edges()) {
            ElkNode a = elk.get(edge.from());
            ElkNode b = elk.get(edge.to());
            if (a != null && b != null && a != b) {
                ElkGraphUtil.createSimpleEdge(a, b);
            }
        }
        BasicProgressMonitor monitor = new BasicProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return cancelled.getAsBoolean();
            }
        };
        new LayeredLayoutProvider().layout(root, monitor);
        if (cancelled.getAsBoolean()) {
            return Map.of();
        }
        double originX = ids == null ? 0 : minX;
        double originY = ids == null ? 0 : minY;
        Map<String, Point> out = new HashMap<>();
        elk.forEach((id, e) -> out.put(id, new Point(originX + e.getX(), originY + e.getY())));
        return out;
    }
}
