package dev.symphony.ui.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.symphony.ui.board.MelodyEdits.Point;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copy and paste as Melody JSON: a copied selection is a small Melody of its own (the nodes, the connections among
 * them, their positions), so it can be pasted into another board, a text editor or a chat, and any Melody text can
 * be pasted onto the board. Pasted nodes whose ids are taken get fresh ids, and templates among the pasted nodes
 * ({@code ${extract.text}}) follow the rename.
 */
public final class BoardClipboard {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{([^}]*)}");

    private BoardClipboard() {
    }

    /** What a paste adds: nodes, connections and positions, ready for {@link MelodyEdits#add}. */
    public record Paste(List<ObjectNode> nodes, List<ObjectNode> connections, Map<String, Point> positions) {
        public List<String> ids() {
            return nodes.stream().map(n -> n.get("id").asText()).toList();
        }
    }

    /** The selected nodes of {@code melody} as a Melody document (pretty-printed JSON). */
    public static String copy(JsonNode melody, BoardGraph graph, Collection<String> ids) {
        ObjectNode out = JSON.createObjectNode();
        out.put("formatVersion", 1);
        out.put("name", "Copied from " + melody.path("name").asText("a Melody"));
        ArrayNode nodes = out.putArray("nodes");
        for (JsonNode n : melody.path("nodes")) {
            if (ids.contains(n.path("id").asText())) {
                nodes.add(n.deepCopy());
            }
        }
        ArrayNode connections = out.putArray("connections");
        for (JsonNode c : melody.path("connections")) {
            if (ids.contains(c.path("from").asText()) && ids.contains(c.path("to").asText())) {
                connections.add(c.deepCopy());
            }
        }
        ObjectNode layout = out.putObject("layout");
        for (BoardGraph.BoardNode n : graph.nodes()) {
            if (ids.contains(n.id())) {
                layout.set(n.id(), MelodyEdits.point(new Point(n.x(), n.y())));
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads pasted text: a Melody (or any object with a {@code nodes} array) or one node object. The pasted block's
     * top-left corner goes to {@code at}.
     *
     * @throws IllegalArgumentException with what is wrong, when the text is not Melody JSON
     */
    public static Paste paste(String text, Set<String> taken, Point at) {
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the clipboard does not hold Melody JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        JsonNode nodes = json != null && json.has("nodes") ? json.get("nodes")
                : json != null && json.has("id") && json.has("type") ? JSON.createArrayNode().add(json) : null;
        if (nodes == null || !nodes.isArray()) {
            throw new IllegalArgumentException("the clipboard holds JSON but no Melody nodes (a 'nodes' array or a node object)");
        }
        Set<String> used = new HashSet<>(taken);
        Map<String, String> renamed = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            if (!n.isObject() || !n.path("id").isTextual()) {
                throw new IllegalArgumentException("pasted node " + i + " has no 'id'");
            }
            String id = MelodyEdits.freeId(n.get("id").asText(), used);
            used.add(id);
            renamed.put(n.get("id").asText(), id);
        }
        List<ObjectNode> outNodes = new ArrayList<>();
        for (JsonNode n : nodes) {
            ObjectNode copy = (ObjectNode) rewrite(n, renamed);
            copy.put("id", renamed.get(n.get("id").asText()));
            outNodes.add(copy);
        }
        List<ObjectNode> outConnections = new ArrayList<>();
        for (JsonNode c : json.path("connections")) {
            if (c.isObject() && renamed.containsKey(c.path("from").asText()) && renamed.containsKey(c.path("to").asText())) {
                ObjectNode copy = (ObjectNode) rewrite(c, renamed);
                copy.put("from", renamed.get(c.get("from").asText()));
                copy.put("to", renamed.get(c.get("to").asText()));
                outConnections.add(copy);
            }
        }
        return new Paste(outNodes, outConnections, positions(json.path("layout"), renamed, at));
    }

    private static Map<String, Point> positions(JsonNode layout, Map<String, String> renamed, Point at) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (String old : renamed.keySet()) {
            if (layout.has(old)) {
                minX = Math.min(minX, layout.get(old).path("x").asDouble());
                minY = Math.min(minY, layout.get(old).path("y").asDouble());
            }
        }
        Map<String, Point> out = new HashMap<>();
        int slot = 0;
        for (Map.Entry<String, String> e : renamed.entrySet()) {
            JsonNode p = layout.get(e.getKey());
            out.put(e.getValue(), p != null
                    ? new Point(at.x() + p.path("x").asDouble() - minX, at.y() + p.path("y").asDouble() - minY)
                    : new Point(at.x() + (slot % 4) * BoardGraph.GRID_SLOT_X, at.y() + (slot / 4) * BoardGraph.GRID_SLOT_Y));
            slot++;
        }
        return out;
    }

    /** A copy of {@code v} with every template reference to a renamed node rewritten. */
    private static JsonNode rewrite(JsonNode v, Map<String, String> renamed) {
        if (v.isTextual()) {
            return TextNode.valueOf(rewriteTemplates(v.asText(), renamed));
        }
        if (v.isObject()) {
            ObjectNode o = JSON.createObjectNode();
            v.fields().forEachRemaining(e -> o.set(e.getKey(), rewrite(e.getValue(), renamed)));
            return o;
        }
        if (v.isArray()) {
            ArrayNode a = JSON.createArrayNode();
            v.forEach(e -> a.add(rewrite(e, renamed)));
            return a;
        }
        return v;
    }

    static String rewriteTemplates(String s, Map<String, String> renamed) {
        if (!s.contains("${")) {
            return s;
        }
        Matcher m = TEMPLATE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expr = m.group(1);
            for (Map.Entry<String, String> e : renamed.entrySet()) {
                if (!e.getKey().equals(e.getValue())) {
                    expr = expr.replaceAll("(?<![A-Za-z0-9_.\"'])" + Pattern.quote(e.getKey()) + "(?![A-Za-z0-9_])",
                            Matcher.quoteReplacement(e.getValue()));
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement("${" + expr + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
