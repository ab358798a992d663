package dev.symphony.editor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symphony search}: the JSON lines, the summary on stderr, case sensitivity, globs and exit codes. */
class SearchCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, List<String> out, String err) {
    }

    private Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SearchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).filter(s -> !s.isEmpty()).toList(); // one file per query: in line order
        return new Run(exit, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsOneJsonLinePerMatchCaseSensitiveByDefault() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Foo foo\n\t\"foo\" é foo\r\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.java"), "FOO\n");
        Run r = run("foo", dir.toString());
        String p = dir + "/a.txt";
        assertEquals(List.of(
                "{\"path\":\"" + p + "\",\"line\":1,\"column\":5,\"text\":\"Foo foo\"}",
                "{\"path\":\"" + p + "\",\"line\":2,\"column\":3,\"text\":\"\\t\\\"foo\\\" é foo\"}",
                "{\"path\":\"" + p + "\",\"line\":2,\"column\":10,\"text\":\"\\t\\\"foo\\\" é foo\"}"), r.out());
        assertEquals(0, r.exit());
        assertTrue(r.err().startsWith("search: 3 matches in 1 files (2 searched;"), r.err());

        Run folded = run("-i", "--glob", "*.java", "foo", dir.toString());
        assertEquals(List.of("{\"path\":\"" + dir + "/sub/b.java\",\"line\":1,\"column\":1,\"text\":\"FOO\"}"), folded.out());
    }

    @Test
    void noMatchIsSuccessAndBadInputIsExitTwo() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "nothing\n");
        Run none = run("absent", dir.toString());
        assertEquals(0, none.exit());
        assertEquals(List.of(), none.out());
        assertTrue(none.err().startsWith("search: 0 matches"), none.err());
        assertEquals(2, run("--regex", "(", dir.toString()).exit());
        assertTrue(run("--regex", "(", dir.toString()).err().contains("invalid regex: Unclosed group near index 1"));
        assertEquals(2, run("x", dir.resolve("missing").toString()).exit());
        assertEquals(2, run().exit());
        assertEquals(2, run("--bogus", "x").exit());
    }
}
