package dev.symphony.conductor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code symphony serve --max-runs}: said in the usage, a bad value is a usage error that names it. */
class ServeUsageTest {
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ServeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dev.symphony.conductor.run.TestOperators::new);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void maxRunsIsDocumentedAndChecked() {
        String[] help = run("--help");
        assertEquals("0", help[0]);
        assertTrue(help[1].startsWith("usage: symphony serve [DIR] [--port N] [--max-runs N] [--yes] [--policy rl|heuristic]\n"), help[1]);
        assertTrue(help[1].contains("up to --max-runs runs at once (default 2; more wait their turn)."), help[1]);
        for (String bad : new String[] {"0", "x", "100"}) {
            String[] r = run("--max-runs", bad);
            assertEquals("2", r[0], bad);
            assertTrue(r[2].startsWith("symphony serve: --max-runs must be 1-99\nusage: symphony serve"), r[2]);
        }
        assertTrue(run("--max-runs")[2].startsWith("symphony serve: --max-runs needs a value\n"));
    }
}
