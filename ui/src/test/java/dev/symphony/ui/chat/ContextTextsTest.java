package dev.symphony.ui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.ui.problems.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The texts of the tabs, folder, terminal and problems chips, with their caps. */
class ContextTextsTest {
    @TempDir
    Path workspace;

    @Test
    void aFolderListingLeavesOutWhatTheIgnoreFilesAndTheAgentignoreKeep() throws IOException {
        Files.writeString(workspace.resolve("hello.txt"), "hi");
        Files.writeString(workspace.resolve(".env"), "SECRET=1");
        Files.writeString(workspace.resolve("keys.pem"), "-----");
        Files.writeString(workspace.resolve(".ignore"), "build/\n");
        Files.createDirectories(workspace.resolve("build"));
        Files.writeString(workspace.resolve("build/out.class"), "x");
        Files.createDirectories(workspace.resolve("src/main"));
        Files.writeString(workspace.resolve("src/main/A.java"), "class A {}");
        Files.createDirectories(workspace.resolve(".symphony"));
        Files.writeString(workspace.resolve(".symphony/agentignore"), "*.pem\n");

        String all = ContextTexts.folderListing(workspace, workspace);
        assertTrue(all.contains("hello.txt (2 bytes)\n") && all.contains("src/main/A.java (10 bytes)\n"), all);
        assertFalse(all.contains(".env"), "the agentignore's defaults: " + all);
        assertFalse(all.contains("keys.pem"), "the workspace's agentignore: " + all);
        assertFalse(all.contains("out.class"), "the ignore file: " + all);
        assertEquals("src/main/A.java (10 bytes)\n", ContextTexts.folderListing(workspace, workspace.resolve("src")),
                "a subfolder is listed with paths from the workspace");
    }

    @Test
    void aLargeFolderIsCutAndSaysHowMuchWasLeft() throws IOException {
        for (int i = 0; i < ContextTexts.FOLDER_ENTRIES + 7; i++) {
            Files.writeString(workspace.resolve(String.format("f%04d.txt", i)), "");
        }
        String listing = ContextTexts.folderListing(workspace, workspace);
        assertEquals(ContextTexts.FOLDER_ENTRIES + 1, listing.lines().count(), "the entries, then the note");
        assertTrue(listing.endsWith("[… 7 more files not listed]\n"), listing.substring(listing.length() - 80));
    }

    @Test
    void tabsTerminalAndProblemsAreCapped() {
        String tabs = ContextTexts.tabs(List.of(new ContextTexts.Tab("a.txt", "x".repeat(ContextTexts.TAB_CHARS + 5)),
                new ContextTexts.Tab("b.txt", "b"), new ContextTexts.Tab("c.txt", "y".repeat(ContextTexts.TAB_CHARS)),
                new ContextTexts.Tab("e.txt", "z".repeat(ContextTexts.TAB_CHARS)), new ContextTexts.Tab("d.txt", "d")));
        assertTrue(tabs.startsWith("--- a.txt ---\n"), tabs.substring(0, 20));
        assertTrue(tabs.contains("[… cut at " + ContextTexts.TAB_CHARS + " of " + (ContextTexts.TAB_CHARS + 5) + " characters]"));
        assertTrue(tabs.contains("--- b.txt ---\nb\n"));
        assertTrue(tabs.length() < ContextTexts.TABS_CHARS + 300, "all tabs together are capped: " + tabs.length());
        assertTrue(tabs.endsWith("[left out, the tabs reached " + ContextTexts.TABS_CHARS + " characters: d.txt]\n"), tabs.substring(tabs.length() - 100));

        List<String> screen = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            screen.add("line " + i + "   ");
        }
        screen.add("   ");
        screen.add("");
        String terminal = ContextTexts.terminal(screen);
        assertEquals(ContextTexts.TERMINAL_LINES, terminal.lines().count());
        assertTrue(terminal.startsWith("line 100\n") && terminal.endsWith("line 299\n"), "the last lines, trailing blanks dropped");

        Path file = workspace.resolve("src/A.java");
        String problems = ContextTexts.problems(List.of(new Problem(file, 3, 7, "';' expected"), new Problem(Path.of("/elsewhere/B.java"), 1, 1, "no")), workspace);
        assertEquals("src/A.java:3:7: ';' expected\n/elsewhere/B.java:1:1: no\n", problems);
    }
}
