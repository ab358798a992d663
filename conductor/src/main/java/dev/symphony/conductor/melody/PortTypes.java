package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.expr.Expr;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Port types for "type mismatch between connected ports": the JSON types a node's output can have at a
 * path (from the capability's output schema, an input node's schema or a node's {@code expects}), and
 * what a capability's input property accepts. Unknown = empty set = not checked.
 */
final class PortTypes {
    private PortTypes() {
    }

    /** JSON types allowed by {@code schema} ({@code integer} counts as {@code number}); empty if unknown. */
    static Set<String> types(JsonNode schema) {
        Set<String> out = new LinkedHashSet<>();
        if (schema == null || !schema.isObject()) {
            return out;
        }
        JsonNode t = schema.get("type");
        if (t != null && t.isTextual()) {
            out.add(norm(t.asText()));
        } else if (t != null && t.isArray()) {
            t.forEach(e -> out.add(norm(e.asText())));
        } else if (schema.has("enum")) {
            schema.get("enum").forEach(e -> out.add(typeOf(e)));
        } else if (schema.has("const")) {
            out.add(typeOf(schema.get("const")));
        }
        return out;
    }

    private static String norm(String t) {
        return t.equals("integer") ? "number" : t;
    }

    private static String typeOf(JsonNode v) {
        return v.isTextual() ? "string" : v.isNumber() ? "number" : v.isBoolean() ? "boolean"
                : v.isArray() ? "array" : v.isObject() ? "object" : "null";
    }

    /** The sub-schema at {@code path} (field names and indexes) of a value described by {@code schema}. */
    static JsonNode at(JsonNode schema, List<Object> path) {
        JsonNode s = schema;
        for (Object step : path) {
            if (s == null || !s.isObject()) {
                return null;
            }
            s = step instanceof Integer ? s.get("items") : s.path("properties").get((String) step);
        }
        return s;
    }

    /** The schema of node {@code source}'s output, if the Melody or the catalog says. */
    static JsonNode outputSchema(MelodyNode source, CapabilityCatalog catalog) {
        if (source.spec() instanceof NodeSpec.Input in) {
            return in.schema();
        }
        NodeSpec.Call c = source.call();
        if (c == null) {
            return null;
        }
        if (c.expects() != null) {
            return c.expects();
        }
        if (c.forEach() != null) {
            return null; // an array of per-item outputs
        }
        if (!c.maestro()) {
            return catalog.find(c.extension(), c.capability()).map(CapabilitySpec::outputSchema).orElse(null);
        }
        List<CapabilitySpec> offers = catalog.offering(c.capability(), c.kind());
        return offers.size() == 1 ? offers.get(0).outputSchema() : null;
    }

    /** A mismatch message, or null, for {@code ref} feeding a port that accepts {@code targetSchema}. */
    static String mismatch(Expr.Reference ref, MelodyNode source, CapabilityCatalog catalog, JsonNode targetSchema,
                           String targetName) {
        JsonNode out = outputSchema(source, catalog);
        if (out == null) {
            return null;
        }
        Set<String> from = types(at(out, ref.path()));
        Set<String> to = types(targetSchema);
        if (from.isEmpty() || to.isEmpty()) {
            return null;
        }
        for (String t : from) {
            if (to.contains(t) || t.equals("null")) {
                return null;
            }
        }
        String what = ref.root() + (ref.path().isEmpty() ? "" : "." + ref.pathText());
        return "type mismatch: '" + what + "' is " + String.join("|", from) + " but " + targetName + " expects "
                + String.join("|", to);
    }
}
