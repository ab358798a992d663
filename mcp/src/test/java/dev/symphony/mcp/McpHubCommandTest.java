package dev.symphony.mcp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A stdio server whose program does not exist is refused at once, naming the command (not after the handshake's timeout). */
@DisabledOnOs(OS.WINDOWS)
class McpHubCommandTest {

    @Test
    void aMissingProgramIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("no-such-server").toString();
        assertEquals("the command " + missing + " is not an executable file",
                assertThrows(IllegalArgumentException.class, () -> McpHub.requireRunnable(missing)).getMessage());
        assertEquals("the command no-such-server-4711 is not on the PATH",
                assertThrows(IllegalArgumentException.class, () -> McpHub.requireRunnable("no-such-server-4711")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> McpHub.requireRunnable(" "));
    }

    @Test
    void aProgramOnThePathOrByPathRuns() {
        assertDoesNotThrow(() -> McpHub.requireRunnable("sh"));
        assertDoesNotThrow(() -> McpHub.requireRunnable("/bin/sh"));
    }
}
