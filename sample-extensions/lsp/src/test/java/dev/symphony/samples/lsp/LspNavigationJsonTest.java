package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** Document highlights from a hostile server: missing ranges and nulls skipped, no kind read as LSP's default (text), capped. */
class LspNavigationJsonTest {
    @Test
    void highlightsKeepTheirRangeAndKindAndSkipWhatIsMissing() {
        DocumentHighlight write = new DocumentHighlight(new Range(new Position(1, 6), new Position(1, 7)), DocumentHighlightKind.Write);
        DocumentHighlight noKind = new DocumentHighlight(new Range(new Position(2, 0), new Position(2, 1)));
        DocumentHighlight noRange = new DocumentHighlight();
        Range half = new Range(); // as Gson leaves a range without its end
        half.setStart(new Position(3, 0));
        DocumentHighlight halfRange = new DocumentHighlight(half);
        JsonNode out = LspNavigationJson.highlights(Arrays.asList(write, null, noKind, noRange, halfRange));
        JsonNode h = out.path("highlights");
        assertEquals(2, h.size(), out.toString());
        assertEquals("1:6-1:7 write", place(h.get(0)));
        assertEquals("2:0-2:1 text", place(h.get(1)));
        assertEquals(0, LspNavigationJson.highlights(null).path("highlights").size());

        List<DocumentHighlight> many = new ArrayList<>();
        for (int i = 0; i < LspJson.MAX_ITEMS + 10; i++) {
            many.add(new DocumentHighlight(new Range(new Position(i, 0), new Position(i, 1)), DocumentHighlightKind.Read));
        }
        assertEquals(LspJson.MAX_ITEMS, LspNavigationJson.highlights(many).path("highlights").size(), "capped");
    }

    private static String place(JsonNode n) {
        return n.path("startLine").asInt() + ":" + n.path("startColumn").asInt() + "-" + n.path("endLine").asInt() + ":"
                + n.path("endColumn").asInt() + " " + n.path("kind").asText();
    }
}
