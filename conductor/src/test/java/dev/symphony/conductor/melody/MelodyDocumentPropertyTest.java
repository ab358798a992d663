package dev.symphony.conductor.melody;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editable Melody, seeded ({@code -Dsymphony.test.seed=N}, printed): every example and 1,000 generated
 * Melodies (four text styles, 2–60 nodes) load and save byte-identically when unchanged; then one random edit
 * of each document (set or remove a node field, move, add, remove a node, connect, disconnect) gives the tree
 * edited directly, a typed model that shows the edit, and leaves every character outside the edited places as
 * it was (the edited places: the node, the connection, the layout entry, the end of the array grown).
 */
class MelodyDocumentPropertyTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final long SEED = Long.getLong("symphony.test.seed", System.nanoTime());

    static {
        System.out.println("MelodyDocumentPropertyTest seed " + SEED + " (replay with -Dsymphony.test.seed=" + SEED + ")");
    }

    private static String replay() {
        return " (replay with -Dsymphony.test.seed=" + SEED + ")";
    }

    @Test
    void everyExampleSavesByteIdenticallyAndTakesEditsInPlace(@TempDir Path tmp) throws Exception {
        Random rnd = new Random(SEED);
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("..", "examples"))) {
            files = s.filter(p -> p.toString().endsWith(".melody.json")).sorted().toList();
        }
        assertTrue(files.size() >= 6, files.toString());
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            MelodyDocument doc = MelodyDocument.read(f);
            Path saved = tmp.resolve(f.getFileName());
            doc.save(saved);
            assertArrayEquals(bytes, Files.readAllBytes(saved), f + " saved unchanged");
            assertEquals(List.of(), doc.problems(CapabilityCatalog.NONE), f.toString());
            for (int k = 0; k < 10; k++) {
                oneEdit(doc, rnd, f + " edit " + k);
            }
        }
    }

    @Test
    void aThousandGeneratedMelodiesSaveByteIdenticallyAndOneEditChangesOnlyItsPlace(@TempDir Path tmp) throws Exception {
        Random rnd = new Random(SEED);
        Path file = tmp.resolve("generated.melody.json");
        for (int i = 0; i < 1000; i++) {
            String text = MelodyGenerator.text(rnd.nextLong(), 2 + rnd.nextInt(59));
            String where = "generated Melody " + i + replay() + ":\n" + text;
            MelodyDocument doc = MelodyDocument.parse(text, file);
            doc.save(file);
            assertArrayEquals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Files.readAllBytes(file), where);
            if (i % 10 == 0) { // every tenth is validated in full (the rules cost more than the rest)
                assertEquals(List.of(), doc.problems(CapabilityCatalog.NONE), where);
            }
            assertEquals(doc.nodeIds().size(), doc.melody().nodes().size(), where);
            oneEdit(doc, rnd, where);
        }
    }

    /** One random edit, checked against the tree edited directly and the places it may touch. */
    private static void oneEdit(MelodyDocument doc, Random rnd, String what) throws Exception {
        JsonNode before = doc.tree();
        List<String> ids = doc.nodeIds();
        String id = ids.get(rnd.nextInt(ids.size()));
        int index = ids.indexOf(id);
        ObjectNode expect = before.deepCopy();
        List<int[]> places = new ArrayList<>();
        MelodyDocument after;
        String op;
        switch (rnd.nextInt(7)) {
            case 0 -> {
                op = "setField " + id;
                JsonNode v = rnd.nextBoolean() ? F.numberNode(1 + rnd.nextInt(100_000)) : F.textNode("Tïtle \"" + rnd.nextInt(99) + "\"\n");
                String field = v.isNumber() ? "timeoutMs" : "title";
                after = doc.setField(id, field, v);
                ((ObjectNode) expect.get("nodes").get(index)).set(field, v);
                places.add(place(doc, "/nodes/" + index));
                assertEquals(v, after.melody().node(id).orElseThrow().json().get(field), what);
            }
            case 1 -> {
                op = "setField /onError/retry/count " + id;
                after = doc.setField(id, "/onError/retry/count", F.numberNode(3));
                ObjectNode n = (ObjectNode) expect.get("nodes").get(index);
                ObjectNode onError = n.has("onError") ? (ObjectNode) n.get("onError") : n.putObject("onError");
                ObjectNode retry = onError.has("retry") ? (ObjectNode) onError.get("retry") : onError.putObject("retry");
                retry.put("count", 3);
                places.add(place(doc, "/nodes/" + index));
                assertEquals(3, after.melody().node(id).orElseThrow().errorStrategy().retry().count(), what);
            }
            case 2 -> {
                List<String> optional = new ArrayList<>();
                before.get("nodes").get(index).fieldNames().forEachRemaining(f -> {
                    if (List.of("title", "description", "objective", "timeoutMs", "gate", "essential", "default").contains(f)) {
                        optional.add(f);
                    }
                });
                if (optional.isEmpty()) {
                    doc = doc.setField(id, "title", F.textNode("to remove"));
                    expect = doc.tree().deepCopy();
                    optional.add("title");
                }
                String field = optional.get(rnd.nextInt(optional.size()));
                op = "remove field " + field + " of " + id;
                after = doc.setField(id, field, null);
                ((ObjectNode) expect.get("nodes").get(index)).remove(field);
                places.add(place(doc, "/nodes/" + index));
            }
            case 3 -> {
                MelodyDocument.Position p = new MelodyDocument.Position(rnd.nextInt(5000), rnd.nextInt(5000) + (rnd.nextBoolean() ? 0.25 : 0));
                op = "move " + id + " to " + p;
                after = doc.moveNode(id, p);
                ObjectNode layout = expect.has("layout") ? (ObjectNode) expect.get("layout") : expect.putObject("layout");
                ObjectNode pos = F.objectNode();
                pos.set("x", after.tree().at("/layout/" + id + "/x"));
                pos.set("y", after.tree().at("/layout/" + id + "/y"));
                layout.set(id, pos);
                places.add(before.has("layout") ? place(doc, "/layout") : appendPlace(doc, ""));
                assertEquals(p, after.layout().get(id), what);
            }
            case 4 -> {
                String added = "added" + rnd.nextInt(1_000_000);
                ObjectNode node = F.objectNode().put("id", added).put("type", "call").put("capability", "case");
                node.set("input", F.objectNode().put("text", "${" + ids.get(0) + "} é 😀"));
                op = "add " + added;
                after = doc.addNode(node);
                ((ArrayNode) expect.get("nodes")).add(node);
                places.add(appendPlace(doc, "/nodes"));
                assertEquals(NodeType.CALL, after.melody().node(added).orElseThrow().type(), what);
            }
            case 5 -> {
                op = "remove node " + id;
                after = doc.removeNode(id);
                ((ArrayNode) expect.get("nodes")).remove(index);
                places.add(place(doc, "/nodes/" + index));
                ArrayNode cs = (ArrayNode) expect.path("connections");
                for (int i = before.path("connections").size() - 1; i >= 0; i--) {
                    JsonNode c = before.get("connections").get(i);
                    if (c.get("from").asText().equals(id) || c.get("to").asText().equals(id)) {
                        cs.remove(i);
                        places.add(place(doc, "/connections/" + i));
                    }
                }
                if (before.path("layout").has(id)) {
                    ((ObjectNode) expect.get("layout")).remove(id);
                    places.add(place(doc, "/layout/" + id));
                }
                assertTrue(after.melody().node(id).isEmpty(), what);
            }
            default -> {
                JsonNode cs = before.path("connections");
                if (cs.size() > 0 && rnd.nextBoolean()) {
                    int i = rnd.nextInt(cs.size());
                    String from = cs.get(i).get("from").asText();
                    String to = cs.get(i).get("to").asText();
                    op = "disconnect " + from + " -> " + to;
                    after = doc.disconnect(from, to);
                    ((ArrayNode) expect.get("connections")).remove(i);
                    places.add(place(doc, "/connections/" + i));
                } else {
                    String from = ids.get(rnd.nextInt(ids.size()));
                    String to = "fresh" + rnd.nextInt(1000);
                    doc = doc.addNode(F.objectNode().put("id", to).put("type", "output").put("value", 1));
                    expect = doc.tree().deepCopy();
                    op = "connect " + from + " -> " + to;
                    after = doc.connect(from, to, null, null, Connection.Kind.SOFT);
                    ObjectNode c = F.objectNode().put("from", from).put("to", to).put("kind", "soft");
                    if (expect.has("connections")) {
                        ((ArrayNode) expect.get("connections")).add(c);
                        places.add(appendPlace(doc, "/connections"));
                    } else {
                        expect.set("connections", F.arrayNode().add(c));
                        places.add(appendPlace(doc, ""));
                    }
                    assertTrue(after.melody().connections().stream().anyMatch(k -> k.from().equals(from) && k.to().equals(to)
                            && k.kind() == Connection.Kind.SOFT), what);
                }
            }
        }
        String where = what + "\n" + op;
        assertEquals(expect, after.tree(), where);
        MelodyDocument.Change ch = after.change();
        assertEquals(after.text(), doc.text().substring(0, ch.start()) + ch.replacement() + doc.text().substring(ch.end()), where);
        assertOnlyInside(doc.text(), after.text(), places, where);
        assertEquals(after.text(), MelodyDocument.parse(after.text(), null).text(), where);
    }

    /** The characters of the value at {@code pointer} with the separators around it (a removal takes a comma). */
    private static int[] place(MelodyDocument doc, String pointer) {
        MelodyText t = doc.indexed();
        MelodyText.Span s = t.span(pointer);
        String parent = JsonPointer.compile(pointer).head().toString();
        MelodyText.Span container = t.span(parent);
        int from = container.start() + 1;
        int to = container.end() - 1;
        for (MelodyText.Span sibling : children(doc, parent)) {
            int siblingStart = sibling.keyStart() >= 0 ? sibling.keyStart() : sibling.start();
            if (sibling.end() <= (s.keyStart() >= 0 ? s.keyStart() : s.start())) {
                from = Math.max(from, sibling.end());
            } else if (siblingStart >= s.end()) {
                to = Math.min(to, siblingStart);
            }
        }
        return new int[] {from, to};
    }

    /** Where a member or element is appended to the container at {@code pointer}: after its last child, before it closes. */
    private static int[] appendPlace(MelodyDocument doc, String pointer) {
        MelodyText.Span container = doc.indexed().span(pointer);
        int last = children(doc, pointer).stream().mapToInt(MelodyText.Span::end).max().orElse(container.start() + 1);
        return new int[] {last, container.end() - 1};
    }

    private static List<MelodyText.Span> children(MelodyDocument doc, String pointer) {
        JsonNode n = doc.tree().at(pointer);
        List<MelodyText.Span> out = new ArrayList<>();
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(doc.indexed().span(pointer + "/" + i));
            }
        } else {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                out.add(doc.indexed().span(pointer + "/" + it.next().replace("~", "~0").replace("/", "~1")));
            }
        }
        return out;
    }

    /** Every character of {@code before} outside {@code places} is in {@code after}, in order, none moved past another place. */
    static void assertOnlyInside(String before, String after, List<int[]> places, String where) {
        places.sort(Comparator.comparingInt(p -> p[0]));
        List<String> kept = new ArrayList<>();
        int at = 0;
        for (int[] p : places) {
            kept.add(before.substring(at, Math.max(at, p[0])));
            at = Math.max(at, p[1]);
        }
        kept.add(before.substring(at));
        assertTrue(after.startsWith(kept.get(0)), where + ": the text before the first edited place changed");
        assertTrue(after.endsWith(kept.get(kept.size() - 1)), where + ": the text after the last edited place changed");
        int pos = kept.get(0).length();
        for (int i = 1; i < kept.size() - 1; i++) {
            int found = after.indexOf(kept.get(i), pos);
            assertTrue(found >= 0, where + ": the text between edited places changed: " + kept.get(i));
            pos = found + kept.get(i).length();
        }
        assertTrue(after.length() - kept.get(kept.size() - 1).length() >= pos, where + ": edits overlap the kept text");
    }
}
