package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.junit.jupiter.api.Test;

/** A semantic tokens delta applied to the last data; a hostile server's edits and data are refused or cut. */
class SemanticTokensJsonTest {
    private static final List<Integer> DATA = List.of(0, 6, 1, 0, 3, 1, 4, 1, 0, 0);

    @Test
    void aDeltaReplacesNumbersOfTheLastData() {
        List<SemanticTokensEdit> edits = List.of(new SemanticTokensEdit(6, 1, List.of(8)), new SemanticTokensEdit(0, 0, List.of(0, 0, 3, 0, 0)));
        assertEquals(List.of(0, 0, 3, 0, 0, 0, 6, 1, 0, 3, 1, 8, 1, 0, 0), SemanticTokensJson.applyDelta(DATA, edits),
                "edits by their start, each replacing deleteCount numbers");
        assertEquals(List.of(0, 6, 1, 0, 3), SemanticTokensJson.applyDelta(DATA, List.of(new SemanticTokensEdit(5, 5, null))));
    }

    @Test
    void editsOutOfBoundsOrOverlappingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SemanticTokensJson.applyDelta(DATA, List.of(new SemanticTokensEdit(8, 5, List.of()))));
        assertThrows(IllegalArgumentException.class, () -> SemanticTokensJson.applyDelta(DATA,
                List.of(new SemanticTokensEdit(0, 4, List.of()), new SemanticTokensEdit(2, 1, List.of()))));
        assertThrows(IllegalArgumentException.class, () -> SemanticTokensJson.applyDelta(DATA, List.of(new SemanticTokensEdit(0, -1, List.of()))));
    }

    @Test
    void dataIsCutToWholeTokensAndNegativesOrNullsAreZero() {
        JsonNode out = SemanticTokensJson.of(new SemanticTokensLegend(List.of("variable"), List.of("readonly")),
                new ArrayList<>(Arrays.asList(0, -3, 1, null, 2, 9, 9)), "r1");
        assertEquals("[0,0,1,0,2]", out.path("data").toString());
        assertEquals("[\"variable\"]", out.path("types").toString());
        assertEquals("r1", out.path("resultId").asText());
    }
}
