package dev.symphony.conductor.fqg.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.fqg.game.FunctionSpec;
import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Puzzle;

/** A puzzle as JSON (what {@code fqg generate} writes): every number needed to replay it. */
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

    public static String toPrettyString(Puzzle p) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(p));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
