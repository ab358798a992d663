package dev.symphony.kernel.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InlineCompletionTest {
    @Test
    void trimKeepsWhatIsShown() {
        assertEquals(" = a + b;", InlineCompletion.trim(" = a + b;  \n\n", ""));
        assertEquals("", InlineCompletion.trim(" \n \t", ""));
        assertEquals("x\ny", InlineCompletion.trim("x\r\ny", ""), "CRLF from a model becomes the editor's LF");
        assertEquals("1\n2\n3\n4\n5\n6\n7\n8", InlineCompletion.trim("1\n2\n3\n4\n5\n6\n7\n8\n9\n10", ""), "at most 8 lines");
        // a model that ignores the suffix repeats it: that tail goes
        assertEquals("return a;", InlineCompletion.trim("return a;\n    }\n}", "\n    }\n}\n"));
        // on the first line, the suffix's text is not cut (it may be the answer itself)
        assertEquals("}", InlineCompletion.trim("}", "}\n"));
    }
}
