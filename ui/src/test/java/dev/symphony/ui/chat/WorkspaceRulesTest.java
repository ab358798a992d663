package dev.symphony.ui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AGENTS.md and .symphony/rules/*.md as the system message: order, caps, names, re-read each time. */
class WorkspaceRulesTest {
    @TempDir
    Path folder;

    @Test
    void noRulesNoSystemMessage() {
        assertNull(WorkspaceRules.read(folder).system());
        assertNull(WorkspaceRules.read(null).system());
        assertEquals("No rules files (AGENTS.md, .symphony/rules/*.md)", WorkspaceRules.read(folder).summary());
    }

    @Test
    void agentsFirstThenTheRulesFolderByNameAndChangesApplyAtTheNextRead() throws IOException {
        Files.writeString(folder.resolve("AGENTS.md"), "Use tabs.");
        Path rules = Files.createDirectories(folder.resolve(".symphony/rules"));
        Files.writeString(rules.resolve("b-tests.md"), "Write tests first.");
        Files.writeString(rules.resolve("a-style.md"), "Short names.");
        Files.writeString(rules.resolve("notes.txt"), "not a rules file");
        WorkspaceRules read = WorkspaceRules.read(folder);
        assertEquals(List.of("AGENTS.md", ".symphony/rules/a-style.md", ".symphony/rules/b-tests.md"), read.files());
        assertEquals("Rules: AGENTS.md, .symphony/rules/a-style.md, .symphony/rules/b-tests.md", read.summary());
        String system = read.system().content();
        assertEquals("system", read.system().role());
        assertTrue(system.indexOf("Use tabs.") < system.indexOf("Short names.") && system.indexOf("Short names.") < system.indexOf("Write tests first."), system);
        assertTrue(!system.contains("not a rules file"), system);

        Files.writeString(folder.resolve("AGENTS.md"), "Use spaces.");
        assertTrue(WorkspaceRules.read(folder).system().content().contains("Use spaces."), "read afresh each time");
    }

    @Test
    void eachFileAndAllOfThemAreCappedAndSaySo() throws IOException {
        Files.writeString(folder.resolve("AGENTS.md"), "a".repeat(WorkspaceRules.FILE_CHARS + 500));
        Path rules = Files.createDirectories(folder.resolve(".symphony/rules"));
        Files.writeString(rules.resolve("1.md"), "b".repeat(WorkspaceRules.FILE_CHARS));
        Files.writeString(rules.resolve("2.md"), "c".repeat(100));
        WorkspaceRules read = WorkspaceRules.read(folder);
        assertTrue(read.text().length() < WorkspaceRules.TOTAL_CHARS + 500, "capped: " + read.text().length());
        assertEquals("AGENTS.md (cut at " + WorkspaceRules.FILE_CHARS + " characters)", read.files().get(0));
        assertTrue(read.files().get(2).startsWith(".symphony/rules/2.md (left out"), read.files().toString());
        assertTrue(read.text().contains("[… the rest of AGENTS.md was cut at " + WorkspaceRules.FILE_CHARS + " characters]"));
        assertTrue(!read.text().contains("ccc"), "what did not fit is not sent");
    }
}
