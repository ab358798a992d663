package dev.symphony.editor.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.text.Rope;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MultiCursorTest {

    /** Reference: apply the same typing/deleting caret by caret on a StringBuilder, back to front. */
    @Test
    void multiCursorEditsMatchStringBuilder() {
        Seeds.run("MultiCursor differential", r -> {
            for (int round = 0; round < 100; round++) {
                String text = Seeds.text(r, 400).replace("\r", "");
                Rope rope = Rope.of(text, 2 + r.nextInt(30), 4);
                TreeSet<Integer> carets = new TreeSet<>();
                int n = 1 + r.nextInt(30);
                for (int i = 0; i < n; i++) {
                    carets.add(r.nextInt(text.length() + 1));
                }
                List<Selection> sels = new ArrayList<>();
                carets.forEach(c -> sels.add(Selection.cursor(c)));
                SelectionSet set = SelectionSet.of(sels);
                String typed = Seeds.text(r, 3).replace("\r", "");
                StringBuilder ref = new StringBuilder(text);
                for (Integer c : carets.descendingSet()) {
                    ref.insert(c, typed);
                }
                Transaction tx = MultiCursor.type(rope, set, typed);
                Rope after = tx.change().apply(rope);
                after.checkInvariants();
                assertEquals(ref.toString(), after.toString());
                int shift = 0;
                int i = 0;
                for (Integer c : carets) {
                    shift += typed.length();
                    assertEquals(c + shift, tx.selectionsAfter().get(i++).head());
                }
                // Backspace at each caret (code point aware) against the reference.
                Transaction del = MultiCursor.delete(after, tx.selectionsAfter(), false);
                StringBuilder ref2 = new StringBuilder(ref);
                int lastFrom = Integer.MAX_VALUE;
                for (int k = tx.selectionsAfter().size() - 1; k >= 0; k--) {
                    int head = tx.selectionsAfter().get(k).head();
                    int from = head == 0 ? 0 : ref.codePointBefore(head) > 0xFFFF ? head - 2 : head - 1;
                    int to = Math.min(head, lastFrom);
                    if (from < to) {
                        ref2.delete(from, to);
                    }
                    lastFrom = Math.min(from, lastFrom);
                }
                assertEquals(ref2.toString(), del.change().apply(after).toString());
            }
        });
    }

    @Test
    void movesAndCursorAdding() {
        Rope rope = Rope.of("alpha beta\nxy\ngamma delta\n", 3, 4);
        SelectionSet s = SelectionSet.cursorAt(8);
        s = MultiCursor.move(rope, s, Motion.LINE_DOWN, false).selectionsAfter();
        assertEquals(13, s.get(0).head(), "clipped to the short line");
        s = MultiCursor.move(rope, s, Motion.LINE_DOWN, false).selectionsAfter();
        assertEquals(22, s.get(0).head(), "goal column remembered");
        assertEquals(6, MultiCursor.move(rope, SelectionSet.cursorAt(0), Motion.WORD_RIGHT, false).selectionsAfter().get(0).head() + 1);
        assertEquals(6, MultiCursor.move(rope, SelectionSet.cursorAt(9), Motion.WORD_LEFT, false).selectionsAfter().get(0).head());
        SelectionSet three = MultiCursor.addCursorsVertically(rope, SelectionSet.cursorAt(12), false);
        assertEquals(2, three.size());
        assertEquals(List.of(Selection.of(0, 5)), MultiCursor.addCursorsAtAllMatches(rope, SelectionSet.cursorAt(2)).all());
        SelectionSet box = MultiCursor.column(rope, 1, 17);
        assertEquals(3, box.size());
        assertEquals(Selection.of(12, 13), box.get(1));
        Transaction t = MultiCursor.type(rope, box, "");
        assertEquals("aha beta\nx\ngma delta\n", t.change().apply(rope).toString());
    }

    private static int moved(Rope rope, int at, Motion motion) {
        return MultiCursor.move(rope, SelectionSet.cursorAt(at), motion, false).selectionsAfter().get(0).head();
    }

    /** A caret never stops inside what shows as one character; Backspace still takes one code point back. */
    @Test
    void caretsStepOverGraphemeClustersAndBackspaceRemovesOneCodePoint() {
        Rope rope = Rope.of("e\u0301x\uD83D\uDE00y\r\nz");
        // e + combining acute | x | grinning face (a surrogate pair) | y | CRLF | z
        int[] stops = {0, 2, 3, 5, 6, 8, 9};
        for (int i = 0; i + 1 < stops.length; i++) {
            assertEquals(stops[i + 1], moved(rope, stops[i], Motion.CHAR_RIGHT), "right from " + stops[i]);
            assertEquals(stops[i], moved(rope, stops[i + 1], Motion.CHAR_LEFT), "left from " + stops[i + 1]);
        }
        assertEquals("ex\uD83D\uDE00y\r\nz",
                MultiCursor.delete(rope, SelectionSet.cursorAt(2), false).change().apply(rope).toString(),
                "Backspace after e + accent removes the accent");
        assertEquals("x\uD83D\uDE00y\r\nz",
                MultiCursor.delete(rope, SelectionSet.cursorAt(0), true).change().apply(rope).toString(),
                "Delete removes the letter with its accent");
        assertEquals("e\u0301x\uD83D\uDE00yz",
                MultiCursor.delete(rope, SelectionSet.cursorAt(8), false).change().apply(rope).toString(),
                "Backspace after CRLF removes both");
    }

    @Test
    void upAndDownStepOverFoldedLinesKeepingTheGoalColumn() {
        Rope rope = Rope.of("line0\nline1\nline2\nline3\nline4\nline5\n");
        ShownLines shown = dev.symphony.editor.fold.VisibleLines.of(List.of(new dev.symphony.editor.fold.FoldRegion(1, 3)), 7)::lineBy;
        SelectionSet down = MultiCursor.move(rope, SelectionSet.cursorAt(2), Motion.LINE_DOWN, false, shown).selectionsAfter();
        assertEquals(8, down.get(0).head(), "down from line 0 lands on the fold's first line");
        down = MultiCursor.move(rope, down, Motion.LINE_DOWN, false, shown).selectionsAfter();
        assertEquals(26, down.get(0).head(), "down from the fold's first line lands after the fold, same column");
        SelectionSet up = MultiCursor.move(rope, down, Motion.LINE_UP, false, shown).selectionsAfter();
        assertEquals(8, up.get(0).head(), "up from after the fold lands on its first line");

        // add a caret below / above: on the next shown line, never inside the fold (it would unfold it)
        SelectionSet added = MultiCursor.addCursorsVertically(rope, SelectionSet.cursorAt(8), false, shown);
        assertEquals(List.of(8, 26), added.all().stream().map(Selection::head).sorted().toList(), "below the fold's first line: after the fold");
        added = MultiCursor.addCursorsVertically(rope, SelectionSet.cursorAt(26), true, shown);
        assertEquals(List.of(8, 26), added.all().stream().map(Selection::head).sorted().toList(), "above the line after it: its first line");
    }
}
