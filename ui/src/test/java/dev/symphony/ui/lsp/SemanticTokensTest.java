package dev.symphony.ui.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.editor.text.ChangeSet;
import dev.symphony.editor.text.Rope;
import dev.symphony.editor.text.TextEdit;
import dev.symphony.ui.editor.StyledLine;
import dev.symphony.ui.editor.TokenLook;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Decoding a server's semantic tokens, carrying them through edits, and layering their looks over TextMate's spans. */
class SemanticTokensTest {
    private static final String TEXT = "const s = 1;\nlet t = s;\n";
    private static final TokenLook A = new TokenLook(Color.RED, false, false, false);
    private static final TokenLook B = new TokenLook(Color.GREEN, false, false, false);
    private static final TokenLook CONSTANT = new TokenLook(Color.BLUE, true, false, false);
    private static final Function<String, TokenLook> LOOKS = scope -> scope.equals("variable.other.constant") ? CONSTANT
            : new TokenLook(null, false, false, false); // no colour of its own: TextMate's stays

    @Test
    void decodesRelativeDataWithTheLegend() throws Exception {
        SemanticTokens tokens = SemanticTokens.decode(answer(
                0, 6, 1, 0, 3, // s: variable, declaration + readonly
                1, 4, 1, 0, 0, // t: variable
                0, 4, 1, 0, 2, // s: variable, readonly
                0, 0, 1, 7, 0, // an unknown type index: left out
                0, 0, 1, 1, 0), Rope.of(TEXT)); // overlapping the s before: left out
        assertEquals(List.of("6-7 variable.other.constant", "17-18 variable.other.readwrite", "21-22 variable.other.constant"), all(tokens));

        SemanticTokens past = SemanticTokens.decode(answer(1, 8, 50, 0, 0, 5, 0, 1, 0, 0), Rope.of(TEXT));
        assertEquals(List.of("21-23 variable.other.readwrite"), all(past), "cut at the line's end; a line past the text ends it");
    }

    @Test
    void editsMoveTokensAndDropTheOnesTheyTouch() throws Exception {
        SemanticTokens tokens = SemanticTokens.decode(answer(0, 6, 1, 0, 3, 1, 4, 1, 0, 0, 0, 4, 1, 0, 2), Rope.of(TEXT));
        assertEquals(List.of("7-8 variable.other.constant", "18-19 variable.other.readwrite", "22-23 variable.other.constant"),
                all(tokens.edited(ChangeSet.of(TextEdit.insert(0, "x")))));
        assertEquals(List.of("6-7 variable.other.constant", "22-23 variable.other.constant"),
                all(tokens.edited(ChangeSet.of(TextEdit.insert(17, "x")))), "typing at a token's start drops it");
        assertEquals(List.of("6-7 variable.other.constant", "21-22 variable.other.constant"),
                all(tokens.edited(ChangeSet.of(TextEdit.insert(18, "x"), TextEdit.delete(19, 20)))), "typing at its end too");
        assertEquals(List.of("15-16 variable.other.readwrite", "19-20 variable.other.constant"),
                all(tokens.edited(ChangeSet.of(TextEdit.delete(5, 7)))));
    }

    @Test
    void looksAreLayeredOverTextMateSpans() throws Exception {
        SemanticTokens tokens = SemanticTokens.decode(answer(0, 6, 1, 0, 3, 1, 4, 1, 0, 0, 0, 4, 1, 0, 2), Rope.of(TEXT));
        StyledLine base = spans(new int[] {0, 3}, A, B); // "let" and the rest
        StyledLine line = tokens.apply(13, 10, base, LOOKS);
        assertEquals("0 A, 3 B, 8 C, 9 B", describe(line), "t keeps TextMate's look (no colour of its own), s is a constant");
        assertEquals("0 P, 6 C, 7 P", describe(tokens.apply(0, 12, null, LOOKS)), "a line not styled yet");
        StyledLine none = spans(new int[] {0}, A);
        assertSame(none, SemanticTokens.NONE.apply(0, 12, none, LOOKS), "no tokens: TextMate's spans as they are");
    }

    private static JsonNode answer(int... data) throws Exception {
        return new ObjectMapper().readTree("{\"types\": [\"variable\", \"function\"], \"modifiers\": [\"declaration\", \"readonly\"], \"data\": "
                + java.util.Arrays.toString(data) + "}");
    }

    private static List<String> all(SemanticTokens tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.describe(i));
        }
        return out;
    }

    private static StyledLine spans(int[] starts, TokenLook... looks) {
        return new SemanticTokens.Layered(starts, looks);
    }

    private static String describe(StyledLine line) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            TokenLook l = line.look(i);
            out.add(line.start(i) + " " + (l == A ? "A" : l == B ? "B" : l == CONSTANT ? "C" : l == TokenLook.PLAIN ? "P" : l.toString()));
        }
        return String.join(", ", out);
    }
}
