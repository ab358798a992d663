package dev.symphony.ui.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.techsenger.jeditermfx.core.model.hyperlinks.LinkResult;
import com.techsenger.jeditermfx.core.model.hyperlinks.LinkResultItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which parts of a terminal line become links, and where a click on one leads. */
class TerminalLinksTest {
    @TempDir
    Path workspace;
    private final List<String> opened = new ArrayList<>();
    private final List<String> browsed = new ArrayList<>();

    private TerminalLinks links() throws Exception {
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/Main.java"), "class Main {}\n");
        Files.writeString(workspace.resolve("pom.xml"), "<project/>\n");
        return new TerminalLinks(workspace, (file, line, column) -> opened.add(workspace.relativize(file) + "@" + line + ":" + column),
                browsed::add);
    }

    private static List<String> texts(String line, LinkResult result) {
        return result == null ? List.of() : result.getItems().stream().map(i -> line.substring(i.getStartOffset(), i.getEndOffset())).toList();
    }

    @Test
    void compilerPositionsAndPathsOfExistingFilesLink() throws Exception {
        TerminalLinks links = links();
        String line = "[ERROR] src/Main.java:[12,5] and ./src/Main.java:3:9: see pom.xml:7 or src/Gone.java:1";
        LinkResult result = links.apply(line);
        assertEquals(List.of("src/Main.java", "./src/Main.java:3:9", "pom.xml:7"), texts(line, result));
        result.getItems().forEach(i -> i.getLinkInfo().navigate());
        assertEquals(List.of("src/Main.java@0:0", "src/Main.java@3:9", "pom.xml@7:0"), opened);
    }

    @Test
    void urlsLinkAndWordsDoNot() throws Exception {
        TerminalLinks links = links();
        String line = "see https://example.org/a?b=1, then Main.java and pom.xml";
        LinkResult result = links.apply(line);
        assertEquals(List.of("https://example.org/a?b=1"), texts(line, result), "bare names without a position stay plain");
        result.getItems().forEach(LinkResultItem::getLinkInfo);
        result.getItems().get(0).getLinkInfo().navigate();
        assertEquals(List.of("https://example.org/a?b=1"), browsed);
        assertNull(links.apply("nothing to see here: 12:3"));
    }
}
