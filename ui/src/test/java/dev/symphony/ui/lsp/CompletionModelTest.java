package dev.symphony.ui.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The completion list's filter, its staleness rule, and the edits accepting an item makes (with auto-import edits). */
class CompletionModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<CompletionModel.Item> items(String json) throws Exception {
        return CompletionModel.items(JSON.readTree(json));
    }

    @Test
    void prefixMatchesComeFirstThenLettersInOrderEachInSortOrder() throws Exception {
        var all = items("{\"items\": [{\"index\":0,\"label\":\"greeting\",\"sortText\":\"b\"}, {\"index\":1,\"label\":\"greet\",\"sortText\":\"a\"},"
                + "{\"index\":2,\"label\":\"get_green\",\"sortText\":\"0\"}, {\"index\":3,\"label\":\"print\"}]}");
        assertEquals(List.of("greet", "greeting", "get_green"), CompletionModel.filter(all, "Gre").stream().map(CompletionModel.Item::label).toList());
        assertEquals(4, CompletionModel.filter(all, "").size());
        assertTrue(CompletionModel.filter(all, "xyz").isEmpty());
    }

    @Test
    void aListFitsWhileEditsSinceAreInItsWordAndTheCaretStaysInIt() {
        Rope then = Rope.of("x = gre");
        int anchor = 4;
        ChangeSet typedE = ChangeSet.of(TextEdit.insert(7, "e"));
        Rope now = typedE.apply(then);
        assertTrue(CompletionModel.fits(anchor, List.of(typedE), now, 8));
        ChangeSet editBefore = ChangeSet.of(TextEdit.insert(0, "y"));
        assertFalse(CompletionModel.fits(anchor, List.of(editBefore), editBefore.apply(then), 8), "an edit before the word: stale");
        ChangeSet typedDot = ChangeSet.of(TextEdit.insert(7, "."));
        assertFalse(CompletionModel.fits(anchor, List.of(typedDot), typedDot.apply(then), 8), "the caret left the word: stale");
        assertFalse(CompletionModel.fits(anchor, List.of(), then, 3), "the caret before the word");
    }

    @Test
    void acceptingReplacesTheWordAndAppliesAutoImportEditsInOneChange() throws Exception {
        Rope then = Rope.of("x = gre\n");
        ChangeSet typed = ChangeSet.of(TextEdit.insert(7, "e"));
        Rope now = typed.apply(then);
        JsonNode item = JSON.readTree("{\"index\":0,\"label\":\"greet\",\"insertText\":\"greet()\",\"caret\":6,"
                + "\"range\":{\"startLine\":0,\"startColumn\":4,\"endLine\":0,\"endColumn\":7},"
                + "\"additionalEdits\":[{\"startLine\":0,\"startColumn\":0,\"endLine\":0,\"endColumn\":0,\"text\":\"from lib import greet\\n\"}]}");
        CompletionModel.Item i = CompletionModel.Item.of(item);
        List<TextEdit> extra = Positions.edits(i.additionalEdits(), then, List.of(typed));
        CompletionModel.Accepted a = CompletionModel.accept(i, 4, 8, then, List.of(typed), extra);
        Rope after = a.change().apply(now);
        assertEquals("from lib import greet\nx = greet()\n", after.toString());
        assertEquals("from lib import greet\nx = greet(".length(), a.caret(), "the caret at the snippet's first tab stop");
    }

    @Test
    void aResolveThatMakesTheItemASnippetBringsItsTextAndStops() throws Exception {
        CompletionModel.Item listed = CompletionModel.Item.of(JSON.readTree("{\"index\":3,\"label\":\"pair\",\"kind\":\"Function\"}"));
        CompletionModel.Item plainResolve = listed.resolvedWith(CompletionModel.Item.of(JSON.readTree(
                "{\"index\":3,\"label\":\"pair\",\"documentation\":\"Pairs.\"}")));
        assertEquals("pair", plainResolve.insertText());
        assertNull(plainResolve.stops());
        assertEquals("Pairs.", plainResolve.documentation());
        CompletionModel.Item snippet = listed.resolvedWith(CompletionModel.Item.of(JSON.readTree("{\"index\":3,\"label\":\"pair\","
                + "\"insertText\":\"pair(first, second)\",\"caret\":5,\"stops\":[[1,5,10],[2,12,18],[0,19,19]]}")));
        assertEquals("pair(first, second)", snippet.insertText());
        assertEquals(5, snippet.caret());
        assertEquals(3, snippet.stops().size());
        assertEquals("Function", snippet.kind(), "what the list said stays");
    }

    @Test
    void overlappingServerEditsAreRefused() throws Exception {
        JsonNode edits = JSON.readTree("[{\"startLine\":0,\"startColumn\":0,\"endLine\":0,\"endColumn\":3,\"text\":\"a\"},"
                + "{\"startLine\":0,\"startColumn\":2,\"endLine\":0,\"endColumn\":4,\"text\":\"b\"}]");
        assertNull(Positions.edits(edits, Rope.of("abcdef"), List.of()));
    }
}
