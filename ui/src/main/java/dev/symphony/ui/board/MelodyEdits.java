package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.MelodyText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The board's edits of a Melody's text, each through {@link MelodyText} so only the edited values' characters
 * change: node positions (the {@code layout} section), adding and removing nodes and connections, setting one
 * value. Positions are written as whole numbers.
 */
public final class MelodyEdits {
    /**
     * Above this many moved nodes the {@code layout} section is written anew in one piece instead of one entry at a
     * time (each entry is one pass over the text).
     */
    static final int WHOLE_LAYOUT_ABOVE = 40;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MelodyEdits() {
    }

    /** A node's position in board units. */
    public record Point(double x, double y) {
    }

    /** Sets the positions of the nodes in {@code moved} (node id → position). */
    public static MelodyText move(MelodyText text, Map<String, Point> moved) throws IOException {
        if (moved.isEmpty()) {
            return text;
        }
        JsonNode layout = text.tree().get("layout");
        if (layout == null || !layout.isObject() || moved.size() > WHOLE_LAYOUT_ABOVE) {
            ObjectNode all = layout != null && layout.isObject() ? ((ObjectNode) layout).deepCopy() : F.objectNode();
            moved.forEach((id, p) -> all.set(id, point(p)));
            return text.with("/layout", all);
        }
        MelodyText out = text;
        for (Map.Entry<String, Point> e : moved.entrySet()) {
            out = out.with("/layout/" + e.getKey(), point(e.getValue()));
        }
        return out;
    }

    static ObjectNode point(Point p) {
        return F.objectNode().put("x", Math.round(p.x())).put("y", Math.round(p.y()));
    }

    /** Appends nodes (and connections among them, and their positions) at the end of the Melody's lists. */
    public static MelodyText add(MelodyText text, List<? extends JsonNode> nodes, List<? extends JsonNode> connections,
                                 Map<String, Point> positions) throws IOException {
        MelodyText out = text;
        int n = out.tree().path("nodes").size();
        if (!out.has("/nodes")) {
            out = out.with("/nodes", F.arrayNode());
        }
        for (JsonNode node : nodes) {
            out = out.with("/nodes/" + n++, node);
        }
        if (!connections.isEmpty()) {
            if (!out.has("/connections")) {
                out = out.with("/connections", F.arrayNode());
            }
            int c = out.tree().path("connections").size();
            for (JsonNode connection : connections) {
                out = out.with("/connections/" + c++, connection);
            }
        }
        return move(out, positions);
    }

    /** Connects {@code from}'s output to {@code to}'s input (a plain, sequential connection). */
    public static MelodyText connect(MelodyText text, String from, String to) throws IOException {
        return add(text, List.of(), List.of(F.objectNode().put("from", from).put("to", to)), Map.of());
    }

    /** Removes the nodes, every connection touching them, their positions, and the connections listed by index. */
    public static MelodyText remove(MelodyText text, Collection<String> ids, Collection<Integer> connections)
            throws IOException {
        Set<String> gone = new HashSet<>(ids);
        JsonNode tree = text.tree();
        List<Integer> edgeIndexes = new ArrayList<>();
        JsonNode cs = tree.path("connections");
        for (int i = 0; i < cs.size(); i++) {
            if (connections.contains(i) || gone.contains(cs.get(i).path("from").asText())
                    || gone.contains(cs.get(i).path("to").asText())) {
                edgeIndexes.add(i);
            }
        }
        List<Integer> nodeIndexes = new ArrayList<>();
        JsonNode ns = tree.path("nodes");
        for (int i = 0; i < ns.size(); i++) {
            if (gone.contains(ns.get(i).path("id").asText())) {
                nodeIndexes.add(i);
            }
        }
        MelodyText out = text;
        for (int i = edgeIndexes.size() - 1; i >= 0; i--) { // from the end: earlier indexes stay valid
            out = out.without("/connections/" + edgeIndexes.get(i));
        }
        for (int i = nodeIndexes.size() - 1; i >= 0; i--) {
            out = out.without("/nodes/" + nodeIndexes.get(i));
        }
        for (String id : gone) {
            if (out.has("/layout/" + id)) {
                out = out.without("/layout/" + id);
            }
        }
        return out;
    }

    /** Sets (or adds) the value at a JSON pointer; {@code null} removes it. */
    public static MelodyText set(MelodyText text, String pointer, JsonNode value) throws IOException {
        if (value == null || value.isMissingNode()) {
            return text.has(pointer) ? text.without(pointer) : text;
        }
        return text.with(pointer, value);
    }

    /** An id not used in {@code taken}: {@code base}, else {@code base_2}, {@code base_3}, … */
    public static String freeId(String base, Set<String> taken) {
        String clean = base.replaceAll("[^A-Za-z0-9_]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0)) && clean.charAt(0) != '_') {
            clean = "n_" + clean;
        }
        if (clean.length() > 56) {
            clean = clean.substring(0, 56);
        }
        if (!taken.contains(clean)) {
            return clean;
        }
        String stem = clean.replaceAll("_\\d+$", "");
        for (int i = 2; ; i++) {
            if (!taken.contains(stem + "_" + i)) {
                return stem + "_" + i;
            }
        }
    }
}
