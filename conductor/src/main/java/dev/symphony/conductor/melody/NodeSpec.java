package dev.symphony.conductor.melody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's kind-specific fields, typed: one record per {@link NodeType}, built once from the node's JSON when
 * the Melody is read (the schema guarantees the types; {@link NodeRules} checks them against the rest of the
 * Melody). The executor reads these records, never the node's JSON by field name, so the meaning of a field
 * lives here beside {@code melody.schema.json}. The fields every kind shares are {@link NodeCommon}.
 * A JSON template ({@code input}, {@code value}, {@code inputs}, {@code prompt}, {@code details}) stays JSON:
 * it is rendered against the run's outputs when the node starts.
 */
public sealed interface NodeSpec {

    /**
     * A capability call: a fixed {@code extension}, or Maestro's choice among the providers of
     * {@code capability} (of {@code kind}, when set). {@code forEach}: one instance per item, at most
     * {@code maxParallel} at once (null: the run's concurrency limit).
     */
    record Call(String extension, String capability, String kind, JsonNode input, String forEach, Integer maxParallel,
                Gate gate, JsonNode expects, JsonNode preview, ErrorStrategy onError)
            implements NodeSpec {
        /** True when Maestro chooses the extension (the node names a capability only). */
        public boolean maestro() {
            return extension == null;
        }
    }

    /** A run input: {@code schema} checks the value, {@code defaultValue} stands in when none is given (null: required). */
    record Input(JsonNode schema, JsonNode defaultValue) implements NodeSpec {
    }

    /** A run output: the template {@code value}, rendered. */
    record Output(JsonNode value) implements NodeSpec {
    }

    /** Exclusive choice: the first case that holds names the branch; else {@code defaultBranch} (null: the node fails). */
    record Condition(List<Case> cases, String defaultBranch) implements NodeSpec {
        public record Case(String when, String branch) {
        }
    }

    /** A structured loop over {@code body}: at most {@code maxIterations}; {@code failOnLimit}: reaching it fails the node. */
    record Loop(int maxIterations, String until, String whileExpr, boolean failOnLimit, JsonNode inputs, Melody body)
            implements NodeSpec {
    }

    /** A checkpoint a person answers: the {@code prompt} template, optional {@code details} template. */
    record Approval(JsonNode prompt, JsonNode details) implements NodeSpec {
    }

    /** Another Melody file ({@code path}, relative to this one) run as one node with the {@code inputs} template. */
    record SubMelody(String path, JsonNode inputs) implements NodeSpec {
    }

    /** A quality gate: {@code schema} (the output must be valid), {@code score} expression with {@code minScore}. */
    record Gate(JsonNode schema, String score, double minScore) {
    }

    /** Builds the record of a schema-valid node. */
    static NodeSpec of(NodeType type, JsonNode json, Melody body) {
        return switch (type) {
            case CALL -> {
                JsonNode g = json.get("gate");
                Gate gate = g == null ? null : new Gate(g.get("schema"), text(g, "score"), g.path("minScore").asDouble(0));
                yield new Call(text(json, "extension"), text(json, "capability"), text(json, "kind"), json.get("input"),
                        text(json, "forEach"), json.has("maxParallel") ? json.get("maxParallel").asInt() : null, gate,
                        json.get("expects"), json.get("preview"), ErrorStrategy.of(json.get("onError")));
            }
            case INPUT -> new Input(json.get("schema"), json.get("default"));
            case OUTPUT -> new Output(json.get("value"));
            case CONDITION -> {
                List<Condition.Case> cases = new ArrayList<>();
                json.path("cases").forEach(c -> cases.add(new Condition.Case(c.path("when").asText(), c.path("branch").asText())));
                yield new Condition(List.copyOf(cases), text(json, "default"));
            }
            case LOOP -> new Loop(json.path("maxIterations").asInt(), text(json, "until"), text(json, "while"),
                    "fail".equals(text(json, "onLimit")), json.get("inputs"), body);
            case APPROVAL -> new Approval(json.get("prompt"), json.get("details"));
            case MELODY -> new SubMelody(text(json, "path"), json.get("inputs"));
        };
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
