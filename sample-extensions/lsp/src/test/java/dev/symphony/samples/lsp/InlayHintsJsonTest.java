package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintLabelPart;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** Inlay hints from a hostile server: padding as spaces, label parts joined, missing positions and empty labels skipped, capped. */
class InlayHintsJsonTest {
    @Test
    void hintsKeepTheirPlaceLabelAndKindWithPaddingAsSpaces() {
        InlayHint parameter = new InlayHint(new Position(2, 6), Either.forLeft("name:"));
        parameter.setKind(InlayHintKind.Parameter);
        parameter.setPaddingRight(true);
        InlayHint type = new InlayHint(new Position(0, 7), Either.forRight(List.of(new InlayHintLabelPart(": "), new InlayHintLabelPart("number"))));
        type.setKind(InlayHintKind.Type);
        InlayHint noPosition = new InlayHint();
        noPosition.setLabel(Either.forLeft("x"));
        InlayHint empty = new InlayHint(new Position(1, 0), Either.forLeft(" "));
        InlayHint multiLine = new InlayHint(new Position(3, 1), Either.forLeft("a\nb"));
        JsonNode out = InlayHintsJson.of(Arrays.asList(parameter, null, type, noPosition, empty, multiLine)).path("hints");
        assertEquals(3, out.size(), out.toString());
        assertEquals("2:6 [name: ] parameter", hint(out.get(0)));
        assertEquals("0:7 [: number] type", hint(out.get(1)));
        assertEquals("3:1 [a b] ", hint(out.get(2)));
        assertEquals(0, InlayHintsJson.of(null).path("hints").size());
    }

    @Test
    void longLabelsAreCutAndTooManyHintsCapped() {
        List<InlayHint> many = new ArrayList<>();
        for (int i = 0; i < InlayHintsJson.MAX_HINTS + 10; i++) {
            many.add(new InlayHint(new Position(i, 0), Either.forLeft("x".repeat(i == 0 ? 500 : 1))));
        }
        JsonNode out = InlayHintsJson.of(many).path("hints");
        assertEquals(InlayHintsJson.MAX_HINTS, out.size());
        assertEquals(InlayHintsJson.MAX_LABEL, out.get(0).path("label").asText().length());
    }

    private static String hint(JsonNode h) {
        return h.path("line").asInt() + ":" + h.path("column").asInt() + " [" + h.path("label").asText() + "] " + h.path("kind").asText();
    }
}
