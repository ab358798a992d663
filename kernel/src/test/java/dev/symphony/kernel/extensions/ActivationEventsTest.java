package dev.symphony.kernel.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events an extension may wait for: file types and {@code workspaceContains} globs, bounded in depth. */
class ActivationEventsTest {
    @Test
    void aFileTypeEventIsTheLowerCaseExtension() {
        assertEquals("onFileType:md", ActivationEvents.fileType(Path.of("docs", "README.MD")));
        assertEquals("onFileType:", ActivationEvents.fileType(Path.of("Makefile")));
    }

    @Test
    void openingAMelodyIsAlsoTheMelodyEvent() {
        assertEquals(java.util.List.of("onFileType:json", "onMelody"), ActivationEvents.opened(Path.of("flows", "review.melody.json")));
        assertEquals(java.util.List.of("onFileType:json"), ActivationEvents.opened(Path.of("package.json")));
        assertEquals(java.util.List.of("onFileType:json"), ActivationEvents.opened(Path.of("melody.json")), "the name, not a suffix of it");
    }

    @Test
    void workspaceContainsMatchesRelativePathsWithinItsDepth(@TempDir Path ws) throws Exception {
        Files.createDirectories(ws.resolve(".git"));
        Files.createDirectories(ws.resolve("a/b"));
        Files.writeString(ws.resolve("a/b/pom.xml"), "<project/>");
        Path deep = Files.createDirectories(ws.resolve("1/2/3/4/5"));
        Files.writeString(deep.resolve("deep.gradle"), "");
        assertTrue(ActivationEvents.contains(ws, ".git"));
        assertTrue(ActivationEvents.contains(ws, "**/pom.xml"));
        assertFalse(ActivationEvents.contains(ws, "*.xml"), "a glob without ** matches the top level only");
        assertFalse(ActivationEvents.contains(ws, "**/*.gradle"), "deeper than " + ActivationEvents.MAX_DEPTH + " levels is not searched");
    }

    /** The bench's 100,000-file repository never activated Git: the walk spent its entries in src/ before .git. */
    @Test
    void whatSitsAtTheTopIsFoundBesideAFolderLargerThanTheSearch(@TempDir Path ws) throws Exception {
        Path src = Files.createDirectories(ws.resolve("src"));
        for (int i = 0; i <= ActivationEvents.MAX_ENTRIES; i++) {
            Files.createFile(src.resolve("f" + i));
        }
        Files.createDirectories(ws.resolve(".git"));
        Files.writeString(ws.resolve("pom.xml"), "<project/>");
        assertTrue(ActivationEvents.contains(ws, ".git"));
        assertTrue(ActivationEvents.contains(ws, "*.xml"));
        assertTrue(ActivationEvents.contains(ws, "**/pom.xml"), "**/ matches at the top too, as in VS Code");
        assertFalse(ActivationEvents.contains(ws, "**/*.gradle"), "nothing of the kind: the search stops after its entries");
        assertFalse(ActivationEvents.contains(ws, "../" + ws.getFileName() + "/.git/.."), "a literal path outside or at the folder itself");
    }
}
