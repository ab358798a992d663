package dev.symphony.agent.melody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.agent.UnifiedDiff;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The edits a Melody's agent phases made and nobody has applied yet: per file (relative, {@code /}) its text on disk
 * when first staged ({@code before}) and its staged text ({@code after}). It travels from node to node as JSON —
 * {@code {"changes": [{"path", "before", "after"}]}}, a node's {@code stage} output — so a later phase sees it, an
 * approval node shows its {@link #diff}, and the {@code apply} node writes it. Anything read back is checked: a path
 * must stay inside the workspace.
 */
final class Stage {
    record Change(String before, String after) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Change> changes = new TreeMap<>();

    /** The stage a node's input carries ({@code null} or missing: an empty one). */
    static Stage from(JsonNode json) {
        Stage s = new Stage();
        if (json == null || json.isNull() || json.isMissingNode()) {
            return s;
        }
        JsonNode list = json.path("changes");
        if (!json.isObject() || !list.isArray()) {
            throw new IllegalArgumentException("stage: expected {\"changes\": [...]} (a phase's stage output), got " + abbreviate(json));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            if (!c.path("path").isTextual() || !c.path("before").isTextual() || !c.path("after").isTextual()) {
                throw new IllegalArgumentException("stage.changes[" + i + "]: needs path, before and after (strings)");
            }
            s.changes.put(relative(c.get("path").asText(), "stage.changes[" + i + "].path"), new Change(c.get("before").asText(), c.get("after").asText()));
        }
        return s;
    }

    /** {@code path} as a normalized relative path inside the workspace, else {@link IllegalArgumentException} naming {@code where}. */
    static String relative(String path, String where) {
        java.nio.file.Path p = java.nio.file.Path.of(path).normalize();
        if (p.isAbsolute() || p.toString().isEmpty() || p.startsWith("..")) {
            throw new IllegalArgumentException(where + ": '" + path + "' is not a path inside the workspace");
        }
        return p.toString().replace('\\', '/');
    }

    synchronized String after(String path) {
        Change c = changes.get(path);
        return c == null ? null : c.after();
    }

    /** Records {@code after} as {@code path}'s text; {@code before} is kept from its first staging. */
    synchronized void put(String path, String before, String after) {
        Change was = changes.get(path);
        String original = was == null ? before : was.before();
        if (original.equals(after)) {
            changes.remove(path);
        } else {
            changes.put(path, new Change(original, after));
        }
    }

    synchronized Map<String, Change> changes() {
        return Collections.unmodifiableMap(new TreeMap<>(changes));
    }

    /** Relative path → staged text, what commands see over the workspace. */
    synchronized Map<String, String> texts() {
        Map<String, String> out = new TreeMap<>();
        changes.forEach((p, c) -> out.put(p, c.after()));
        return out;
    }

    /** Every change as a unified diff, for the person at the approval node and for the model. */
    synchronized String diff() {
        StringBuilder b = new StringBuilder();
        changes.forEach((p, c) -> b.append(UnifiedDiff.of(p, c.before(), c.after())).append('\n'));
        return b.toString().stripTrailing();
    }

    synchronized ObjectNode toJson() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("changes");
        changes.forEach((p, c) -> list.addObject().put("path", p).put("before", c.before()).put("after", c.after()));
        return out;
    }

    private static String abbreviate(JsonNode json) {
        String s = json.toString();
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
