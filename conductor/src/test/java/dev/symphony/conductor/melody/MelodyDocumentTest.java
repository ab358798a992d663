package dev.symphony.conductor.melody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edits the Harmony Board makes, each on a small hand-formatted Melody, with the exact text they write. */
class MelodyDocumentTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String TEXT = """
            {
              "formatVersion": 1,
              "name": "Two",
              "nodes": [
                {"id": "a", "type": "input"},
                {"id": "b",   "type": "output",
                 "value": "${a}"}
              ],
              "connections": [
                {"from": "a", "to": "b"}
              ]
            }
            """;

    private static MelodyDocument doc() throws Exception {
        return MelodyDocument.parse(TEXT, null);
    }

    @Test
    void movingANodeAddsALayoutAsOneInsertionAndMovingAgainReplacesTheNumbersOnly() throws Exception {
        MelodyDocument moved = doc().moveNode("a", new MelodyDocument.Position(10, 20.5));
        assertEquals(TEXT.replace("  ]\n}", "  ],\n  \"layout\": {\"a\": {\"x\": 10, \"y\": 20.5}}\n}"), moved.text());
        assertEquals(Map.of("a", new MelodyDocument.Position(10, 20.5)), moved.layout());
        MelodyDocument again = moved.moveNode("a", new MelodyDocument.Position(11, 20.5));
        assertEquals(moved.text().replace("\"x\": 10", "\"x\": 11"), again.text());
        MelodyDocument.Change ch = again.change();
        assertEquals("0", moved.text().substring(ch.start(), ch.end()), "10 -> 11 changes one digit");
        assertEquals("1", ch.replacement());
        MelodyDocument b = again.moveNode("b", new MelodyDocument.Position(0, 0));
        assertTrue(b.text().contains("{\"a\": {\"x\": 11, \"y\": 20.5}, \"b\": {\"x\": 0, \"y\": 0}}"), b.text());
    }

    @Test
    void removingANodeTakesItsConnectionsAndPositionAndNothingElse() throws Exception {
        MelodyDocument d = doc().moveNode("a", new MelodyDocument.Position(1, 2)).moveNode("b", new MelodyDocument.Position(3, 4));
        MelodyDocument removed = d.removeNode("a");
        assertEquals(List.of("b"), removed.nodeIds());
        assertTrue(removed.text().contains("\"nodes\": [\n    {\"id\": \"b\",   \"type\": \"output\",\n     \"value\": \"${a}\"}\n  ]"),
                removed.text());
        assertTrue(removed.text().contains("\"connections\": []"), removed.text());
        assertTrue(removed.text().contains("\"layout\": {\"b\": {\"x\": 3, \"y\": 4}}"), removed.text());
        // the template still names 'a': the rules say so, the edit does not rewrite what the person wrote
        assertTrue(removed.problems(CapabilityCatalog.NONE).stream().anyMatch(p -> p.message().contains("unknown node 'a'")));
    }

    @Test
    void fieldsConnectionsAndNodesChangeInPlace() throws Exception {
        MelodyDocument d = doc().setField("b", "/onError/retry/count", F.numberNode(2));
        // the new member is written after the last one, separated as the two before it are
        assertTrue(d.text().contains("\"value\": \"${a}\",\n     \"onError\": {\"retry\": {\"count\": 2}}}"), d.text());
        assertEquals(2, d.melody().node("b").orElseThrow().errorStrategy().retry().count());
        assertEquals(TEXT, d.setField("b", "onError", null).text());
        assertSame(d, d.setField("b", "title", null), "removing what is not there changes nothing");
        MelodyDocument added = doc().addNode(F.objectNode().put("id", "c").put("type", "output").put("value", 1));
        assertTrue(added.text().contains("\"value\": \"${a}\"},\n    {\"id\": \"c\", \"type\": \"output\", \"value\": 1}\n  ]"),
                added.text());
        MelodyDocument connected = added.connect("b", "c", null, null, Connection.Kind.SOFT);
        assertTrue(connected.text().contains("{\"from\": \"a\", \"to\": \"b\"},\n    {\"from\": \"b\", \"to\": \"c\", \"kind\": \"soft\"}\n  ]"),
                connected.text());
        assertEquals(added.text(), connected.disconnect("b", "c").text());
        assertEquals(doc().text(), added.removeNode("c").text());
    }

    @Test
    void editsThatAreNotWellDefinedAreRefusedWithTheReason() throws Exception {
        MelodyDocument d = doc();
        assertEquals("no node 'x'", assertThrows(IllegalArgumentException.class, () -> d.removeNode("x")).getMessage());
        assertEquals("there is a node 'a' already", assertThrows(IllegalArgumentException.class,
                () -> d.addNode(F.objectNode().put("id", "a").put("type", "input"))).getMessage());
        assertEquals("there is a connection a -> b already", assertThrows(IllegalArgumentException.class, () -> d.connect("a", "b")).getMessage());
        assertEquals("there is no connection b -> a", assertThrows(IllegalArgumentException.class, () -> d.disconnect("b", "a")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.setField("a", "id", F.textNode("z"))).getMessage()
                .startsWith("a node's id does not change"));
        assertNull(d.change());
    }

    @Test
    void brokenTextIsRefusedWithLineAndColumnAndDuplicateKeysToo() {
        InvalidMelodyException e = assertThrows(InvalidMelodyException.class, () -> MelodyDocument.parse("{\n  \"nodes\": [,]\n}", Path.of("x.melody.json")));
        assertTrue(e.getMessage().contains("x.melody.json:2:"), e.getMessage());
        InvalidMelodyException dup = assertThrows(InvalidMelodyException.class, () -> MelodyDocument.parse("{\"name\": \"a\", \"name\": \"b\"}", null));
        assertTrue(dup.getMessage().contains("name"), dup.getMessage());
        assertThrows(InvalidMelodyException.class, () -> MelodyDocument.parse("[]", null));
        assertThrows(InvalidMelodyException.class, () -> MelodyDocument.parse("  ", null));
    }

    @Test
    void savingWritesTheTextAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("two.melody.json");
        Files.writeString(f, "old");
        doc().moveNode("b", new MelodyDocument.Position(5, 5)).save(f);
        assertEquals(doc().moveNode("b", new MelodyDocument.Position(5, 5)).text(), Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }
}
