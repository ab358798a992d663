package dev.symphony.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.MelodyDocument;
import dev.symphony.ui.board.MelodyEdits.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version history, the diff of two versions, pinned data and sub-Melody targets, without a window. */
class BoardVersionsTest {
    @Test
    void versionsAreKeptByteForByteAndARestoreLosesNothing(@TempDir Path dir) throws Exception {
        Path melody = dir.resolve("work/fan-out.melody.json");
        String v1 = BoardModelTest.example("fan-out.melody.json");
        MelodyHistory h = MelodyHistory.open(dir.resolve("history"), melody);
        assertEquals(1, h.record(v1, "opened").number());
        assertEquals(1, h.record(v1, "saved").number(), "the same text again is no new version");
        String v2 = v1.replace("\"name\": \"Fan-out / fan-in\"", "\"name\": \"Fan-out 2\"");
        assertTrue(!v2.equals(v1), "the example has the name this test changes");
        assertEquals(2, h.record(v2, "saved").number());

        MelodyHistory again = MelodyHistory.open(dir.resolve("history"), melody);
        assertEquals(List.of("opened", "saved"), again.versions().stream().map(MelodyHistory.Version::note).toList());
        assertEquals(v1, again.text(1), "byte for byte");
        String unsaved = v2 + " ";
        assertEquals(v1, again.restore(1, unsaved));
        assertEquals(List.of("opened", "saved", "before restoring version 1", "restored from version 1"),
                again.versions().stream().map(MelodyHistory.Version::note).toList(), "the unsaved text is kept too");
        assertEquals(unsaved, again.text(3));
        assertEquals(v1, again.text(4));
        var missing = assertThrows(java.io.IOException.class, () -> again.text(9));
        assertTrue(missing.getMessage().contains("no version 9"), missing.getMessage());
        assertTrue(!Files.exists(dir.resolve("work")), "nothing is written beside the Melody file");

        Files.writeString(again.dir().resolve("index.jsonl"), "{broken\n");
        var broken = assertThrows(java.io.IOException.class, () -> MelodyHistory.open(dir.resolve("history"), melody));
        assertTrue(broken.getMessage().contains("index.jsonl:1"), broken.getMessage());
    }

    @Test
    void theDiffNamesAddedRemovedChangedAndMovedNodesConnectionsAndSettings() throws Exception {
        String before = BoardModelTest.example("fan-out.melody.json");
        BoardDocument doc = new BoardDocument(before, CapabilityCatalog.NONE);
        doc.apply("Move", t -> MelodyEdits.move(t, Map.of("upper", new Point(300, 120))));
        doc.apply("Remove", t -> MelodyEdits.remove(t, java.util.Set.of("snake"), List.of()));
        String after = doc.text().replace("\"name\": \"Fan-out / fan-in\"", "\"name\": \"Renamed\"");
        MelodyDiff d = MelodyDiff.between(before, after, "v1", "v2");
        assertEquals(List.of("snake"), d.removedNodes());
        assertEquals(List.of("upper"), d.movedNodes());
        assertTrue(d.addedNodes().isEmpty() && d.changedNodes().isEmpty(), d.lines().toString());
        assertTrue(d.removedConnections().stream().anyMatch(c -> c.contains("→ snake") || c.startsWith("snake →")),
                d.removedConnections().toString());
        assertEquals(List.of("name: \"Fan-out / fan-in\" → \"Renamed\""), d.changedSettings());

        String changed = before.replaceFirst("\"id\": \"upper\"", "\"id\": \"upper\", \"title\": \"Shout\"");
        MelodyDiff c = MelodyDiff.between(before, changed, "v1", "v2");
        assertEquals(Map.of("upper", List.of("title: (none) → \"Shout\"")), c.changedNodes());
        assertTrue(MelodyDiff.between(before, before, "a", "b").isEmpty());
        var bad = assertThrows(IllegalArgumentException.class, () -> MelodyDiff.between(before, "{\n  x", "v1", "v3"));
        assertTrue(bad.getMessage().startsWith("v3 is not JSON (line 2"), bad.getMessage());
    }

    @Test
    void pinsAreKeptOutsideTheMelodyAndABrokenPinFileIsReportedNotOverwritten(@TempDir Path dir) throws Exception {
        Path melody = dir.resolve("a.melody.json");
        BoardPins pins = BoardPins.load(dir.resolve("pins"), melody);
        pins.pin("b", new BoardPins.Pin(new ObjectMapper().readTree("{\"text\":\"PINNED\"}"), "run-1"));
        BoardPins read = BoardPins.load(dir.resolve("pins"), melody);
        assertEquals("{\"text\":\"PINNED\"}", read.all().get("b").value().toString());
        assertEquals("b", read.outputs().get(0).node());
        assertEquals("run-1", read.all().get("b").fromRun());
        assertTrue(read.unpin("b"));
        assertTrue(BoardPins.load(dir.resolve("pins"), melody).all().isEmpty());

        Path file;
        try (var files = Files.list(dir.resolve("pins"))) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, "{not json");
        var e = assertThrows(java.io.IOException.class, () -> BoardPins.load(dir.resolve("pins"), melody));
        assertTrue(e.getMessage().startsWith(file + ": the pinned data cannot be read"), e.getMessage());
        assertEquals("{not json", Files.readString(file));
    }

    @Test
    void aSubMelodyNodeOpensItsFileAndCyclesAreRefused(@TempDir Path dir) throws Exception {
        Path sub = dir.resolve("sub-melody.melody.json");
        Files.writeString(sub, BoardModelTest.example("sub-melody.melody.json"));
        Files.writeString(dir.resolve("fan-out.melody.json"), BoardModelTest.example("fan-out.melody.json"));
        BoardDocument doc = new BoardDocument(Files.readString(sub), sub, CapabilityCatalog.NONE);
        assertEquals(dir.resolve("fan-out.melody.json").toAbsolutePath().normalize(), SubMelodies.target(doc, "variants"));
        var notSub = assertThrows(IllegalArgumentException.class, () -> SubMelodies.target(doc, "sentence"));
        assertEquals("sentence is a input node, not a sub-Melody", notSub.getMessage());

        MelodyDocument self = doc.melody().setField("variants", "/path",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("sub-melody.melody.json"));
        BoardDocument selfDoc = new BoardDocument(self.text(), sub, CapabilityCatalog.NONE);
        var cycle = assertThrows(IllegalArgumentException.class, () -> SubMelodies.target(selfDoc, "variants"));
        assertTrue(cycle.getMessage().contains("sub-Melody cycle"), cycle.getMessage());
        assertTrue(self.problems(CapabilityCatalog.NONE).stream().anyMatch(p -> p.toString().contains("sub-Melody cycle")),
                "the validator (which the inspector and a run ask) refuses it: " + self.problems(CapabilityCatalog.NONE));
    }
}
