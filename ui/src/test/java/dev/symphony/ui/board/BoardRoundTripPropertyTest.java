package dev.symphony.ui.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.conductor.melody.CapabilityCatalog;
import dev.symphony.ui.board.MelodyEdits.Point;
import dev.symphony.ui.board.bench.BoardMelodies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The board's round trip, seeded ({@code -Dsymphony.test.seed=N}): every example Melody and 1,000 generated ones
 * open and come back byte-identical; a board edit (a move, a connection, a delete) changes the text only where the
 * edited value is (everything before the first and after the last changed character is the original's), the
 * result parses as the expected tree, and undo gives the original bytes back.
 */
class BoardRoundTripPropertyTest {
    private static final long SEED = Long.getLong("symphony.test.seed", System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String replay() {
        return " (replay with -Dsymphony.test.seed=" + SEED + ")";
    }

    @Test
    void examplesAndGeneratedMelodiesRoundTripAndEditsStayLocal() throws Exception {
        Random random = new Random(SEED);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(BoardModelTest.EXAMPLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".melody.json")).sorted().toList()) {
                texts.add(Files.readString(f));
            }
        }
        for (int i = 0; i < 1000; i++) {
            texts.add(BoardMelodies.generate(21 + random.nextInt(60), random.nextLong()));
        }
        for (String text : texts) {
            BoardDocument doc = new BoardDocument(text, CapabilityCatalog.NONE);
            assertEquals(text, doc.text(), "opened unchanged" + replay());
            BoardGraph g = doc.graph();
            BoardGraph.BoardNode node = g.nodes().get(random.nextInt(g.nodes().size()));
            Point to = new Point(random.nextInt(4000), random.nextInt(4000));
            doc.apply("Move", t -> MelodyEdits.move(t, Map.of(node.id(), to)));
            assertLocal(text, doc.text(), "layout");
            assertEquals(to, new Point(doc.graph().node(node.id()).x(), doc.graph().node(node.id()).y()), replay());
            var expected = JSON.readTree(text).deepCopy();
            var moved = JSON.readTree(doc.text());
            ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("layout");
            ((com.fasterxml.jackson.databind.node.ObjectNode) moved).remove("layout");
            assertEquals(expected, moved, "only the layout changed" + replay());
            doc.undo();
            assertEquals(text, doc.text(), "undo gives the bytes back" + replay());
            if (g.edges().size() > 0) {
                int index = random.nextInt(g.edges().size());
                doc.apply("Delete Connection", t -> MelodyEdits.remove(t, List.of(), List.of(index)));
                var without = JSON.readTree(text).deepCopy();
                ((com.fasterxml.jackson.databind.node.ArrayNode) without.get("connections")).remove(index);
                assertEquals(without, JSON.readTree(doc.text()), "exactly that connection went" + replay());
                doc.undo();
                assertEquals(text, doc.text(), replay());
            }
        }
    }

    /** The change is one region, and it lies inside the member named {@code member} (or adds it). */
    private static void assertLocal(String before, String after, String member) {
        int start = 0;
        while (start < before.length() && start < after.length() && before.charAt(start) == after.charAt(start)) {
            start++;
        }
        int endB = before.length();
        int endA = after.length();
        while (endB > start && endA > start && before.charAt(endB - 1) == after.charAt(endA - 1)) {
            endB--;
            endA--;
        }
        String key = "\"" + member + "\"";
        int section = after.indexOf(key);
        String changed = after.substring(start, endA);
        assertTrue(section >= 0 && (section <= start || changed.contains(key)),
                "the change [" + start + ", " + endA + ") is outside '" + member + "': " + changed + replay());
    }
}
