package dev.symphony.samples.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symphony lsp install}'s refusals: an unknown name, no npm on the PATH (nothing written, the fix said), usage. */
class LspInstallTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(ToolsFolder tools, String... args) throws Exception {
        return LspInstall.run(args, tools, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutNpmItSaysWhatToInstallAndWritesNothing(@TempDir Path dir) throws Exception {
        Path tools = dir.resolve("tools");
        assertEquals(1, run(new ToolsFolder(tools, dir.resolve("empty-bin").toString()), "install", "pyright"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("npm is not on the PATH. Install Node.js"), err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.notExists(tools), "nothing was created");
    }

    @Test
    void unknownNamesAndBadUsageAreRefused(@TempDir Path dir) throws Exception {
        ToolsFolder tools = new ToolsFolder(dir, "");
        assertEquals(2, run(tools, "install", "nosuch"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no server named 'nosuch'; known: pyright, typescript"));
        assertEquals(2, run(tools, "frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: symphony lsp install NAME"));
        assertEquals(1, run(new ToolsFolder(null, ""), "install", "pyright"), "no tools folder known");
    }
}
