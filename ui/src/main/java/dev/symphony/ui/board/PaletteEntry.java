package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.CapabilitySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One kind of node the palette adds: a built-in node type or a capability of an installed extension (Instrument or
 * Operator), with its group, description, schemas and the node it adds (a new id is given when it is added).
 */
public record PaletteEntry(String group, String title, String description, JsonNode inputSchema, JsonNode outputSchema,
                           ObjectNode template) {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The id a new node of this kind starts from ({@code upper}, {@code upper_2}, …). */
    public String idBase() {
        String base = template.path("capability").asText(template.path("type").asText("node"));
        return base.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
    }

    /** Whether the entry matches every word of {@code query} (title, group, description; any case). */
    public boolean matches(String query) {
        String hay = (group + " " + title + " " + description).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty() && !hay.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The built-in nodes, each with the fields its schema requires filled in with a starting value. */
    public static List<PaletteEntry> builtins() {
        List<PaletteEntry> out = new ArrayList<>();
        out.add(builtin("input", "Input", "A run input (--input NAME=VALUE), checked against its schema",
                F.objectNode().put("type", "input").set("schema", F.objectNode().put("type", "string"))));
        out.add(builtin("output", "Output", "A run output rendered from a template", F.objectNode().put("type", "output").put("value", "")));
        ObjectNode condition = F.objectNode().put("type", "condition");
        condition.putArray("cases").addObject().put("when", "true").put("branch", "yes");
        out.add(builtin("condition", "Condition", "Exclusive choice: the first case whose expression holds names the branch", condition));
        ObjectNode loop = F.objectNode().put("type", "loop").put("maxIterations", 3);
        loop.putObject("body").putArray("nodes");
        out.add(builtin("loop", "Loop", "A bounded loop over an inline body", loop));
        out.add(builtin("approval", "Approval", "A checkpoint a person answers (yes continues, no fails the node)",
                F.objectNode().put("type", "approval").put("prompt", "Continue?")));
        out.add(builtin("melody", "Sub-Melody", "Another Melody file run as one node",
                F.objectNode().put("type", "melody").put("path", "other.melody.json")));
        return out;
    }

    private static PaletteEntry builtin(String type, String title, String description, ObjectNode template) {
        return new PaletteEntry("Built-in", title, description, null, null, template);
    }

    /** A capability of an extension; its input starts with the schema's defaults of the required properties. */
    public static PaletteEntry of(CapabilitySpec spec, String description) {
        ObjectNode node = F.objectNode().put("type", "call").put("extension", spec.extension()).put("capability", spec.capability());
        ObjectNode input = node.putObject("input");
        JsonNode schema = spec.inputSchema();
        if (schema != null) {
            for (JsonNode required : schema.path("required")) {
                JsonNode property = schema.path("properties").path(required.asText());
                input.set(required.asText(), property.has("default") ? property.get("default")
                        : property.path("enum").has(0) ? property.path("enum").get(0) : F.textNode(""));
            }
        }
        String kind = spec.kind() == null ? "operator" : spec.kind();
        String group = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "s";
        return new PaletteEntry(group, spec.capability() + " (" + spec.extension() + ")",
                description == null || description.isBlank() ? spec.extension() : description, schema,
                spec.outputSchema(), node);
    }
}
