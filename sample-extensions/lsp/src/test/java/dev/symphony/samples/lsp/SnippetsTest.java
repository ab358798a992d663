package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnippetsTest {
    @Test
    void placeholdersKeepTheirTextAndTheCaretGoesToTheFirstStop() {
        assertEquals(new Snippets("greet(name)", 6), Snippets.plain("greet(${1:name})$0"));
        assertEquals(new Snippets("print()", 6), Snippets.plain("print($1)"));
        assertEquals(new Snippets("for x in items:\n\t", 4), Snippets.plain("for ${2:x} in ${3:items}:\n\t$0"));
    }

    @Test
    void choicesVariablesEscapesAndNesting() {
        assertEquals("let a = b;", Snippets.plain("let ${1|a,c|} = ${2:${3:b}};").text());
        assertEquals("file: ", Snippets.plain("file: $TM_FILENAME${TM_LINE_NUMBER}").text());
        assertEquals("cost $5 {x}", Snippets.plain("cost \\$5 {x\\}").text());
        assertEquals("unterminated", Snippets.plain("unterminated${1:").text());
    }
}
