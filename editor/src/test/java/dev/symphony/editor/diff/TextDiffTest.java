package dev.symphony.editor.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void aChangedWordIsMarkedOnBothSides() {
        Rope left = Rope.of("class A {\n    int count = 1;\n}\n");
        Rope right = Rope.of("class A {\n    int total = 1;\n    int more;\n}\n");
        TextDiff diff = TextDiff.of(left, right);
        assertEquals(1, diff.changes().size());
        DiffChange c = diff.changes().get(0);
        assertEquals(DiffChange.Kind.MODIFIED, c.kind());
        assertEquals(List.of(1, 1, 1, 2), List.of(c.leftLine(), c.leftCount(), c.rightLine(), c.rightCount()));
        assertEquals("count", text(left, c.leftWords().get(0)));
        assertEquals("total", text(right, c.rightWords().get(0)));
        assertEquals("\n    int more;", text(right, c.rightWords().get(1)));
    }

    @Test
    void identicalTextsHaveNoChangesAndLineEndingsAloneDoNotCount() {
        assertTrue(TextDiff.of(Rope.of("a\nb\n"), Rope.of("a\nb\n")).isEmpty());
        assertTrue(TextDiff.of(Rope.of("a\r\nb\r\n"), Rope.of("a\nb\n")).isEmpty());
    }

    @Test
    void revertingAnAppendedLastLineLeavesNoLineBreakBehind() {
        Rope left = Rope.of("a\nb");
        Rope right = Rope.of("a\nb\nc");
        DiffChange c = TextDiff.of(left, right).changes().get(0);
        assertEquals(DiffChange.Kind.INSERTED, c.kind());
        assertEquals("a\nb", apply(right, c.revertEdit(left, right)).toString());
        assertEquals("a\nb\nc", apply(left, c.acceptEdit(left, right)).toString());
    }

    @Test
    void inlineTextShowsRemovedLinesAboveAddedOnes() {
        Rope left = Rope.of("one\ntwo\nthree");
        Rope right = Rope.of("one\n2\nthree\nfour");
        InlineDiff inline = InlineDiff.of(left, right, TextDiff.of(left, right));
        assertEquals("one\ntwo\n2\nthree\nfour", inline.text().toString());
        assertEquals(List.of(InlineDiff.Kind.SAME, InlineDiff.Kind.REMOVED, InlineDiff.Kind.ADDED, InlineDiff.Kind.SAME,
                InlineDiff.Kind.ADDED), inline.segments().stream().map(InlineDiff.Segment::kind).toList());
        assertEquals(List.of(2, 0), List.of(inline.lineNumbers(1)[0], inline.lineNumbers(1)[1]));
        assertEquals(List.of(0, 2), List.of(inline.lineNumbers(2)[0], inline.lineNumbers(2)[1]));
        assertEquals(List.of(3, 3), List.of(inline.lineNumbers(3)[0], inline.lineNumbers(3)[1]));
        assertEquals("two", text(inline.text(), inline.removedWords().get(0)));
        assertEquals("2", text(inline.text(), inline.addedWords().get(0)));
    }

    /**
     * Reverting every change (last first) turns the right text into the left; accepting every change
     * turns the left into the right; the inline text's kept and removed lines are the left, its kept
     * and added lines the right; unchanged lines pair with equal lines.
     */
    @Test
    void revertAcceptAndInlineReproduceBothSides() {
        Seeds.run("TextDiff revert/accept/inline", r -> {
            for (int round = 0; round < 300; round++) {
                Rope left = Rope.of(randomLines(r));
                Rope right = Rope.of(edit(r, left.toString()));
                TextDiff diff = TextDiff.of(left, right);
                Rope reverted = right;
                Rope accepted = left;
                for (int i = diff.changes().size() - 1; i >= 0; i--) {
                    DiffChange c = diff.changes().get(i);
                    reverted = apply(reverted, c.revertEdit(left, right));
                    accepted = apply(accepted, c.acceptEdit(left, right));
                }
                assertEquals(left.toString(), reverted.toString(), "revert all, right was " + quoted(right));
                assertEquals(right.toString(), accepted.toString(), "accept all, left was " + quoted(left));
                InlineDiff inline = InlineDiff.of(left, right, diff);
                assertEquals(lines(left), inlineLines(inline, InlineDiff.Kind.ADDED), quoted(left) + " -> " + quoted(right) + ": " + quoted(inline.text()) + " " + inline.segments());
                assertEquals(lines(right), inlineLines(inline, InlineDiff.Kind.REMOVED));
                for (int line = 0; line < right.lineCount(); line++) {
                    if (!inChange(diff, line)) {
                        int other = diff.leftLineFor(line);
                        assertEquals(lines(right).get(line), lines(left).get(other), "right line " + line);
                        assertEquals(line, diff.rightLineFor(other));
                    }
                }
            }
        });
    }

    private static boolean inChange(TextDiff diff, int rightLine) {
        return diff.changes().stream().anyMatch(c -> rightLine >= c.rightLine() && rightLine < c.rightLine() + c.rightCount());
    }

    private static List<String> inlineLines(InlineDiff inline, InlineDiff.Kind without) {
        List<String> all = lines(inline.text());
        List<String> out = new ArrayList<>();
        for (InlineDiff.Segment s : inline.segments()) {
            if (s.kind() != without) {
                out.addAll(all.subList(s.line(), s.line() + s.count()));
            }
        }
        return out;
    }

    private static String randomLines(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(word(r)).append(i + 1 < n || r.nextBoolean() ? "\n" : "");
        }
        return sb.toString();
    }

    private static String edit(Random r, String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = r.nextInt(5);
        for (int i = 0; i < edits; i++) {
            int at = r.nextInt(lines.size() + 1);
            switch (r.nextInt(3)) {
                case 0 -> lines.add(at, word(r));
                case 1 -> { if (at < lines.size() && lines.size() > 1) lines.remove(at); }
                default -> { if (at < lines.size()) lines.set(at, lines.get(at) + " " + word(r)); }
            }
        }
        return String.join("\n", lines);
    }

    private static String word(Random r) {
        return List.of("alpha", "beta", "gamma", "", "int x = 1;", "}").get(r.nextInt(6));
    }

    private static List<String> lines(Rope text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.lineCount(); i++) {
            out.add(text.substring(text.lineStart(i), text.lineEnd(i)));
        }
        return out;
    }

    private static String text(Rope rope, Span s) {
        return rope.substring(s.start(), s.end());
    }

    private static Rope apply(Rope rope, TextEdit e) {
        return rope.replace(e.from(), e.to(), e.text());
    }

    private static String quoted(Rope r) {
        return "\"" + r.toString().replace("\n", "\\n") + "\"";
    }
}
