package dev.symphony.ui.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.editor.Inlay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inlay hints placed in their text, moved with edits, dropped where an edit touches them, and found by line. */
class InlayHintSetTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Rope TEXT = Rope.of("const n = add(1, 2);\nconst m = n;\n");

    private static InlayHintSet hints() throws Exception {
        return InlayHintSet.decode(JSON.readTree("{\"hints\": [{\"line\":0,\"column\":17,\"label\":\"b: \"},"
                + "{\"line\":0,\"column\":14,\"label\":\"a: \"}, {\"line\":1,\"column\":7,\"label\":\": number\"},"
                + "{\"line\":9,\"column\":0,\"label\":\"past the end\"}, {\"line\":1,\"column\":99,\"label\":\" end\"}, {\"line\":0,\"label\":\"\"}]}"), TEXT);
    }

    @Test
    void hintsArePlacedSortedAndALineGetsItsOwn() throws Exception {
        InlayHintSet h = hints();
        assertEquals(List.of("14:a: ", "17:b: ", "28:: number", "33: end"), h.describe(), "sorted; a column past the line's end is its end");
        assertEquals(List.of(new Inlay(14, "a: "), new Inlay(17, "b: ")), h.inLine(0, 20));
        assertEquals(List.of(new Inlay(7, ": number"), new Inlay(12, " end")), h.inLine(21, 12));
        assertEquals(List.of(), h.inLine(34, 0));
    }

    @Test
    void editsMoveHintsAndDropTheOnesTheyTouch() throws Exception {
        InlayHintSet h = hints();
        ChangeSet beforeBoth = ChangeSet.of(TextEdit.insert(0, "export "));
        assertEquals(List.of("21:a: ", "24:b: ", "35:: number", "40: end"), h.edited(beforeBoth).describe(), "an edit before moves them");
        ChangeSet atA = ChangeSet.of(TextEdit.insert(14, "x"));
        assertEquals(List.of("18:b: ", "29:: number", "34: end"), h.edited(atA).describe(), "typing at a hint drops it");
        ChangeSet overB = ChangeSet.of(new TextEdit(15, 18, ""));
        assertEquals(List.of("14:a: ", "25:: number", "30: end"), h.edited(overB).describe(), "deleting across a hint drops it");
        ChangeSet after = ChangeSet.of(TextEdit.insert(TEXT.length(), "// end\n"));
        assertEquals(h.describe(), h.edited(after).describe(), "an edit after them leaves them");
        assertEquals(0, h.edited(ChangeSet.of(new TextEdit(0, TEXT.length(), ""))).size());
    }
}
