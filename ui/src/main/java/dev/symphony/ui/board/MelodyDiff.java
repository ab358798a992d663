package dev.symphony.ui.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of a Melody, by meaning rather than by line: nodes added, removed and changed
 * (each change a JSON path with its old and new value), nodes moved (the {@code layout} section or a node's
 * {@code position}), connections added and removed, and the Melody's other settings (name, triggers, limits, …)
 * changed. Nodes are matched by {@code id}, connections by their whole JSON object.
 */
record MelodyDiff(List<String> addedNodes, List<String> removedNodes, Map<String, List<String>> changedNodes,
                  List<String> movedNodes, List<String> addedConnections, List<String> removedConnections,
                  List<String> changedSettings) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VALUE = 60;

    /** Nothing changed (moves included). */
    boolean isEmpty() {
        return addedNodes.isEmpty() && removedNodes.isEmpty() && changedNodes.isEmpty() && movedNodes.isEmpty()
                && addedConnections.isEmpty() && removedConnections.isEmpty() && changedSettings.isEmpty();
    }

    /** From {@code before} to {@code after}; {@code what} names each side in the error when one is not JSON. */
    static MelodyDiff between(String before, String after, String beforeName, String afterName) {
        JsonNode a = read(before, beforeName);
        JsonNode b = read(after, afterName);
        Map<String, JsonNode> na = nodes(a);
        Map<String, JsonNode> nb = nodes(b);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (String id : nb.keySet()) {
            if (!na.containsKey(id)) {
                added.add(id);
            }
        }
        for (var e : na.entrySet()) {
            JsonNode now = nb.get(e.getKey());
            if (now == null) {
                removed.add(e.getKey());
            } else {
                List<String> lines = new ArrayList<>();
                compare("", without(e.getValue(), "position"), without(now, "position"), lines);
                if (!lines.isEmpty()) {
                    changed.put(e.getKey(), lines);
                }
            }
        }
        List<String> moved = new ArrayList<>();
        for (String id : nb.keySet()) {
            if (na.containsKey(id) && !position(a, na.get(id), id).equals(position(b, nb.get(id), id))) {
                moved.add(id);
            }
        }
        Set<String> ca = connections(a);
        Set<String> cb = connections(b);
        List<String> addedC = cb.stream().filter(c -> !ca.contains(c)).toList();
        List<String> removedC = ca.stream().filter(c -> !cb.contains(c)).toList();
        List<String> settings = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            if (!k.equals("nodes") && !k.equals("connections") && !k.equals("layout")) {
                compare(k, a.get(k), b.get(k), settings);
            }
        }
        return new MelodyDiff(added, removed, changed, moved, addedC, removedC, settings);
    }

    /** The diff as lines a person reads ("+ node x", "~ node y: input.text: "a" → "b"", …). */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        addedNodes.forEach(n -> out.add("+ node " + n));
        removedNodes.forEach(n -> out.add("− node " + n));
        changedNodes.forEach((n, l) -> l.forEach(c -> out.add("~ node " + n + ": " + c)));
        movedNodes.forEach(n -> out.add("↔ node " + n + " moved"));
        addedConnections.forEach(c -> out.add("+ connection " + c));
        removedConnections.forEach(c -> out.add("− connection " + c));
        changedSettings.forEach(s -> out.add("~ setting " + s));
        return out;
    }

    private static JsonNode read(String text, String name) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException(name + " is not a JSON object; it cannot be compared");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " is not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "); it cannot be compared", e);
        }
    }

    private static Map<String, JsonNode> nodes(JsonNode melody) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode n : melody.path("nodes")) {
            out.put(n.path("id").asText(), n);
        }
        return out;
    }

    private static JsonNode without(JsonNode node, String field) {
        return node.isObject() ? ((com.fasterxml.jackson.databind.node.ObjectNode) node.deepCopy()).without(field) : node;
    }

    private static String position(JsonNode melody, JsonNode node, String id) {
        JsonNode p = melody.path("layout").path(id);
        return (p.isMissingNode() ? node.path("position") : p).toString();
    }

    private static Set<String> connections(JsonNode melody) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode c : melody.path("connections")) {
            StringBuilder s = new StringBuilder(c.path("from").asText() + " → " + c.path("to").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
                var f = it.next();
                if (!f.getKey().equals("from") && !f.getKey().equals("to")) {
                    s.append(' ').append(f.getKey()).append('=').append(f.getValue());
                }
            }
            out.add(s.toString());
        }
        return out;
    }

    /** Adds "path: old → new" for each leaf that differs (objects compared field by field, arrays whole). */
    private static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && b != null && a.equals(b)) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                compare(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
            }
            return;
        }
        out.add(path + ": " + show(a) + " → " + show(b));
    }

    private static String show(JsonNode v) {
        if (v == null) {
            return "(none)";
        }
        String s = v.toString();
        return s.length() <= MAX_VALUE ? s : s.substring(0, MAX_VALUE - 1) + "…";
    }
}
