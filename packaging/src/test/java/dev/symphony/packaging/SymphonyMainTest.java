package dev.symphony.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SymphonyMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new SymphonyMain().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void versionGoesToStdout() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).matches("symphony \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), out.toString());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEverySubcommand() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String subcommand : new String[] {"edit", "ext", "call", "audit", "run", "approve", "serve", "fqg", "tiny-lm", "startup-probe", "bench"}) {
            assertTrue(help.contains("  " + subcommand), subcommand + " missing from\n" + help);
        }
    }

    @Test
    void unknownSubcommandsAndOptionsAreUsageErrors() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown subcommand 'frobnicate'"));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "stdout carries only results");
        assertEquals(2, run("--frobnicate"));
        assertEquals(2, run("--home"));
        assertEquals(2, run("bench"));
        assertEquals(2, run("bench", "nothing-here"));
        assertEquals(2, run("startup-probe", "--open"));
    }

    @Test
    void startingTheIdeOnAMissingFolderIsAUsageError() {
        assertEquals(2, run("./no/such/folder"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("folder: no such file or folder"), err.toString(StandardCharsets.UTF_8));
    }
}
