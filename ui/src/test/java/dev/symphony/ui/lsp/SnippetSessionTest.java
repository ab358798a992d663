package dev.symphony.ui.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.editor.selection.Selection;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snippet mode's tab stops: their order, mirrors, moving with typing, and what ends the mode. */
class SnippetSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String selectedText(SnippetSession s, Rope text) {
        Selection x = s.selection().get(0);
        return text.substring(x.start(), x.end()).toString();
    }

    @Test
    void acceptingASnippetSelectsItsFirstStopAndTabGoesThroughThemToTheEnd() throws Exception {
        // "x = " then pair(${1:first}, ${2:second})$0 completed at "pa"
        Rope then = Rope.of("x = pa\n");
        CompletionModel.Item item = CompletionModel.Item.of(JSON.readTree("{\"index\":0,\"label\":\"pair\",\"insertText\":\"pair(first, second)\","
                + "\"caret\":5,\"stops\":[[1,5,10],[2,12,18],[0,19,19]]}"));
        CompletionModel.Accepted a = CompletionModel.accept(item, 4, 6, then, List.of(), List.of());
        Rope text = a.change().apply(then);
        assertEquals("x = pair(first, second)\n", text.toString());
        SnippetSession s = a.snippet();
        assertEquals("first", selectedText(s, text));

        // typing "1" over the selected placeholder: $1 becomes "1", $2 and $0 move
        ChangeSet typed = ChangeSet.of(new TextEdit(9, 14, "1"));
        assertTrue(s.map(typed));
        text = typed.apply(text);
        assertEquals("1", selectedText(s, text));
        assertTrue(s.next());
        assertEquals("second", selectedText(s, text));
        assertTrue(s.previous());
        assertEquals("1", selectedText(s, text), "Shift+Tab back to $1, as typed");
        assertFalse(s.previous(), "no stop before the first");
        assertTrue(s.next());
        assertTrue(s.next());
        assertTrue(s.onLastStop());
        assertEquals(List.of(text.toString().indexOf(')') + 1), s.selection().all().stream().map(Selection::head).toList(), "$0 after the call");
        assertFalse(s.next());
    }

    @Test
    void aStopUsedTwiceIsSelectedInBothPlacesAndTypingGrowsBoth() {
        // ${1:T} make(): $1 {}  at 0; no $0: the end of the snippet is the last stop
        SnippetSession s = SnippetSession.of(List.of(new SnippetSession.TabStop(1, 0, 1), new SnippetSession.TabStop(1, 10, 11)), 0, 14);
        assertEquals(2, s.selection().size());
        ChangeSet both = new ChangeSet(List.of(new TextEdit(0, 1, "Map"), new TextEdit(10, 11, "Map")));
        assertTrue(s.map(both));
        Rope text = both.apply(Rope.of("T make(): T {}"));
        assertEquals("Map make(): Map {}", text.toString());
        assertEquals(List.of("Map", "Map"), s.selection().all().stream().map(x -> text.substring(x.start(), x.end()).toString()).toList());
        assertTrue(s.next());
        assertEquals(18, s.selection().get(0).head(), "the implicit $0: the snippet's end");
    }

    @Test
    void anEditOutsideTheSnippetOrAnUndoEndsIt() {
        SnippetSession s = SnippetSession.of(List.of(new SnippetSession.TabStop(1, 10, 10)), 5, 12);
        assertTrue(s.map(ChangeSet.of(TextEdit.insert(10, "a"))), "typing in the stop");
        assertTrue(s.contains(13));
        assertFalse(s.contains(14));
        assertFalse(s.map(ChangeSet.of(TextEdit.insert(2, "b"))), "an edit before the snippet");
        SnippetSession t = SnippetSession.of(List.of(new SnippetSession.TabStop(1, 10, 10)), 5, 12);
        assertFalse(t.map(null), "an undo: the session cannot follow it");
    }

    @Test
    void nothingToTabThroughIsNoSession() {
        assertNull(SnippetSession.of(List.of(new SnippetSession.TabStop(0, 3, 3)), 0, 5), "only $0: the caret goes there, no mode");
        assertNull(SnippetSession.of(List.of(new SnippetSession.TabStop(1, 3, 9)), 0, 5), "a stop outside the inserted text is ignored");
    }
}
