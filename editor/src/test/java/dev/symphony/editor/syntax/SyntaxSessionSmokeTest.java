package dev.symphony.editor.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.editor.text.Rope;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SyntaxSessionSmokeTest {

    @Test
    void javaKeywordsAndStringsGetTheThemeColours() throws Exception {
        Language java = LanguageRegistry.builtIn().detect("A.java", null).orElseThrow();
        Theme theme = Themes.defaultLight();
        Rope text = Rope.of("class A {\n  String s = \"hi\"; // note\n}\n");
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (SyntaxSession s = SyntaxSession.open(java, theme, text, worker, (a, b) -> { })) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!s.fullyTokenized() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            LineStyles l1 = s.styles(1);
            assertNotNull(l1);
            String line = "  String s = \"hi\"; // note";
            TokenStyle str = theme.style(l1.styleAt(line.indexOf("\"hi\"") + 1));
            TokenStyle comment = theme.style(l1.styleAt(line.indexOf("note")));
            assertNotNull(str.foreground(), "string coloured: " + l1);
            assertNotNull(comment.foreground(), "comment coloured: " + l1);
            assertTrue(!str.foreground().equals(comment.foreground()));
            assertEquals(TokenStyle.class, theme.style(s.styles(0).styleAt(0)).getClass());
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void runOffsetsAreUtf16UnitsOfTheLine() throws Exception {
        Language java = LanguageRegistry.builtIn().byId("java").orElseThrow();
        Theme theme = Themes.defaultDark();
        String line = "  String e = \"\uD83D\uDE00\u00e9\"; int n = 1; // c\u00e9";
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (SyntaxSession s = SyntaxSession.open(java, theme, Rope.of("class A {\n" + line + "\n}\n"), worker, (a, b) -> { })) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!s.fullyTokenized() && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            LineStyles l = s.styles(1);
            String string = theme.style(l.styleAt(line.indexOf('"') + 1)).foreground();
            assertEquals(string, theme.style(l.styleAt(line.indexOf('"', line.indexOf('"') + 1))).foreground(), "closing quote is string");
            assertNotNull(theme.style(l.styleAt(line.indexOf("//"))).foreground());
            assertTrue(!theme.style(l.styleAt(line.indexOf("int"))).equals(theme.style(l.styleAt(line.indexOf("//")))), l.toString());
            assertTrue(l.start(l.size() - 1) < line.length());
        } finally {
            worker.shutdownNow();
        }
    }
}
