package dev.symphony.conductor.melody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded, valid Melodies of any size for tests and benchmarks (the writer's round trips, the Harmony Board's
 * canvas bench): inputs, calls (some with retries, gates, non-essential skips), exclusive choices with their
 * branches, approvals, loops with a body, outputs; every template reads an upstream node; every node has a
 * {@code layout} position (layered left to right). Calls name {@code dev.symphony.generated}, which no registry
 * has: validate them with {@link CapabilityCatalog#NONE}. The text comes in one of four {@link Style}s.
 */
public final class MelodyGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] CAPABILITIES = {"case", "regex-extract", "markdown-to-html", "summarize", "translate"};
    private static final String[] TITLES = {"Extract", "Résumé \"draft\"", "Shout 😀", "Tab\tseparated", "Line\nbreak", "a\\b"};

    /** How the text is laid out. */
    public enum Style {
        /** As the shipped examples: two-space indent, one node or connection per line. */
        EXAMPLES,
        /** Jackson's pretty printer (" : " between key and value). */
        PRETTY,
        /** No whitespace at all. */
        COMPACT,
        /** Tabs and CRLF line ends. */
        TABS_CRLF
    }

    private MelodyGenerator() {
    }

    /** A Melody of {@code nodeCount} top-level nodes (at least 2) in a style chosen by the seed. */
    public static String text(long seed, int nodeCount) {
        Random rnd = new Random(seed);
        JsonNode tree = tree(rnd, nodeCount);
        return format(tree, Style.values()[rnd.nextInt(Style.values().length)]);
    }

    /** The tree of a Melody of {@code nodeCount} top-level nodes (at least 2). */
    public static ObjectNode tree(Random rnd, int nodeCount) {
        int count = Math.max(2, nodeCount);
        ObjectNode m = F.objectNode();
        m.put("formatVersion", 1).put("name", "Generated " + count);
        if (rnd.nextBoolean()) {
            m.put("description", TITLES[rnd.nextInt(TITLES.length)]);
        }
        m.set("triggers", F.arrayNode().add(F.objectNode().put("type", "manual")));
        ArrayNode nodes = m.putArray("nodes");
        ArrayNode connections = F.arrayNode();
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        int[] layer = new int[count];
        int inputs = 1 + rnd.nextInt(Math.min(3, count - 1));
        for (int i = 0; i < count; i++) {
            String id = "n" + i;
            String type = i < inputs ? "input" : i == count - 1 ? "output" : kind(rnd);
            ObjectNode n = nodes.addObject().put("id", id).put("type", type);
            if (rnd.nextInt(4) == 0) {
                n.put("title", TITLES[rnd.nextInt(TITLES.length)]);
            }
            List<Integer> parents = new ArrayList<>();
            if (i >= inputs) {
                for (int k = 1 + rnd.nextInt(Math.min(3, i)); k > 0; k--) {
                    int p = Math.max(0, i - 1 - rnd.nextInt(Math.min(i, 8)));
                    if (!parents.contains(p) && !types.get(p).equals("output")) {
                        parents.add(p);
                    }
                }
                if (parents.isEmpty()) {
                    parents.add(inputs - 1);
                }
                for (int p : parents) {
                    ObjectNode c = connections.addObject().put("from", ids.get(p)).put("to", id);
                    if (types.get(p).equals("condition")) {
                        c.put("branch", rnd.nextBoolean() ? "many" : "few");
                    } else if (types.get(p).equals("approval")) {
                        c.put("branch", "approved");
                    }
                    layer[i] = Math.max(layer[i], layer[p] + 1);
                }
            }
            fill(n, type, ids.isEmpty() ? null : ids.get(parents.isEmpty() ? 0 : parents.get(0)), rnd);
            ids.add(id);
            types.add(type);
        }
        m.set("connections", connections);
        ObjectNode layout = m.putObject("layout");
        int[] rows = new int[count + 1];
        for (int i = 0; i < count; i++) {
            double y = rows[layer[i]]++ * 120 + (rnd.nextInt(5) == 0 ? 0.5 : 0);
            layout.set(ids.get(i), F.objectNode().put("x", layer[i] * 240).put("y", y));
        }
        return m;
    }

    private static String kind(Random rnd) {
        int k = rnd.nextInt(20);
        return k < 14 ? "call" : k < 16 ? "condition" : k < 18 ? "approval" : "loop";
    }

    private static void fill(ObjectNode n, String type, String parent, Random rnd) {
        switch (type) {
            case "input" -> n.set("schema", F.objectNode().put("type", "string"));
            case "output" -> n.put("value", "${" + parent + "}");
            case "condition" -> {
                n.set("cases", F.arrayNode().add(F.objectNode().put("when", "len(" + parent + ".text) > 3").put("branch", "many")));
                n.put("default", "few");
            }
            case "approval" -> n.put("prompt", "Go on with ${" + parent + "}?");
            case "loop" -> {
                n.put("maxIterations", 1 + rnd.nextInt(5)).put("until", "iteration >= 2");
                n.set("inputs", F.objectNode().put("item", "${" + parent + "}"));
                ObjectNode body = n.putObject("body");
                body.set("nodes", F.arrayNode()
                        .add(F.objectNode().put("id", "item").put("type", "input"))
                        .add(call(F.objectNode().put("id", "step").put("type", "call"), "item", rnd))
                        .add(F.objectNode().put("id", "result").put("type", "output").put("value", "${step}")));
                body.set("connections", F.arrayNode()
                        .add(F.objectNode().put("from", "item").put("to", "step"))
                        .add(F.objectNode().put("from", "step").put("to", "result")));
            }
            default -> {
                call(n, parent, rnd);
                switch (rnd.nextInt(6)) {
                    case 0 -> n.set("onError", F.objectNode().set("retry", F.objectNode().put("count", 1 + rnd.nextInt(3))
                            .put("backoffMs", 50).put("factor", 2)));
                    case 1 -> n.put("essential", false).set("onError", F.objectNode().put("then", "skip"));
                    case 2 -> n.set("gate", F.objectNode().put("score", "len(output.text) > 0 ? 1 : 0").put("minScore", 1));
                    case 3 -> n.put("timeoutMs", 1000 + rnd.nextInt(60_000));
                    default -> { }
                }
            }
        }
    }

    private static ObjectNode call(ObjectNode n, String parent, Random rnd) {
        n.put("extension", "dev.symphony.generated").put("capability", CAPABILITIES[rnd.nextInt(CAPABILITIES.length)]);
        n.set("input", F.objectNode().put("text", "${" + parent + "}").put("to", rnd.nextBoolean() ? "upper" : "lower"));
        return n;
    }

    /** {@code tree} written in {@code style}. */
    public static String format(JsonNode tree, Style style) {
        try {
            return switch (style) {
                case EXAMPLES -> examples(tree);
                case PRETTY -> JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
                case COMPACT -> JSON.writeValueAsString(tree);
                case TABS_CRLF -> {
                    DefaultIndenter tabs = new DefaultIndenter("\t", "\r\n");
                    yield JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(tabs).withArrayIndenter(tabs))
                            .writeValueAsString(tree) + "\r\n";
                }
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree always writes
        }
    }

    private static String examples(JsonNode tree) {
        StringBuilder b = new StringBuilder("{\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.append("  ").append(F.textNode(e.getKey())).append(": ");
            JsonNode v = e.getValue();
            if (v.isArray() && v.size() > 1) {
                b.append("[\n");
                for (int i = 0; i < v.size(); i++) {
                    b.append("    ").append(MelodyText.inline(v.get(i))).append(i + 1 < v.size() ? ",\n" : "\n");
                }
                b.append("  ]");
            } else {
                b.append(MelodyText.inline(v));
            }
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }
}
