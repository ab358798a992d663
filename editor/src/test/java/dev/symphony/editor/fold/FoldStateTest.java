package dev.symphony.editor.fold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldStateTest {
    private static final String TEXT = "top\ndef f():\n    a\n    b\nend\n";

    private final FoldState state = new FoldState();
    private Rope text = Rope.of(TEXT);

    private void edit(TextEdit e) {
        Rope before = text;
        ChangeSet change = ChangeSet.of(e);
        text = change.apply(before);
        state.map(before, text, change);
    }

    @Test
    void aFoldMovesDownWhenLinesAreInsertedAbove() {
        state.fold(new FoldRegion(1, 3), text);
        edit(TextEdit.insert(0, "one\ntwo\n"));
        assertEquals(List.of(new FoldRegion(3, 5)), state.regions(text));
        assertEquals(5, state.lastHiddenAfter(3, text));
        assertEquals(3, state.shownLineOf(4, text));
    }

    @Test
    void typingOnTheFirstLineOrBelowKeepsTheFold() {
        state.fold(new FoldRegion(1, 3), text);
        edit(TextEdit.insert(text.lineEnd(1), " # note"));
        edit(TextEdit.insert(text.lineStart(4), "x"));
        assertEquals(List.of(new FoldRegion(1, 3)), state.regions(text));
    }

    @Test
    void anEditInHiddenTextUnfolds() {
        state.fold(new FoldRegion(1, 3), text);
        edit(TextEdit.insert(text.lineStart(2) + 2, "z"));
        assertTrue(state.isEmpty());
    }

    @Test
    void joiningTheFirstLineWithTheHiddenOnesUnfolds() {
        state.fold(new FoldRegion(1, 3), text);
        edit(TextEdit.delete(text.lineEnd(1), text.lineEnd(1) + 1));
        assertTrue(state.isEmpty());
    }

    @Test
    void anUndoWithoutAChangeSetIsTakenAsTheEditBetweenTheTexts() {
        state.fold(new FoldRegion(1, 3), text);
        Rope before = text;
        text = Rope.of("new first line\n" + TEXT);
        state.map(before, text, null);
        assertEquals(List.of(new FoldRegion(2, 4)), state.regions(text));
    }

    @Test
    void regionsThatOnlyMoveKeepARegionAnEditLandsIn() {
        FoldState regions = new FoldState(false);
        regions.set(List.of(new FoldRegion(1, 3), new FoldRegion(1, 2), new FoldRegion(3, 9)), text);
        assertEquals(List.of(new FoldRegion(1, 3)), regions.regions(text), "one region per start line, none past the end");
        Rope before = text;
        ChangeSet change = ChangeSet.of(TextEdit.insert(text.lineStart(2), "    x = 0\n"));
        text = change.apply(before);
        regions.map(before, text, change);
        assertEquals(List.of(new FoldRegion(1, 4)), regions.regions(text), "typing inside grows the region");
    }

    @Test
    void revealingAHiddenLineUnfoldsOnlyTheFoldsHidingIt() {
        text = Rope.of("a\n b\n  c\n  d\ne\n f\n");
        state.fold(new FoldRegion(1, 3), text);
        state.fold(new FoldRegion(4, 5), text);
        assertFalse(state.fold(new FoldRegion(4, 5), text));
        assertTrue(state.reveal(2, text));
        assertEquals(List.of(new FoldRegion(4, 5)), state.regions(text));
        assertFalse(state.reveal(0, text));
    }
}
