package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.CapabilityCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the board draws, read from a Melody's JSON (valid or not: a half-written Melody still shows): nodes with
 * kind, title, typed ports and position; connections with their kind. Positions come from the file's
 * {@code layout} section, else a node's {@code position}, else a grid slot by index (not written to the file
 * until the node is moved or laid out).
 */
public record BoardGraph(List<BoardNode> nodes, List<BoardEdge> edges, Map<String, BoardNode> byId) {
    public static final double NODE_WIDTH = 190;
    public static final double NODE_HEIGHT = 64;
    static final double GRID_SLOT_X = 260;
    static final double GRID_SLOT_Y = 110;

    /** How a connection is drawn. */
    public enum EdgeKind {
        /** One after the other. */
        SEQUENTIAL,
        /** One of several unconditional connections leaving the same node: they run at once. */
        PARALLEL,
        /** Live only for a branch or when an expression holds (label: the branch or expression). */
        CONDITIONAL,
        /** Into a loop node (label: its bound). */
        LOOP,
        /** {@code kind: soft} or {@code optional}: does not need the source's output. */
        SOFT
    }

    /** One node; {@code inType}/{@code outType} are its ports' JSON types ({@code null}: it has no such port). */
    public record BoardNode(int index, String id, String type, String title, String detail, double x, double y,
                            boolean placed, String inType, String outType) {
        public boolean contains(double px, double py) {
            return px >= x && px <= x + NODE_WIDTH && py >= y && py <= y + NODE_HEIGHT;
        }

        /** Board coordinates of the output port (right edge) and the input port (left edge). */
        public double outX() {
            return x + NODE_WIDTH;
        }

        public double portY() {
            return y + NODE_HEIGHT / 2;
        }
    }

    /** Connection {@code index} of the file's {@code connections}. */
    public record BoardEdge(int index, String from, String to, EdgeKind kind, String label) {
    }

    public static BoardGraph of(JsonNode melody) {
        return of(melody, CapabilityCatalog.NONE);
    }

    /** The graph of {@code melody}; {@code catalog} gives call nodes' port types (their capabilities' schemas). */
    public static BoardGraph of(JsonNode melody, CapabilityCatalog catalog) {
        JsonNode layout = melody.path("layout");
        JsonNode ns = melody.path("nodes");
        List<BoardNode> nodes = new ArrayList<>(ns.size());
        Map<String, BoardNode> byId = new LinkedHashMap<>();
        for (int i = 0; i < ns.size(); i++) {
            JsonNode n = ns.get(i);
            String id = n.path("id").asText("node" + i);
            String type = n.path("type").asText("call");
            JsonNode at = layout.has(id) ? layout.get(id) : n.get("position");
            boolean placed = at != null && at.path("x").isNumber() && at.path("y").isNumber();
            double x = placed ? at.get("x").asDouble() : (i % 8) * GRID_SLOT_X;
            double y = placed ? at.get("y").asDouble() : (i / 8) * GRID_SLOT_Y;
            BoardNode node = new BoardNode(i, id, type, n.path("title").asText(id), detail(n, type), x, y, placed,
                    PortTypes.inputType(n, type, catalog), PortTypes.outputType(n, type, catalog));
            nodes.add(node);
            byId.putIfAbsent(id, node);
        }
        return new BoardGraph(List.copyOf(nodes), edges(melody.path("connections"), byId), byId);
    }

    private static List<BoardEdge> edges(JsonNode cs, Map<String, BoardNode> byId) {
        Map<String, Integer> plainOut = new HashMap<>();
        for (JsonNode c : cs) {
            if (!c.has("branch") && !c.has("when")) {
                plainOut.merge(c.path("from").asText(), 1, Integer::sum);
            }
        }
        List<BoardEdge> edges = new ArrayList<>(cs.size());
        for (int i = 0; i < cs.size(); i++) {
            JsonNode c = cs.get(i);
            String from = c.path("from").asText();
            String to = c.path("to").asText();
            EdgeKind kind;
            String label = null;
            BoardNode target = byId.get(to);
            if (c.has("branch") || c.has("when")) {
                kind = EdgeKind.CONDITIONAL;
                label = c.has("branch") ? c.get("branch").asText() : c.get("when").asText();
            } else if (target != null && target.type().equals("loop")) {
                kind = EdgeKind.LOOP;
                label = target.detail();
            } else if (!c.path("kind").asText("hard").equals("hard")) {
                kind = EdgeKind.SOFT;
                label = c.get("kind").asText();
            } else {
                kind = plainOut.getOrDefault(from, 0) > 1 ? EdgeKind.PARALLEL : EdgeKind.SEQUENTIAL;
            }
            edges.add(new BoardEdge(i, from, to, kind, label));
        }
        return List.copyOf(edges);
    }

    /** The line under the title: what the node calls or does. */
    private static String detail(JsonNode n, String type) {
        switch (type) {
            case "call":
                String cap = n.path("capability").asText("?");
                return n.has("extension") ? n.get("extension").asText() + " / " + cap : cap + " (Maestro)";
            case "loop":
                return "loop ≤ " + n.path("maxIterations").asText("?")
                        + (n.has("until") ? " until " + n.get("until").asText() : n.has("while") ? " while " + n.get("while").asText() : "");
            case "condition":
                return n.path("cases").size() + " case" + (n.path("cases").size() == 1 ? "" : "s");
            case "approval":
                return n.path("prompt").asText("");
            case "melody":
                return n.path("path").asText("");
            default:
                return type;
        }
    }

    /** The node whose box contains the point, topmost (last drawn) first; null if none. */
    public BoardNode nodeAt(double x, double y) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i).contains(x, y)) {
                return nodes.get(i);
            }
        }
        return null;
    }

    public BoardNode node(String id) {
        return byId.get(id);
    }
}
