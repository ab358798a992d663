package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.CapabilitySpec;
import java.util.Optional;

/**
 * The types shown on a node's ports and checked when two ports are connected: the JSON type(s) of the value a
 * node produces (an input node's {@code schema}, a node's {@code expects}, a call's capability output schema) and
 * what its input port accepts ({@code any}: nodes read their inputs through templates, a connection orders them). {@code null}: the
 * node has no such port (an input node takes nothing in, an output node passes nothing on).
 */
final class PortTypes {
    static final String ANY = "any";

    private PortTypes() {
    }

    static String outputType(JsonNode n, String type, CapabilityCatalog catalog) {
        if (type.equals("output")) {
            return null;
        }
        if (n.has("expects")) {
            return of(n.get("expects"));
        }
        if (type.equals("input")) {
            return of(n.get("schema"));
        }
        if (type.equals("call")) {
            return capability(n, catalog).map(c -> of(c.outputSchema())).orElse(ANY);
        }
        if (type.equals("condition") || type.equals("approval")) {
            return "branch";
        }
        return type.equals("loop") ? "object" : ANY;
    }

    /** Every node but an input reads what it needs through {@code ${...}} templates, so its port accepts any value. */
    static String inputType(JsonNode n, String type, CapabilityCatalog catalog) {
        return type.equals("input") ? null : ANY;
    }

    private static Optional<CapabilitySpec> capability(JsonNode n, CapabilityCatalog catalog) {
        if (!n.has("capability")) {
            return Optional.empty();
        }
        if (n.has("extension")) {
            return catalog.find(n.get("extension").asText(), n.get("capability").asText());
        }
        var offers = catalog.offering(n.get("capability").asText(), n.path("kind").asText(null));
        return offers.size() == 1 ? Optional.of(offers.get(0)) : Optional.empty();
    }

    /** The schema's {@code type} ({@code a|b} for several; integer is a number); {@code any} when it says none. */
    static String of(JsonNode schema) {
        if (schema == null || !schema.has("type")) {
            return ANY;
        }
        JsonNode t = schema.get("type");
        if (t.isArray()) {
            StringBuilder b = new StringBuilder();
            t.forEach(e -> b.append(b.length() == 0 ? "" : "|").append(norm(e.asText())));
            return b.toString();
        }
        return norm(t.asText());
    }

    private static String norm(String t) {
        return t.equals("integer") ? "number" : t;
    }
}
