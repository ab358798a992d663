package dev.symphony.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command-line tool an extension contributes in its manifest, through the real launcher: listed by
 * {@code --help}, run in a JVM of its own on the extension's classes (the launcher has none of them), its
 * stdout, stderr and exit status passed through. {@code tiny-lm} is the source checkout's built sample.
 */
class ExtensionToolsIT {
    @Test
    void theLauncherListsAndRunsTheToolsExtensionsContribute(@TempDir Path home) throws Exception {
        LauncherIT.Result help = LauncherIT.symphony(home, "--help");
        assertEquals(0, help.status(), help.err());
        String tools = help.out().substring(Math.max(0, help.out().indexOf("Tools from extensions:\n")));
        assertTrue(tools.startsWith("Tools from extensions:\n") && tools.contains("\n  tiny-lm train"), help.out());

        LauncherIT.Result usage = LauncherIT.symphony(home, "tiny-lm", "frobnicate");
        assertEquals(2, usage.status(), usage.err());
        assertEquals("", usage.out());
        assertTrue(usage.err().contains("usage: tiny-lm train ARGS | tiny-lm probe ARGS"), usage.err());

        LauncherIT.Result probe = LauncherIT.symphony(home, "tiny-lm", "probe", "--calls", "2", "--tokens", "3");
        assertEquals(0, probe.status(), probe.err());
        JsonNode line = new ObjectMapper().readTree(probe.out());
        assertEquals(3, line.path("tokens").asInt(), probe.out());
        assertTrue(line.path("tokensPerSec").asLong() > 0, probe.out());
    }
}
