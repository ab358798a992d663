package dev.symphony.packaging.installers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * Runs the installers' build-time programs ({@code src/installers/*.java}, single-file programs the shell scripts
 * start with {@code java NAME.java}) in a JVM of their own, as the scripts do: they are in no module's sources
 * and call {@link System#exit}. They are compiled once per test JVM (into target/installer-programs);
 * {@link #runAsSourceFile} starts one exactly as the scripts do, to show each still runs that way.
 */
final class InstallerPrograms {
    static final Path SOURCES = Path.of("src/installers").toAbsolutePath();
    private static Path compiled;

    /** What a program did: its exit status and what it printed. */
    record Result(int status, String out, String err) {
        Result succeeded() {
            assertEquals(0, status, "exit status; stderr: " + err);
            return this;
        }

        Result failedWith(int expected, String message) {
            assertEquals(expected, status, "exit status; stdout: " + out + " stderr: " + err);
            assertTrue(err.contains(message), "expected '" + message + "' in stderr: " + err);
            return this;
        }
    }

    private InstallerPrograms() {
    }

    static Result run(String program, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-Djava.awt.headless=true", "-cp", classes().toString(), program));
        for (Object a : args) {
            command.add(a.toString());
        }
        return exec(command);
    }

    static Result runAsSourceFile(String program, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), SOURCES.resolve(program + ".java").toString()));
        for (Object a : args) {
            command.add(a.toString());
        }
        return exec(command);
    }

    private static synchronized Path classes() throws IOException {
        if (compiled == null) {
            Path out = Files.createDirectories(Path.of("target", "installer-programs").toAbsolutePath());
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-encoding", "UTF-8", "-proc:none"));
            try (var sources = Files.list(SOURCES)) {
                sources.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> args.add(f.toString()));
            }
            int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
            assertEquals(0, status, "the installers' programs in " + SOURCES + " do not compile");
            compiled = out;
        }
        return compiled;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("program", ".out");
        Path err = Files.createTempFile("program", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish in 120 s: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
