package dev.symphony.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.melody.MelodyDocument;
import dev.symphony.ui.board.BoardGraph.EdgeKind;
import dev.symphony.ui.board.MelodyEdits.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The board's model without a window: the graph read from a Melody, edits that touch only their part, undo. */
class BoardModelTest {
    static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    static String example(String name) throws Exception {
        return Files.readString(EXAMPLES.resolve(name));
    }

    @Test
    void connectionsAreDrawnByKind() throws Exception {
        BoardGraph fan = BoardGraph.of(MelodyDocument.parse(example("fan-out.melody.json"), null).tree());
        assertEquals(9, fan.nodes().size());
        assertEquals(EdgeKind.PARALLEL, fan.edges().get(0).kind(), "phrase fans out to five nodes at once");
        assertEquals(EdgeKind.SEQUENTIAL, fan.edges().get(15).kind(), "table -> html is the only way out of table");
        assertEquals(null, fan.node("phrase").inType(), "an input node has no input port");
        assertEquals("string", fan.node("phrase").outType(), "its output port has its schema's type");
        assertEquals(null, fan.node("html").outType(), "an output node has no output port");

        BoardGraph loop = BoardGraph.of(MelodyDocument.parse(example("loop.melody.json"), null).tree());
        assertEquals(EdgeKind.LOOP, loop.edges().get(0).kind());
        assertTrue(loop.edges().get(0).label().startsWith("loop ≤ 5"), loop.edges().get(0).label());
    }

    @Test
    void aMoveChangesOnlyTheLayoutAndUndoRestoresTheBytes() throws Exception {
        String original = example("fan-out.melody.json");
        BoardDocument doc = new BoardDocument(original, CapabilityCatalog.NONE);
        doc.apply("Move", t -> MelodyEdits.move(t, Map.of("upper", new Point(300, 120))));
        String moved = doc.text();
        int end = original.lastIndexOf('}');
        assertEquals(original.substring(0, end).stripTrailing(), moved.substring(0, original.substring(0, end).stripTrailing().length()),
                "everything before the new layout section is unchanged");
        assertTrue(moved.contains("\"layout\": {\"upper\": {\"x\": 300, \"y\": 120}}"), moved);
        assertEquals(300, doc.graph().node("upper").x());

        doc.apply("Move", t -> MelodyEdits.move(t, Map.of("upper", new Point(320, 140), "snake", new Point(0, 0))));
        assertTrue(doc.text().contains("\"upper\": {\"x\": 320, \"y\": 140}"));
        doc.undo();
        assertEquals(moved, doc.text());
        doc.undo();
        assertEquals(original, doc.text(), "undo gives back the file byte for byte");
        assertFalse(doc.dirty());
        doc.redo();
        assertEquals(moved, doc.text());
        assertTrue(doc.dirty());
    }

    @Test
    void deletingANodeTakesItsConnectionsAndPositionAndNothingElse() throws Exception {
        String original = example("fan-out.melody.json");
        BoardDocument doc = new BoardDocument(original, CapabilityCatalog.NONE);
        doc.apply("Move", t -> MelodyEdits.move(t, Map.of("table", new Point(1, 2), "html", new Point(3, 4))));
        doc.apply("Delete", t -> MelodyEdits.remove(t, List.of("table"), List.of()));
        assertEquals(8, doc.graph().nodes().size());
        assertTrue(doc.graph().edges().stream().noneMatch(e -> e.from().equals("table") || e.to().equals("table")));
        assertFalse(doc.text().contains("\"table\":"), "its position went too");
        assertTrue(doc.text().contains("\"html\": {\"x\": 3, \"y\": 4}"));
        new MelodyReader(CapabilityCatalog.NONE).parse(doc.text().replace("${table.html}", "x"), null); // still a Melody
    }

    @Test
    void pastedNodesGetFreeIdsAndTheirTemplatesFollow() throws Exception {
        BoardDocument doc = new BoardDocument(example("fan-out.melody.json"), CapabilityCatalog.NONE);
        String copied = BoardClipboard.copy(doc.tree(), doc.graph(), Set.of("upper", "table"));
        BoardClipboard.Paste paste = BoardClipboard.paste(copied, doc.graph().byId().keySet(), new Point(1000, 1000));
        assertEquals(List.of("upper_2", "table_2"), paste.ids());
        assertTrue(paste.nodes().get(1).toString().contains("${upper_2.text}"), paste.nodes().get(1).toString());
        assertTrue(paste.nodes().get(1).toString().contains("${snake.text}"), "references outside the paste stay");
        assertEquals(1, paste.connections().size());
        assertEquals("upper_2", paste.connections().get(0).get("from").asText());
        doc.apply("Paste", t -> MelodyEdits.add(t, paste.nodes(), paste.connections(), paste.positions()));
        assertEquals(11, doc.graph().nodes().size());
        assertEquals(new Point(1000, 1000), new Point(doc.graph().node("upper_2").x(), doc.graph().node("upper_2").y()));
    }

    @Test
    void refusedConnectionsSayWhy() throws Exception {
        BoardDocument doc = new BoardDocument(example("fan-out.melody.json"), CapabilityCatalog.NONE);
        ConnectionRules rules = new ConnectionRules(new MelodyReader(CapabilityCatalog.NONE), EXAMPLES.resolve("fan-out.melody.json"));
        MelodyDocument t = doc.melody();
        assertTrue(rules.refusal(t, doc.graph(), "upper", "phrase").get().contains("input node"));
        assertTrue(rules.refusal(t, doc.graph(), "html", "upper").get().contains("output node"));
        assertTrue(rules.refusal(t, doc.graph(), "table", "upper").get().startsWith("cycle: "),
                rules.refusal(t, doc.graph(), "table", "upper").get());
        assertTrue(rules.refusal(t, doc.graph(), "upper", "table").get().startsWith("duplicate connection"));
        assertEquals(java.util.Optional.empty(), rules.refusal(t, doc.graph(), "upper", "html"));
    }

    @Test
    void autoLayoutPlacesEveryNodeLeftToRightWithoutOverlap() throws Exception {
        BoardDocument doc = new BoardDocument(example("fan-out.melody.json"), CapabilityCatalog.NONE);
        Map<String, Point> p = AutoLayout.layout(doc.graph(), null, () -> false);
        assertEquals(doc.graph().byId().keySet(), p.keySet());
        for (BoardGraph.BoardEdge e : doc.graph().edges()) {
            assertTrue(p.get(e.from()).x() + BoardGraph.NODE_WIDTH <= p.get(e.to()).x(), e + " goes right: " + p);
        }
        for (String a : p.keySet()) {
            for (String b : p.keySet()) {
                if (!a.equals(b)) {
                    boolean apart = Math.abs(p.get(a).x() - p.get(b).x()) >= BoardGraph.NODE_WIDTH
                            || Math.abs(p.get(a).y() - p.get(b).y()) >= BoardGraph.NODE_HEIGHT;
                    assertTrue(apart, a + " and " + b + " overlap: " + p);
                }
            }
        }
        Map<String, Point> some = AutoLayout.layout(doc.graph(), Set.of("table", "html"), () -> false);
        assertEquals(Set.of("table", "html"), some.keySet());
        assertNotEquals(some.get("table"), some.get("html"));
        assertEquals(Map.of(), AutoLayout.layout(doc.graph(), null, () -> true), "a cancelled layout gives nothing");
    }
}
