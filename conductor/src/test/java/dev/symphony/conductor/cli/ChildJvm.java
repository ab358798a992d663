package dev.symphony.conductor.cli;

import dev.symphony.kernel.process.JvmFlags;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a test main class in a real child JVM (the build's flags and class path), stdout to LOG, stderr to LOG.err. */
final class ChildJvm {
    private ChildJvm() {
    }

    static Process start(Class<?> main, Path home, Path log, String... args) throws Exception {
        return start(List.of(), main, home, log, args);
    }

    /** With extra JVM options (e.g. a class-loading log) before the main class. */
    static Process start(List<String> jvmOptions, Class<?> main, Path home, Path log, String... args) throws Exception {
        JvmFlags flags = JvmFlags.forCurrentRuntime();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags.flags());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(log.toFile()).redirectError(new File(log + ".err"));
        pb.environment().putAll(flags.environment());
        pb.environment().put("SYMPHONY_HOME", home.toString());
        return pb.start();
    }
}
