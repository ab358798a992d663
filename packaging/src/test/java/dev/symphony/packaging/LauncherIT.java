package dev.symphony.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code ./symphony} script, as a user runs it, against the layout this build produced. */
class LauncherIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    record Result(int status, String out, String err) {}

    static Result symphony(Path home, String... args) throws IOException, InterruptedException {
        return symphony(home, java.util.Map.of(), args);
    }

    static Result symphony(Path home, java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("symphony").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SYMPHONY_HOME", home.toString());
        builder.environment().put("SYMPHONY_NO_REBUILD", "1"); // this build is the one under test
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(env);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "symphony " + String.join(" ", args) + " did not finish");
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelp(@TempDir Path home) throws Exception {
        Result version = symphony(home, "--version");
        assertEquals(0, version.status(), version.err());
        assertTrue(version.out().startsWith("symphony "), version.out());
        Result help = symphony(home, "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("startup-probe"));
    }

    @Test
    void badUsageExitsTwoWithTheProblemOnStderr(@TempDir Path home) throws Exception {
        Result result = symphony(home, "no-such-subcommand");
        assertEquals(2, result.status());
        assertEquals("", result.out());
        assertTrue(result.err().contains("unknown subcommand 'no-such-subcommand'"), result.err());
    }

    @Test
    void withoutADisplayTheGuiNamesXvfbRunAndExitsOne(@TempDir Path home) throws Exception {
        Result result = symphony(home, "startup-probe");
        assertEquals(1, result.status(), result.err());
        assertTrue(result.err().contains("xvfb-run"), result.err());
        assertEquals("", result.out());
    }

    /**
     * Which JVMs keep Symphony's code at the JIT's usual thresholds (docs/startup.md): {@code bench}, whose probes
     * time the IDE's code in process, as the IDE does; a command that lasts seconds ({@code run}) gets the raised
     * global thresholds alone.
     */
    @Test
    void benchRunsTheIdesJitSetAndShortCommandsTheGlobalScalingAlone(@TempDir Path home) throws Exception {
        java.util.Map<String, String> printOptions = java.util.Map.of("SYMPHONY_JAVA_OPTS", "-XX:+PrintVMOptions");
        Result bench = symphony(home, printOptions, "bench", "no-such-target");
        assertEquals(2, bench.status(), bench.err());
        assertTrue(bench.out().contains("'CompileThresholdScaling=5'"), bench.out());
        assertTrue(bench.out().contains("CompileThresholdScaling,dev.symphony.*::*,0.2"), bench.out());
        Result run = symphony(home, printOptions, "run");
        assertEquals(2, run.status(), run.err());
        assertTrue(run.out().contains("'CompileThresholdScaling=5'"), run.out());
        assertTrue(!run.out().contains("CompileThresholdScaling,dev.symphony"), run.out());
    }

    @Test
    void editStatsRunsThroughTheLauncher(@TempDir Path home) throws Exception {
        Path file = home.resolve("a.txt");
        Files.writeString(file, "one\ntwo\n");
        Result result = symphony(home, "edit", file.toString(), "--stats");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("\"lines\":2"), result.out());
        assertTrue(result.out().contains("\"lineEnding\":\"LF\""), result.out());
    }

    @Test
    void searchRunsThroughTheLauncherWithCleanStreams(@TempDir Path home) throws Exception {
        Path dir = Files.createDirectories(home.resolve("ws"));
        Files.writeString(dir.resolve("a.txt"), "alpha\nbeta alpha\n");
        Files.writeString(dir.resolve(".hidden.txt"), "alpha\n");
        Result result = symphony(home, "search", "alpha", dir.toString());
        assertEquals(0, result.status(), result.err());
        assertEquals(2, result.out().lines().count(), result.out());
        assertTrue(result.out().contains("\"line\":2,\"column\":6,\"text\":\"beta alpha\""), result.out());
        assertTrue(result.err().startsWith("search: 2 matches in 1 files"), "only the summary on stderr: " + result.err());
        assertEquals(2, symphony(home, "search", "--regex", "(", dir.toString()).status());
    }

    /**
     * A class-data archive the JVM cannot use (a crash while writing it, a disk error) must cost one
     * run's speed only: the command still runs and prints what it prints without one (JDK 19+ would
     * warn on stderr), and the launcher drops it so that run writes a good one.
     */
    @Test
    void aCorruptClassDataArchiveIsIgnoredNotFatal(@TempDir Path home) throws Exception {
        Path dir = Files.createDirectories(home.resolve("ws"));
        Files.writeString(dir.resolve("a.txt"), "alpha\n");
        Result first = symphony(home, "search", "alpha", dir.toString()); // writes the archive when there is none
        assertEquals(0, first.status(), first.err());
        // the launcher names it by the JDK's full version, as in its release file (= java.runtime.version)
        String version = System.getProperty("java.runtime.version").replaceAll("[^A-Za-z0-9._-]", "_");
        Path archive = REPO.resolve("packaging/target/symphony/search-jdk" + version + ".jsa");
        assertTrue(Files.isRegularFile(archive), "the first search wrote " + archive);
        byte[] garbage = new byte[64 << 10];
        new java.util.Random(17).nextBytes(garbage);
        Files.delete(archive); // the JVM writes archives read-only
        Files.write(archive, garbage);
        Result again = symphony(home, "search", "alpha", dir.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(first.out(), again.out());
        assertTrue(again.err().startsWith("search: 1 matches in 1 files"), "only the summary on stderr: " + again.err());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(archive), 4);
        assertEquals(java.util.List.of((byte) 0xA8, (byte) 0xAB, (byte) 0x0B, (byte) 0xF0),
                java.util.List.of(head[0], head[1], head[2], head[3]), "the launcher dropped the bad archive and the JVM wrote a new one");
    }

    /**
     * What keeps the short commands short, guarded by the classes they load: {@code edit --replace}
     * seeds no {@code SecureRandom} (its temporary file is named without one, so no security providers),
     * and {@code search} in a git folder reads JGit's ignore classes from the unsigned search jar or the
     * class-data archive, never from JGit's signed jar (whose digests the JVM would check).
     */
    @Test
    void shortCommandsLoadNoSecurityProviderAndNoSignedJar(@TempDir Path home) throws Exception {
        Path ws = Files.createDirectories(home.resolve("ws"));
        Files.writeString(ws.resolve("a.java"), "int n = list.size();\n");
        Files.writeString(ws.resolve(".gitignore"), "*.log\n");
        Files.writeString(ws.resolve("skip.log"), "list.size()\n");
        Files.createDirectories(ws.resolve(".git"));
        // the first edit after a build writes the class-data archive, and its training run makes a temporary folder
        assertEquals(0, symphony(home, "edit", ws.resolve("a.java").toString(), "--stats").status());
        Path editLog = home.resolve("edit-classes.txt");
        Result edit = symphony(home, java.util.Map.of("SYMPHONY_JAVA_OPTS", "-Xlog:class+load:file=" + editLog),
                "edit", ws.resolve("a.java").toString(), "--replace", "(\\w+)\\.size\\(\\)", "$1.length()");
        assertEquals(0, edit.status(), edit.err());
        assertEquals("int n = list.length();\n", Files.readString(ws.resolve("a.java")));
        String editClasses = Files.readString(editLog);
        assertTrue(editClasses.contains("dev.symphony.editor.file.AtomicWriter"), "the log covers the write");
        assertTrue(!editClasses.contains("java.security.SecureRandom "), "edit --replace seeded a SecureRandom");

        Path searchLog = home.resolve("search-classes.txt");
        Result search = symphony(home, java.util.Map.of("SYMPHONY_JAVA_OPTS", "-Xlog:class+load:file=" + searchLog),
                "search", "length", ws.toString());
        assertEquals(0, search.status(), search.err());
        assertEquals(1, search.out().lines().count(), search.out());
        List<String> jgit = Files.readAllLines(searchLog).stream().filter(l -> l.contains("org.eclipse.jgit.")).toList();
        assertTrue(!jgit.isEmpty(), "a search in a git folder reads its .gitignore with JGit");
        for (String line : jgit) {
            assertTrue(line.contains("shared objects file") || line.contains("symphony-search.jar"), line);
        }
    }
}
