package dev.symphony.ui.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {
    @Test
    void fencesEmphasisLinksAndEscapesBecomePlainText() {
        String md = "```python\n(function) def greet(name: str) -> str\n```\n---\n# Greets\nSay **hello** to _someone_, see [docs](http://x) and `code`.";
        assertEquals("(function) def greet(name: str) -> str\n\nGreets\nSay hello to someone, see docs and code.", MarkdownText.plain(md));
    }

    @Test
    void escapedCharactersStayLiteral() {
        assertEquals("Say hello to **someone** by name.", MarkdownText.plain("Say hello to \\*\\*someone\\*\\* by name."));
        assertEquals("a_b_c and 2 * 3 * 4", MarkdownText.plain("a\\_b\\_c and 2 \\* 3 \\* 4"));
    }

    @Test
    void codeInFencesIsKeptAsItIs() {
        assertEquals("x = **y**  # _z_", MarkdownText.plain("```\nx = **y**  # _z_\n```"));
        assertEquals("", MarkdownText.plain(null));
    }
}
