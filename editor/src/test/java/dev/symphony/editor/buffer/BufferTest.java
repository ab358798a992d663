package dev.symphony.editor.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.Seeds;
import dev.symphony.editor.selection.MultiCursor;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.selection.SelectionSet;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BufferTest {

    private long now;

    private Buffer buffer(String text) {
        return new Buffer(Rope.of(text, 4, 4), () -> now);
    }

    private static void type(Buffer b, String chars) {
        for (char c : chars.toCharArray()) {
            b.apply(MultiCursor.type(b.text(), b.selections(), String.valueOf(c)), EditKind.TYPING);
        }
    }

    @Test
    void typingAWordIsOneUndoStep() {
        Buffer b = buffer("");
        type(b, "hello world");
        assertEquals("hello world", b.text().toString());
        assertTrue(b.undo());
        assertEquals("hello", b.text().toString());
        assertTrue(b.undo());
        assertEquals("", b.text().toString());
        assertFalse(b.undo());
        assertTrue(b.redo());
        assertTrue(b.redo());
        assertEquals("hello world", b.text().toString());
        assertEquals(SelectionSet.cursorAt(11), b.selections());
    }

    @Test
    void pauseCaretMoveAndPasteBreakGroups() {
        Buffer b = buffer("");
        type(b, "ab");
        now += 5000;
        type(b, "cd");
        b.setSelections(SelectionSet.cursorAt(0));
        type(b, "x");
        b.apply(MultiCursor.type(b.text(), b.selections(), "PASTED"), EditKind.COMMAND);
        b.apply(MultiCursor.type(b.text(), b.selections(), "AGAIN"), EditKind.COMMAND);
        List<String> states = new ArrayList<>();
        do {
            states.add(b.text().toString());
        } while (b.undo());
        assertEquals(List.of("xPASTEDAGAINabcd", "xPASTEDabcd", "xabcd", "abcd", "ab", ""), states);
    }

    @Test
    void multiCursorEditIsOneStepAndBackspacesMerge() {
        Buffer b = buffer("a\nb\nc\n");
        b.setSelections(SelectionSet.of(List.of(Selection.cursor(1), Selection.cursor(3), Selection.cursor(5))));
        type(b, "xy");
        assertEquals("axy\nbxy\ncxy\n", b.text().toString());
        b.apply(MultiCursor.delete(b.text(), b.selections(), false), EditKind.DELETING);
        b.apply(MultiCursor.delete(b.text(), b.selections(), false), EditKind.DELETING);
        assertEquals("a\nb\nc\n", b.text().toString());
        b.undo();
        assertEquals("axy\nbxy\ncxy\n", b.text().toString());
        b.undo();
        assertEquals("a\nb\nc\n", b.text().toString());
    }

    @Test
    void undoThenTypeBranchesAndTheOldBranchStaysReachable() {
        Buffer b = buffer("");
        type(b, "one");
        long oneEnd = b.revision();
        b.undo();
        type(b, "two");
        assertEquals("two", b.text().toString());
        b.undo();
        assertEquals(2, b.branches().size());
        b.selectBranch(0);
        b.redo();
        assertEquals("one", b.text().toString());
        b.goTo(oneEnd);
        assertEquals("one", b.text().toString());
        assertTrue(b.earlier());
        assertEquals("", b.text().toString());
        assertTrue(b.later());
        assertTrue(b.later());
        assertEquals("two", b.text().toString());
    }

    @Test
    void externalEditsAreRebasedOrRejected() throws StaleEditException {
        Buffer b = buffer("hello world");
        long base = b.revision();
        b.edit(ChangeSet.of(TextEdit.insert(0, ">> ")), EditKind.COMMAND);
        b.applyExternal(base, ChangeSet.of(new TextEdit(6, 11, "there")));
        assertEquals(">> hello there", b.text().toString());
        StaleEditException e = assertThrows(StaleEditException.class,
                () -> b.applyExternal(base, ChangeSet.of(new TextEdit(7, 9, "OR"))));
        assertTrue(e.getMessage().contains("conflicts with revision"), e.getMessage());
        assertThrows(StaleEditException.class, () -> b.applyExternal(999, ChangeSet.of(TextEdit.insert(0, "x"))));
        // Based on a state on another branch: mapped back through the undone change.
        long there = b.revision();
        b.undo();
        b.undo();
        b.edit(ChangeSet.of(TextEdit.insert(11, "!")), EditKind.COMMAND);
        b.applyExternal(there, ChangeSet.of(TextEdit.insert(3, "[")));
        assertEquals("[hello world!", b.text().toString());
    }

    /** Property: random edits, undos, redos and jumps; every state is reproduced exactly. */
    @Test
    void undoAllReturnsTheOriginalAndEveryStateIsReachable() {
        Seeds.run("Buffer undo property", r -> {
            for (int round = 0; round < 30; round++) {
                String original = Seeds.text(r, 100);
                Buffer b = buffer(original);
                Map<Long, String> seen = new HashMap<>();
                seen.put(b.revision(), original);
                for (int step = 0; step < 150; step++) {
                    int op = r.nextInt(10);
                    String expect = b.text().toString();
                    if (op < 5) {
                        int from = r.nextInt(expect.length() + 1);
                        int to = Math.min(expect.length(), from + r.nextInt(3));
                        EditKind kind = EditKind.values()[r.nextInt(3)];
                        now += r.nextInt(700);
                        b.edit(ChangeSet.of(new TextEdit(from, to, Seeds.text(r, 3))), kind);
                    } else if (op < 7) {
                        b.undo();
                    } else if (op < 9) {
                        b.redo();
                    } else {
                        List<Long> ids = new ArrayList<>(seen.keySet());
                        long id = ids.get(r.nextInt(ids.size()));
                        if (b.revision(id).get().isGroupEnd()) {
                            b.goTo(id);
                            assertEquals(seen.get(id), b.text().toString());
                        }
                    }
                    seen.put(b.revision(), b.text().toString());
                }
                while (b.undo()) {
                    // back to the start
                }
                assertEquals(original, b.text().toString());
                for (Revision rev : b.timeline()) {
                    b.goTo(rev.id());
                    assertEquals(seen.get(rev.id()), b.text().toString(), "state of revision " + rev.id());
                }
            }
        });
    }

    @Test
    void anEditByAnotherAtTheCaretLeavesACaretAndASelectionTakesInTextAtItsEnds() {
        Buffer b = buffer("const a = 1;\n");
        b.setSelections(SelectionSet.cursorAt(0));
        b.edit(ChangeSet.of(TextEdit.insert(0, "import x;\n")), EditKind.COMMAND); // a server's auto-import at the caret
        assertEquals(SelectionSet.cursorAt(10), b.selections(), "the caret stays with its text, nothing is selected");
        b.setSelections(SelectionSet.single(Selection.of(10, 15)));
        b.edit(ChangeSet.of(TextEdit.insert(10, "/*1*/"), TextEdit.insert(15, "/*2*/")), EditKind.COMMAND);
        assertEquals(SelectionSet.single(Selection.of(10, 25)), b.selections(), "text inserted at a selection's ends goes into it");
    }
}
