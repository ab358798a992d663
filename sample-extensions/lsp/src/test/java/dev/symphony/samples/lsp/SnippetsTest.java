package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
    @Test
    void placeholdersKeepTheirTextAndTheCaretGoesToTheFirstStop() {
        Snippets call = Snippets.parse("greet(${1:name}, ${2:age})$0");
        assertEquals("greet(name, age)", call.text());
        assertEquals(6, call.caret());
        assertEquals(List.of(new Snippets.Stop(1, 6, 10), new Snippets.Stop(2, 12, 15), new Snippets.Stop(0, 16, 16)), call.stops());
        assertEquals(new Snippets("print()", 6, List.of(new Snippets.Stop(1, 6, 6))), Snippets.parse("print($1)"));
        Snippets loop = Snippets.parse("for ${2:x} in ${3:items}:\n\t$0");
        assertEquals("for x in items:\n\t", loop.text());
        assertEquals(4, loop.caret(), "the lowest positive stop, not $0");
    }

    @Test
    void aBareStopAfterAPlaceholderOfItsNumberMirrorsItsText() {
        Snippets s = Snippets.parse("${1:T} make(): $1 {}");
        assertEquals("T make(): T {}", s.text());
        assertEquals(List.of(new Snippets.Stop(1, 0, 1), new Snippets.Stop(1, 10, 11)), s.stops());
    }

    @Test
    void choicesVariablesEscapesAndNesting() {
        Snippets nested = Snippets.parse("let ${1|a,c|} = ${2:${3:b}};");
        assertEquals("let a = b;", nested.text());
        assertEquals(List.of(new Snippets.Stop(1, 4, 5), new Snippets.Stop(3, 8, 9), new Snippets.Stop(2, 8, 9)), nested.stops());
        assertEquals("file: ", Snippets.parse("file: $TM_FILENAME${TM_LINE_NUMBER}").text());
        assertEquals(List.of(), Snippets.parse("file: $TM_FILENAME").stops());
        assertEquals("cost $5 {x}", Snippets.parse("cost \\$5 {x\\}").text());
        assertEquals("unterminated", Snippets.parse("unterminated${1:").text());
        assertEquals(List.of(new Snippets.Stop(Integer.MAX_VALUE, 1, 1)), Snippets.parse("a$12345678901b").stops(), "an absurd number sorts last");
    }
}
