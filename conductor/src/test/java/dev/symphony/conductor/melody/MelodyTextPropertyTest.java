package dev.symphony.conductor.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The text-preserving writer against Jackson's tree as the reference, seeded ({@code -Dsymphony.test.seed=N}):
 * over the shipped examples and generated documents in random formatting, an unchanged document is
 * byte-identical, and a replaced, added or removed value gives the reference tree while every character
 * outside the edited place stays as it was.
 */
class MelodyTextPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("symphony.test.seed", System.nanoTime());

    private static String replay() {
        return " (replay with -Dsymphony.test.seed=" + SEED + ")";
    }

    /** The shipped examples ({@code examples/} at the repository root), at least six. */
    static List<Path> exampleFiles() throws java.io.IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("..", "examples"))) {
            files = s.filter(p -> p.toString().endsWith(".melody.json")).sorted().toList();
        }
        assertTrue(files.size() >= 6, files.toString());
        return files;
    }

    @Test
    void theExamplesRoundTripAndTakeALayoutWithoutOtherChanges() throws Exception {
        Random rnd = new Random(SEED);
        List<Path> files = exampleFiles();
        for (Path f : files) {
            String text = Files.readString(f);
            MelodyText doc = MelodyText.parse(text);
            assertEquals(text, doc.text(), f + replay());
            checkEdits(doc, rnd, 20, f.toString());
            JsonNode first = doc.tree().path("nodes").get(0);
            MelodyText laid = doc.with("/layout", F.objectNode())
                    .with("/layout/" + first.path("id").asText(), F.objectNode().put("x", 120).put("y", 40.5));
            assertEquals(List.of(), MelodySchema.validateMelody(laid.tree()), f + " with a layout");
            assertTrue(commonPrefix(text, laid.text()) + commonSuffix(text, laid.text()) >= text.length(),
                    f + ": the layout is one insertion");
            assertTrue(commonPrefix(text, laid.text()) >= text.lastIndexOf(']'), f + ": after the last member");
            assertEquals(text, laid.without("/layout").text(), f + ": removing the layout restores the file" + replay());
        }
    }

    @Test
    void generatedDocumentsRoundTripAndEditOnlyTheEditedPlace() throws Exception {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            JsonNode tree = object(rnd, 0);
            String text = format(tree, rnd);
            MelodyText doc = MelodyText.parse(text);
            assertEquals(text, doc.text(), "document " + i + replay());
            assertEquals(tree, doc.tree(), "document " + i + replay());
            checkEdits(doc, rnd, 5, "document " + i + ":\n" + text);
        }
    }

    /** Random replacements, additions and removals, each checked against the tree edited directly. */
    private static void checkEdits(MelodyText doc, Random rnd, int count, String what) throws Exception {
        List<String> pointers = new ArrayList<>();
        collect(doc.tree(), "", pointers);
        for (int k = 0; k < count && pointers.size() > 1; k++) {
            String ptr = pointers.get(1 + rnd.nextInt(pointers.size() - 1));
            String where = what + " at " + ptr + replay();
            JsonNode value = rnd.nextBoolean() ? scalar(rnd) : object(rnd, 2);
            MelodyText.Span span = doc.span(ptr);
            MelodyText replaced = doc.with(ptr, value);
            assertEquals(doc.text().substring(0, span.start()) + MelodyText.inline(value) + doc.text().substring(span.end()),
                    replaced.text(), where);
            assertEquals(edited(doc.tree(), ptr, value, false), replaced.tree(), where);
            MelodyText removed = doc.without(ptr);
            assertEquals(edited(doc.tree(), ptr, null, true), removed.tree(), where);
            JsonNode parent = doc.tree().at(JsonPointer.compile(ptr).head());
            if (parent.isObject()) {
                String name = "added" + rnd.nextInt(1000);
                if (!parent.has(name)) {
                    String head = JsonPointer.compile(ptr).head().toString();
                    MelodyText added = doc.with(head + "/" + name, value);
                    ObjectNode expect = doc.tree().deepCopy();
                    ((ObjectNode) expect.at(head)).set(name, value);
                    assertEquals(expect, added.tree(), where + " adding " + name);
                    int unchangedPrefix = commonPrefix(doc.text(), added.text());
                    int unchangedSuffix = commonSuffix(doc.text(), added.text());
                    // one contiguous insertion: the unchanged start and end cover the whole original text
                    assertTrue(unchangedPrefix + unchangedSuffix >= doc.text().length(), where + ": only an insertion");
                }
            }
        }
    }

    private static JsonNode edited(JsonNode tree, String ptr, JsonNode value, boolean remove) {
        JsonNode copy = tree.deepCopy();
        JsonPointer p = JsonPointer.compile(ptr);
        JsonNode parent = copy.at(p.head());
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            if (remove) {
                o.remove(last);
            } else {
                o.set(last, value);
            }
        } else if (parent instanceof ArrayNode a) {
            if (remove) {
                a.remove(Integer.parseInt(last));
            } else {
                a.set(Integer.parseInt(last), value);
            }
        }
        return copy;
    }

    private static void collect(JsonNode n, String at, List<String> out) {
        out.add(at);
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                collect(n.get(name), at + "/" + name.replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), at + "/" + i, out);
            }
        }
    }

    private static ObjectNode object(Random rnd, int depth) {
        ObjectNode o = F.objectNode();
        int n = rnd.nextInt(depth == 0 ? 6 : 4) + (depth == 0 ? 1 : 0);
        for (int i = 0; i < n; i++) {
            String key = KEYS[rnd.nextInt(KEYS.length)] + (rnd.nextInt(4) == 0 ? "/x~" + i : "");
            o.set(key, value(rnd, depth + 1));
        }
        return o;
    }

    private static final String[] KEYS = {"id", "type", "input", "nodes", "x", "y", "text", "ä ü", "\"q\"", "a\\b"};

    private static JsonNode value(Random rnd, int depth) {
        int kind = depth > 3 ? rnd.nextInt(4) : rnd.nextInt(6);
        return switch (kind) {
            case 4 -> object(rnd, depth);
            case 5 -> {
                ArrayNode a = F.arrayNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    a.add(value(rnd, depth + 1));
                }
                yield a;
            }
            default -> scalar(rnd);
        };
    }

    private static JsonNode scalar(Random rnd) {
        return switch (rnd.nextInt(7)) {
            case 0 -> F.numberNode(rnd.nextInt(2000) - 1000);
            case 1 -> F.numberNode(rnd.nextDouble() * 1e-3);
            case 2 -> F.booleanNode(rnd.nextBoolean());
            case 3 -> F.nullNode();
            case 4 -> F.textNode("${a.text} \"quoted\" \\ \n tab\t é 😀");
            case 5 -> F.textNode("");
            default -> F.numberNode(1e21 * rnd.nextDouble());
        };
    }

    /** Jackson's text of {@code tree} with random whitespace between tokens (newlines, indents, none). */
    private static String format(JsonNode tree, Random rnd) {
        StringBuilder b = new StringBuilder();
        write(tree, rnd, b);
        return b.toString();
    }

    private static void write(JsonNode n, Random rnd, StringBuilder b) {
        if (n.isObject()) {
            b.append('{').append(space(rnd));
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                b.append(F.textNode(name)).append(space(rnd)).append(':').append(space(rnd));
                write(n.get(name), rnd, b);
                b.append(space(rnd));
                if (it.hasNext()) {
                    b.append(',').append(space(rnd));
                }
            }
            b.append('}');
        } else if (n.isArray()) {
            b.append('[').append(space(rnd));
            for (int i = 0; i < n.size(); i++) {
                write(n.get(i), rnd, b);
                b.append(space(rnd));
                if (i + 1 < n.size()) {
                    b.append(',').append(space(rnd));
                }
            }
            b.append(']');
        } else {
            b.append(n);
        }
    }

    private static String space(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "\n  ";
            case 3 -> "\n\t\t";
            default -> "  ";
        };
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }
}
