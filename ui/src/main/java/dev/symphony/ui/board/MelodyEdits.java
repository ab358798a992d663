package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.MelodyDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The board's edits of a Melody, each through the conductor's {@link MelodyDocument} so only the edited values' characters
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
    public static MelodyDocument move(MelodyDocument text, Map<String, Point> moved) {
        if (moved.isEmpty()) {
            return text;
        }
        JsonNode layout = text.tree().get("layout");
        if (layout == null || !layout.isObject() || moved.size() > WHOLE_LAYOUT_ABOVE) {
            ObjectNode all = layout != null && layout.isObject() ? ((ObjectNode) layout).deepCopy() : F.objectNode();
            moved.forEach((id, p) -> all.set(id, point(p)));
            return text.set("/layout", all);
        }
        MelodyDocument out = text;
        for (Map.Entry<String, Point> e : moved.entrySet()) {
            out = out.set("/layout/" + escape(e.getKey()), point(e.getValue()));
        }
        return out;
    }

    static ObjectNode point(Point p) {
        return F.objectNode().put("x", Math.round(p.x())).put("y", Math.round(p.y()));
    }

    /** Appends nodes (and connections among them, and their positions) at the end of the Melody's lists. */
    public static MelodyDocument add(MelodyDocument text, List<? extends JsonNode> nodes, List<? extends JsonNode> connections,
                                 Map<String, Point> positions) {
        MelodyDocument out = text;
        for (JsonNode node : nodes) {
            out = append(out, "nodes", node);
        }
        for (JsonNode connection : connections) {
            out = append(out, "connections", connection);
        }
        return move(out, positions);
    }

    /** Connects {@code from}'s output to {@code to}'s input (a plain, sequential connection). */
    public static MelodyDocument connect(MelodyDocument text, String from, String to) {
        return add(text, List.of(), List.of(F.objectNode().put("from", from).put("to", to)), Map.of());
    }

    /** Removes the nodes, every connection touching them, their positions, and the connections listed by index. */
    public static MelodyDocument remove(MelodyDocument text, Collection<String> ids, Collection<Integer> connections)
            {
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
        MelodyDocument out = text;
        for (int i = edgeIndexes.size() - 1; i >= 0; i--) { // from the end: earlier indexes stay valid
            out = out.remove("/connections/" + edgeIndexes.get(i));
        }
        for (int i = nodeIndexes.size() - 1; i >= 0; i--) {
            out = out.remove("/nodes/" + nodeIndexes.get(i));
        }
        for (String id : gone) {
            if (out.tree().path("layout").has(id)) {
                out = out.remove("/layout/" + escape(id));
            }
        }
        return out;
    }

    /** Sets (or adds) the value at a JSON pointer; {@code null} removes it. */
    public static MelodyDocument set(MelodyDocument text, String pointer, JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return text.tree().at(pointer).isMissingNode() ? text : text.remove(pointer);
        }
        return text.set(pointer, value);
    }

    /** Appends {@code value} to the top-level array {@code name} (made if missing). */
    private static MelodyDocument append(MelodyDocument doc, String name, JsonNode value) {
        JsonNode array = doc.tree().get(name);
        return array == null || !array.isArray() ? doc.set("/" + name, F.arrayNode().add(value))
                : doc.set("/" + name + "/" + array.size(), value);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
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
