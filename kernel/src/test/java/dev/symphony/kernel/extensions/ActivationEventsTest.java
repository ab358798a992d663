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
}
