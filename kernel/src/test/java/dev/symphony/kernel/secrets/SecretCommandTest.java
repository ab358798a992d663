package dev.symphony.kernel.secrets;

import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.cli.SecretCommand;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.process.JvmFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code symphony secret} in a real JVM of its own: value from standard input, never printed, never in clear on disk. */
class SecretCommandTest {
    static final String VALUE = "sk-cli-0123456789-never-shown";

    record Run(int exit, String out, String err) {
    }

    static Run secret(Path home, String stdin, Map<String, String> env, String... args) throws Exception {
        JvmFlags flags = JvmFlags.forCurrentRuntime();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags.flags());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SecretMain.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(flags.environment());
        pb.environment().remove(Passphrase.ENV);
        pb.environment().put("SYMPHONY_HOME", home.toString());
        pb.environment().put(SecretStores.BACKEND_ENV, "file"); // the same backend on a desktop with a keychain
        pb.environment().putAll(env);
        Path out = Files.createTempFile("secret-out", ".txt");
        Path err = Files.createTempFile("secret-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) { // a command that does not end is a failure of its own, not a hung build
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("symphony secret " + String.join(" ", args) + " did not end within 60 s; it printed: "
                        + Files.readString(out) + Files.readString(err));
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void setListRemoveWithAPassphraseFromTheEnvironment(@TempDir Path tmp) throws Exception {
        Path home = tmp.resolve("home");
        Map<String, String> pass = Map.of(Passphrase.ENV, "a passphrase");
        Run set = secret(home, VALUE + "\n", pass, "set", "OPENAI_API_KEY");
        assertEquals(0, set.exit(), set.err());
        assertTrue(set.err().contains("stored secret OPENAI_API_KEY in the encrypted file"), set.err());
        Run list = secret(home, "", pass, "list");
        assertEquals(0, list.exit(), list.err());
        assertEquals("OPENAI_API_KEY\n", list.out());
        Run wrong = secret(home, "", Map.of(Passphrase.ENV, "not it"), "list");
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("passphrase does not open"), wrong.err());
        Run locked = secret(home, "", Map.of(), "list");
        assertEquals(1, locked.exit(), "no terminal and no passphrase: no prompt, a clear error");
        assertTrue(locked.err().contains(Passphrase.ENV), locked.err());
        Run empty = secret(home, "", pass, "set", "EMPTY");
        assertEquals(2, empty.exit(), empty.err());
        var sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        assertEquals(2, SecretCommand.run(new String[]{"set", "no spaces"}, sink, sink), "usage is checked before the store is opened");
        assertEquals(2, SecretCommand.run(new String[]{"show", "OPENAI_API_KEY"}, sink, sink), "there is no command that prints a value");
        Run removed = secret(home, "", pass, "remove", "OPENAI_API_KEY");
        assertEquals(0, removed.exit(), removed.err());
        assertEquals(3, secret(home, "", pass, "remove", "OPENAI_API_KEY").exit());
        assertEquals("", secret(home, "", pass, "list").out());
        for (Run r : List.of(set, list, wrong, locked, removed)) {
            assertFalse((r.out() + r.err()).contains(VALUE), "the value was printed");
        }
        SymphonyPaths paths = SymphonyPaths.under(home);
        assertTrue(AuditLog.readAll(paths.data("audit")).stream().anyMatch(e -> e.path("what").asText().equals("secret.set")
                && e.path("resource").asText().equals("OPENAI_API_KEY")), "set is audited by name");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(VALUE), "in clear in " + f);
            }
        }
    }
}
