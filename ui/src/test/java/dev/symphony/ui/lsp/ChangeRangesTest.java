package dev.symphony.ui.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.symphony.contract.protocol.WorkbenchProtocol;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.editor.Squiggles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the workbench sends a language server is what it shows: seeded random multi-edit changes (and undo-like
 * whole-text swaps, through {@link ChangeRanges#diff}) turned into LSP ranges and applied in order, as a server
 * applies them, to a plain string give the editor's text; anchored diagnostics move with the same changes.
 */
class ChangeRangesTest {
    @Test
    void rangesAppliedInOrderGiveTheNewText() {
        long seed = Long.getLong("symphony.test.seed", System.nanoTime());
        System.out.println("ChangeRangesTest seed " + seed + " (-Dsymphony.test.seed=" + seed + ")");
        Random random = new Random(seed);
        Rope text = Rope.of("def f(x):\n    return x\n\nprint(f(1))\n");
        StringBuilder server = new StringBuilder(text.toString());
        for (int i = 0; i < 1_000; i++) {
            Rope before = text;
            ChangeSet change = random.nextInt(10) == 0 ? null : randomChange(random, before);
            Rope after = change == null ? Rope.of(mutate(random, before.toString())) : change.apply(before);
            ArrayNode ranges = ChangeRanges.array();
            ChangeRanges.append(before, ChangeRanges.orDiff(before, after, change), ranges);
            for (JsonNode r : ranges) {
                int from = offset(server, r.get("startLine").asInt(), r.get("startColumn").asInt());
                int to = offset(server, r.get("endLine").asInt(), r.get("endColumn").asInt());
                server.replace(from, to, r.get("text").asText());
            }
            assertEquals(after.toString(), server.toString(), "after change " + i + " (seed " + seed + ")");
            text = after;
        }
    }

    @Test
    void anchoredDiagnosticsMoveWithEditsAndCollapseWhenDeleted() {
        Rope v1 = Rope.of("x: int = \"one\"\n");
        AnchoredDiagnostics d = new AnchoredDiagnostics();
        ChangeSet insertAbove = ChangeSet.of(TextEdit.insert(0, "# c\n"));
        Rope v2 = insertAbove.apply(v1);
        // computed for version 1, arriving after the edit: placed in v1's text, then moved
        d.place(List.of(new WorkbenchProtocol.Diagnostic(1, 10, 1, 15, "error", "bad")), v1, List.of(insertAbove));
        Squiggles.Squiggle s = d.squiggles().items().get(0);
        assertEquals(v2.toString().indexOf("\"one\""), s.start());
        assertEquals(s.start() + 5, s.end());
        assertEquals(2, d.problems(java.nio.file.Path.of("/w/a.py"), v2, "lsp").get(0).line());
        d.map(ChangeSet.of(TextEdit.insert(s.start(), "  ")));
        assertEquals(s.start() + 2, d.squiggles().items().get(0).start(), "typing at its start pushes it");
        d.map(ChangeSet.of(TextEdit.delete(s.start() + 2, s.start() + 7)));
        Squiggles.Squiggle gone = d.squiggles().items().get(0);
        assertEquals(gone.start(), gone.end(), "its text deleted: an empty range, until the server republishes");
    }

    private static ChangeSet randomChange(Random random, Rope before) {
        List<TextEdit> edits = new ArrayList<>();
        int at = 0;
        for (int n = 1 + random.nextInt(3); n > 0 && at <= before.length(); n--) {
            int from = at + random.nextInt(Math.max(1, Math.min(10, before.length() - at + 1)));
            if (from > before.length()) {
                break;
            }
            int to = from + random.nextInt(Math.min(4, before.length() - from) + 1);
            edits.add(new TextEdit(from, to, random.nextBoolean() ? "" : random.nextBoolean() ? "\n" : "ab"));
            at = to + 1;
        }
        return new ChangeSet(edits);
    }

    private static String mutate(Random random, String s) {
        int at = random.nextInt(s.length() + 1);
        return s.substring(0, at) + "zz\n" + s.substring(Math.min(s.length(), at + random.nextInt(3)));
    }

    private static int offset(CharSequence s, int line, int column) {
        int at = 0;
        for (int l = 0; l < line; l++) {
            while (s.charAt(at) != '\n') {
                at++;
            }
            at++;
        }
        return at + column;
    }
}
