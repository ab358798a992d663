package dev.symphony.conductor.fqg.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.fqg.game.FunctionSpec;
import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Puzzle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A puzzle as JSON (what {@code fqg generate} writes and {@code fqg eval --puzzles} reads): every number needed to replay it. */
public final class PuzzleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PuzzleJson() {
    }

    public static ObjectNode toJson(Puzzle p) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "symphony-fqg-puzzle/1");
        root.put("preset", p.preset());
        root.put("seed", p.seed());
        root.put("slots", p.slots());
        root.put("budget", p.budget());
        root.put("deadline", p.deadline());
        root.put("inputValue", p.inputValue());
        root.put("goalType", "Goal");
        root.put("goalValue", p.goalValue());
        root.put("criticalPath", p.graph().criticalPath());
        ArrayNode functions = root.putArray("functions");
        for (FunctionSpec f : p.functions()) {
            ObjectNode fn = functions.addObject();
            fn.put("name", f.name());
            fn.put("signature", f.signature());
            ArrayNode inputs = fn.putArray("inputTypes");
            f.inputTypes().forEach(inputs::add);
            fn.put("outputType", f.outputType());
            ArrayNode preds = fn.putArray("predecessors");
            for (int i : f.predecessors()) {
                preds.add(i);
            }
            fn.put("body", "(" + f.multiplier() + " * sum(inputs) + " + f.offset() + ") mod " + FunctionSpec.MODULUS);
            ArrayNode instruments = fn.putArray("instruments");
            for (Instrument ins : f.instruments()) {
                ObjectNode o = instruments.addObject();
                o.put("name", ins.name());
                o.put("meanLatency", ins.meanLatency());
                o.put("cost", ins.cost());
                o.put("failureRate", ins.failureRate());
                o.put("capacity", ins.capacity());
            }
        }
        return root;
    }

    /**
     * Reads a puzzle written by {@link #toJson} (e.g. by {@code fqg generate}). Everything in the file is checked:
     * a bad field is an {@link IllegalArgumentException} naming its JSON path; the goal value must be what the
     * functions compute.
     */
    public static Puzzle fromJson(JsonNode root) {
        if (!root.isObject() || !"symphony-fqg-puzzle/1".equals(root.path("format").asText())) {
            throw new IllegalArgumentException("$.format: expected \"symphony-fqg-puzzle/1\"");
        }
        JsonNode fs = root.path("functions");
        if (!fs.isArray() || fs.isEmpty()) {
            throw new IllegalArgumentException("$.functions: expected a non-empty array");
        }
        List<FunctionSpec> functions = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            String at = "$.functions[" + i + "]";
            JsonNode f = fs.get(i);
            List<String> inputs = new ArrayList<>();
            for (JsonNode t : array(f, "inputTypes", at)) {
                inputs.add(t.asText());
            }
            JsonNode preds = array(f, "predecessors", at);
            int[] predecessors = new int[preds.size()];
            for (int k = 0; k < predecessors.length; k++) {
                JsonNode pk = preds.get(k);
                if (!pk.canConvertToInt() || pk.asInt() < 0 || pk.asInt() >= i) {
                    throw new IllegalArgumentException(at + ".predecessors[" + k + "]: expected the index of an earlier function, got " + pk);
                }
                predecessors[k] = pk.asInt();
            }
            Matcher body = BODY.matcher(text(f, "body", at));
            if (!body.matches()) {
                throw new IllegalArgumentException(at + ".body: expected \"(A * sum(inputs) + B) mod " + FunctionSpec.MODULUS + "\"");
            }
            List<Instrument> instruments = new ArrayList<>();
            JsonNode ins = array(f, "instruments", at);
            for (int k = 0; k < ins.size(); k++) {
                String iat = at + ".instruments[" + k + "]";
                JsonNode o = ins.get(k);
                instruments.add(new Instrument(text(o, "name", iat), number(o, "meanLatency", iat), number(o, "cost", iat),
                        number(o, "failureRate", iat), (int) whole(o, "capacity", iat)));
            }
            functions.add(new FunctionSpec(text(f, "name", at), inputs, text(f, "outputType", at), predecessors,
                    Long.parseLong(body.group(1)), Long.parseLong(body.group(2)), instruments));
        }
        long input = whole(root, "inputValue", "$");
        long goal = whole(root, "goalValue", "$");
        if (Puzzle.evaluate(functions, input) != goal) {
            throw new IllegalArgumentException("$.goalValue: " + goal + " is not what the functions compute from the input");
        }
        return new Puzzle(text(root, "preset", "$"), whole(root, "seed", "$"), functions, input, goal,
                (int) whole(root, "slots", "$"), number(root, "budget", "$"), number(root, "deadline", "$"));
    }

    /** Reads one puzzle file; errors name the file and the JSON path. */
    public static Puzzle read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage());
        }
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static final Pattern BODY = Pattern.compile("\\((\\d+) \\* sum\\(inputs\\) \\+ (\\d+)\\) mod " + FunctionSpec.MODULUS);

    private static JsonNode array(JsonNode o, String field, String at) {
        JsonNode v = o.path(field);
        if (!v.isArray()) {
            throw new IllegalArgumentException(at + "." + field + ": expected an array");
        }
        return v;
    }

    private static String text(JsonNode o, String field, String at) {
        JsonNode v = o.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(at + "." + field + ": expected a string");
        }
        return v.asText();
    }

    private static double number(JsonNode o, String field, String at) {
        JsonNode v = o.path(field);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(at + "." + field + ": expected a number");
        }
        return v.asDouble();
    }

    private static long whole(JsonNode o, String field, String at) {
        JsonNode v = o.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(at + "." + field + ": expected an integer");
        }
        return v.asLong();
    }

    public static String toPrettyString(Puzzle p) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(p));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
