package dev.symphony.ui.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.MelodySchema;
import dev.symphony.conductor.melody.NodeSpec;
import dev.symphony.conductor.melody.NodeType;
import dev.symphony.conductor.melody.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs a Melody declares (its {@code input} nodes) as typed fields, and turning what a person typed into the
 * run's inputs: text for a string, a number for a number or integer, true/false for a boolean, one of the values for
 * an enum, JSON otherwise; each value checked against the input's schema. No JavaFX here: {@link RunInputsForm}
 * shows it.
 */
public final class RunInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How an input is typed in. */
    public enum Kind { TEXT, NUMBER, INTEGER, BOOLEAN, CHOICE, JSON }

    /** One declared input: its id, its schema (may be null), its default (may be null) and how it is typed in. */
    public record Field(String id, String title, JsonNode schema, JsonNode defaultValue, Kind kind, List<String> choices) {
        /** What the field starts with: the default as the person would type it, else empty. */
        public String initialText() {
            if (defaultValue == null || defaultValue.isNull()) {
                return "";
            }
            return defaultValue.isTextual() ? defaultValue.asText() : defaultValue.toString();
        }

        public boolean required() {
            return defaultValue == null;
        }
    }

    private RunInputs() {
    }

    /** The Melody's top-level input nodes, in the order the file lists them. */
    public static List<Field> of(Melody melody) {
        List<Field> out = new ArrayList<>();
        for (MelodyNode n : melody.nodes()) {
            if (n.type() != NodeType.INPUT) {
                continue;
            }
            NodeSpec.Input spec = (NodeSpec.Input) n.spec();
            JsonNode schema = spec.schema();
            List<String> choices = new ArrayList<>();
            Kind kind = Kind.JSON;
            if (schema != null && schema.path("enum").isArray()) {
                schema.path("enum").forEach(v -> choices.add(v.isTextual() ? v.asText() : v.toString()));
                kind = Kind.CHOICE;
            } else if (schema != null) {
                kind = switch (schema.path("type").asText("")) {
                    case "string" -> Kind.TEXT;
                    case "number" -> Kind.NUMBER;
                    case "integer" -> Kind.INTEGER;
                    case "boolean" -> Kind.BOOLEAN;
                    default -> Kind.JSON;
                };
            }
            String title = n.json().path("title").asText(n.id());
            out.add(new Field(n.id(), title, schema, spec.defaultValue(), kind, List.copyOf(choices)));
        }
        return out;
    }

    /**
     * What {@code text} typed into {@code field} means as a value: the JSON value, or an {@link IllegalArgumentException}
     * saying what is wrong with it in words, naming the input. An empty field of an input with a default takes the
     * default (null is returned: the conductor uses the default).
     */
    public static JsonNode value(Field field, String text) {
        String t = text == null ? "" : text;
        if (t.isBlank() && field.kind() != Kind.TEXT) {
            if (field.required()) {
                throw new IllegalArgumentException("input '" + field.id() + "' is required");
            }
            return null;
        }
        JsonNode value = switch (field.kind()) {
            case TEXT -> JsonNodeFactory.instance.textNode(t);
            case NUMBER -> number(field, t.strip(), false);
            case INTEGER -> number(field, t.strip(), true);
            case BOOLEAN -> switch (t.strip()) {
                case "true" -> JsonNodeFactory.instance.booleanNode(true);
                case "false" -> JsonNodeFactory.instance.booleanNode(false);
                default -> throw new IllegalArgumentException("input '" + field.id() + "' must be true or false, not '" + t + "'");
            };
            case CHOICE -> choice(field, t);
            case JSON -> json(field, t);
        };
        List<Problem> problems = field.schema() == null ? List.of()
                : MelodySchema.problems(field.schema(), value, "$");
        if (!problems.isEmpty()) {
            Problem p = problems.get(0);
            throw new IllegalArgumentException("input '" + field.id() + "' does not match its schema: "
                    + ("$".equals(p.path()) ? "" : p.path() + ": ") + p.message());
        }
        return value;
    }

    /** The run's inputs from every field's text, or every problem (one per input, in order) as the exception's lines. */
    public static ObjectNode inputs(List<Field> fields, List<String> texts) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            try {
                JsonNode v = value(fields.get(i), texts.get(i));
                if (v != null) {
                    out.set(fields.get(i).id(), v);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return out;
    }

    private static JsonNode number(Field field, String t, boolean integer) {
        try {
            JsonNode v = JSON.readTree(t);
            if (v != null && v.isNumber() && (!integer || v.isIntegralNumber()) && t.matches("-?[0-9][0-9.eE+-]*")) {
                return v;
            }
        } catch (java.io.IOException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("input '" + field.id() + "' must be " + (integer ? "a whole number" : "a number")
                + ", not '" + t + "'");
    }

    private static JsonNode choice(Field field, String t) {
        for (JsonNode v : field.schema().path("enum")) {
            if ((v.isTextual() ? v.asText() : v.toString()).equals(t)) {
                return v;
            }
        }
        throw new IllegalArgumentException("input '" + field.id() + "' must be one of " + field.choices() + ", not '" + t + "'");
    }

    private static JsonNode json(Field field, String t) {
        try {
            return JSON.readTree(t);
        } catch (java.io.IOException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("input '" + field.id() + "' is not JSON: " + why);
        }
    }
}
