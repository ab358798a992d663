package dev.symphony.ui.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.editor.TokenLook;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Snippets coloured by the editor's own TextMate grammars and themes. */
class CodeHighlighterTest {
    private static final String JAVA = "class A {\n    // a comment\n    String s = \"text\";\n}";

    @Test
    void aJavaSnippetGetsTheThemesColoursLineByLine() {
        List<List<CodeHighlighter.Run>> light = CodeHighlighter.highlight("java", JAVA, false).orElseThrow();
        assertEquals(4, light.size(), "one list of runs a line");
        for (int i = 0; i < light.size(); i++) {
            List<CodeHighlighter.Run> runs = light.get(i);
            int covered = runs.stream().mapToInt(r -> r.end() - r.start()).sum();
            assertEquals(JAVA.split("\n")[i].length(), covered, "the runs cover line " + i);
        }
        Set<TokenLook> looks = light.stream().flatMap(List::stream).map(CodeHighlighter.Run::look).collect(Collectors.toSet());
        assertTrue(looks.size() >= 3, "keyword, comment and string look different: " + looks);
        List<List<CodeHighlighter.Run>> dark = CodeHighlighter.highlight("java", JAVA, true).orElseThrow();
        assertTrue(!light.equals(dark), "the dark theme paints differently");
        CodeHighlighter.Run comment = light.get(1).stream().filter(r -> JAVA.split("\n")[1].substring(r.start(), r.end()).contains("comment"))
                .findFirst().orElseThrow();
        assertEquals(SyntaxStyles.lookOfScope(false, "comment.line.double-slash.java").fill(), comment.look().fill(), "the editor's colour for a comment");
    }

    @Test
    void aliasesAndExtensionsNameLanguagesAndUnknownOnesStayPlain() {
        assertTrue(CodeHighlighter.language("py").isPresent(), "py");
        assertTrue(CodeHighlighter.language("JavaScript").isPresent(), "JavaScript");
        assertTrue(CodeHighlighter.highlight("no-such-language", "x", false).isEmpty());
        assertTrue(CodeHighlighter.highlight("", "x", false).isEmpty());
    }
}
