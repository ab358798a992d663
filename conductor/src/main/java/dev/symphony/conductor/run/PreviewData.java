package dev.symphony.conductor.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mock data for preview mode: the smallest value valid against a capability's output schema (required
 * properties only; strings say "preview of NODE"; first enum value; minimum numbers). A node's pinned
 * {@code preview} value wins over this.
 */
final class PreviewData {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PreviewData() {
    }

    static JsonNode mock(JsonNode schema, String node) {
        return mock(schema, node, 0);
    }

    private static JsonNode mock(JsonNode schema, String node, int depth) {
        if (schema == null || !schema.isObject() || depth > 8) {
            return F.objectNode().put("preview", node);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        JsonNode t = schema.get("type");
        String type = t == null ? (schema.has("properties") ? "object" : "") : t.isArray() ? t.get(0).asText() : t.asText();
        switch (type) {
            case "string":
                return F.textNode("preview of " + node);
            case "integer":
            case "number":
                return F.numberNode(schema.path("minimum").asLong(0));
            case "boolean":
                return F.booleanNode(true);
            case "null":
                return F.nullNode();
            case "array": {
                ArrayNode a = F.arrayNode();
                int n = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < n; i++) {
                    a.add(mock(schema.get("items"), node, depth + 1));
                }
                return a;
            }
            case "object": {
                ObjectNode o = F.objectNode();
                JsonNode props = schema.path("properties");
                schema.path("required").forEach(r -> o.set(r.asText(), mock(props.get(r.asText()), node, depth + 1)));
                return o;
            }
            default:
                return F.objectNode().put("preview", node);
        }
    }
}
