package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One node: its id, type, JSON path in the file and its JSON (fields per type are documented in
 * conductor/docs/melody-format.md; the schema guarantees their types once the file validated).
 */
public record MelodyNode(String id, NodeType type, JsonNode json, String path, Melody body) {

    public String text(String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public JsonNode field(String field) {
        JsonNode v = json.get(field);
        return v == null ? MissingNode.getInstance() : v;
    }

    public boolean essential() {
        return json.path("essential").asBoolean(true);
    }

    public String join() {
        return json.path("join").asText("all");
    }

    public long timeoutMs(long fallback) {
        return json.path("timeoutMs").asLong(fallback);
    }

    public String extension() {
        return text("extension");
    }

    public String capability() {
        return text("capability");
    }

    /** True when Maestro chooses the extension (the node names a capability only). */
    public boolean maestro() {
        return type == NodeType.CALL && extension() == null;
    }

    public JsonNode onError() {
        return field("onError");
    }

    /** {@code onError}, typed. */
    public ErrorStrategy errorStrategy() {
        return ErrorStrategy.of(field("onError"));
    }

    /** The nodes withdrawn when this one finishes; {@code ["*"]} for {@code "cancels": "run"}. */
    public List<String> cancels() {
        JsonNode c = json.get("cancels");
        List<String> out = new ArrayList<>();
        if (c == null) {
            return out;
        }
        if (c.isTextual()) {
            out.add("*");
        } else {
            c.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /** Branch labels this node can choose (condition cases + default; approval: approved/rejected). */
    public List<String> branches() {
        List<String> out = new ArrayList<>();
        if (type == NodeType.CONDITION) {
            json.path("cases").forEach(c -> {
                if (!out.contains(c.path("branch").asText())) {
                    out.add(c.path("branch").asText());
                }
            });
            String d = json.path("default").asText(null);
            if (d != null && !out.contains(d)) {
                out.add(d);
            }
        } else if (type == NodeType.APPROVAL) {
            out.add("approved");
            out.add("rejected");
        }
        return out;
    }
}
