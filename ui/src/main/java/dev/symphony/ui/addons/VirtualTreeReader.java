package dev.symphony.ui.addons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an extension's JSON into a checked {@link VNode} tree, off the JavaFX thread. Everything from an extension is
 * hostile: unknown components, duplicate or missing ids, props of the wrong type, texts over {@link #MAX_TEXT}
 * characters, leaves with children, too deep or too large trees are refused with the JSON path of the first problem.
 */
public final class VirtualTreeReader {
    public static final int MAX_DEPTH = 64;
    public static final int MAX_NODES = 200_000;
    /** The longest text a prop may hold (a longer one would stall the JavaFX thread's layout, not inform anyone). */
    public static final int MAX_TEXT = 1_000_000;
    private final Set<String> ids = new HashSet<>();

    private VirtualTreeReader() {
    }

    public static VNode read(JsonNode json) throws BadTreeException {
        return new VirtualTreeReader().node(json, At.ROOT, 0, null);
    }

    /**
     * Where a node is, as a JSON path ({@code $.children[2].children[0]}) built only for a message: a path written for
     * every node, and a map and a list for every leaf, held a good tree of 10,000 rows at 11 ms to read (7 without).
     */
    private record At(At parent, int child) {
        static final At ROOT = new At(null, -1);

        @Override
        public String toString() {
            return parent == null ? "$" : parent + ".children[" + child + "]";
        }
    }

    private VNode node(JsonNode n, At at, int depth, String parent) throws BadTreeException {
        if (n == null || !n.isObject()) {
            throw new BadTreeException(at.toString(), "a node must be an object with id and component");
        }
        if (depth > MAX_DEPTH) {
            throw new BadTreeException(at.toString(), "deeper than " + MAX_DEPTH + " levels");
        }
        String id = string(n, at, "id");
        if (id.length() > 200) {
            throw new BadTreeException(at + ".id", "longer than 200 characters");
        }
        if (!ids.add(id)) {
            throw new BadTreeException(at + ".id", "duplicate id '" + id + "' (ids must be unique in a tree)");
        }
        if (ids.size() > MAX_NODES) {
            throw new BadTreeException(at.toString(), "more than " + MAX_NODES + " nodes");
        }
        String component = string(n, at, "component");
        if (!Components.known(component)) {
            throw new BadTreeException(at + ".component", "unknown component '" + component + "'");
        }
        if (Components.TREE_ITEM.equals(component) != ("tree".equals(parent) || Components.TREE_ITEM.equals(parent))) {
            throw new BadTreeException(at + ".component", Components.TREE_ITEM.equals(component)
                    ? "a treeItem belongs in a tree" : "a tree holds only treeItems, not '" + component + "'");
        }
        JsonNode props = n.get("props");
        if (props != null && !props.isNull() && !props.isObject()) {
            throw new BadTreeException(at + ".props", "must be an object");
        }
        ObjectNode p = props == null || props.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : (ObjectNode) props;
        for (var prop : p.properties()) {
            if (prop.getValue().isTextual() && prop.getValue().textValue().length() > MAX_TEXT) {
                throw new BadTreeException(at + ".props." + prop.getKey(), "longer than " + MAX_TEXT + " characters");
            }
        }
        for (var required : Components.REQUIRED.getOrDefault(component, Map.of()).entrySet()) {
            JsonNode v = p.get(required.getKey());
            if (v == null || !typeIs(v, required.getValue())) {
                throw new BadTreeException(at + ".props." + required.getKey(), "a " + component + " needs "
                        + (required.getValue().equals("array") ? "an " : "a ") + required.getValue());
            }
        }
        JsonNode h = n.path("handlers");
        Map<String, String> handlers = h.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (int i = 0; i < h.size(); i++) {
            String hat = at + ".handlers[" + i + "]";
            handlers.put(string(h.get(i), hat, "event"), string(h.get(i), hat, "action"));
        }
        JsonNode c = n.get("children");
        if (c == null || c.isNull() || c.isArray() && c.isEmpty()) {
            return new VNode(id, component, p, List.of(), handlers);
        }
        if (!c.isArray()) {
            throw new BadTreeException(at + ".children", "must be an array");
        }
        if (Components.LEAVES.contains(component)) {
            throw new BadTreeException(at + ".children", "a " + component + " has no children");
        }
        List<VNode> children = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            children.add(node(c.get(i), new At(at, i), depth + 1, component));
        }
        return new VNode(id, component, p, children, handlers);
    }

    private static boolean typeIs(JsonNode v, String type) {
        return switch (type) {
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "array" -> v.isArray();
            default -> v.isBoolean();
        };
    }

    private static String string(JsonNode n, Object at, String field) throws BadTreeException {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new BadTreeException(at + "." + field, "a non-empty string is required");
        }
        return v.asText();
    }
}
