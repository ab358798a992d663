package dev.symphony.ui.tabs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The editor groups' layout in the tab session: a group is its number, a split is
 * {@code {"split": "right"|"down", "items": [...], "dividers": [...]}}. Reading is lenient only in
 * that anything it does not understand means "one group" (the file is ours, but may be damaged).
 */
final class GroupLayoutJson {
    private static final int MAX_DEPTH = 16;

    private GroupLayoutJson() {
    }

    static JsonNode write(EditorGroups.Layout layout) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (layout.group() >= 0) {
            return json.numberNode(layout.group());
        }
        ObjectNode split = json.objectNode().put("split", layout.vertical() ? "down" : "right");
        layout.items().forEach(item -> split.withArray("items").add(write(item)));
        for (double divider : layout.dividers()) {
            split.withArray("dividers").add(divider);
        }
        return split;
    }

    /** The layout written by {@link #write}, or empty when {@code node} is missing or not one. */
    static Optional<EditorGroups.Layout> read(JsonNode node) {
        return read(node, 0);
    }

    private static Optional<EditorGroups.Layout> read(JsonNode node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (node.isInt() && node.asInt() >= 0) {
            return Optional.of(new EditorGroups.Layout(node.asInt(), false, List.of(), new double[0]));
        }
        String split = node.path("split").asText("");
        if (!split.equals("right") && !split.equals("down") || !node.path("items").isArray()) {
            return Optional.empty();
        }
        List<EditorGroups.Layout> items = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            Optional<EditorGroups.Layout> read = read(item, depth + 1);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            items.add(read.get());
        }
        JsonNode dividers = node.path("dividers");
        double[] positions = new double[dividers.size()];
        for (int i = 0; i < positions.length; i++) {
            if (!dividers.get(i).isNumber()) {
                return Optional.empty();
            }
            positions[i] = Math.max(0, Math.min(1, dividers.get(i).asDouble()));
        }
        return Optional.of(new EditorGroups.Layout(-1, split.equals("down"), items, positions));
    }
}
