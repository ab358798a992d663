package dev.symphony.ui.terminal.pty;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child JVM that starts one program on a pty with the given native cache, and prints "ok". */
public final class NativeCacheProbe {
    public static void main(String[] args) throws Exception {
        try (ChildProcesses children = new ChildProcesses()) {
            PtyLauncher launcher = new PtyLauncher(Path.of(args[0]), children);
            ShellCommand command = new ShellCommand(List.of("/bin/true"), Map.of("PATH", System.getenv("PATH")), Path.of("."), 80, 24);
            int status = launcher.start(command).waitFor();
            System.out.println(status == 0 ? "ok" : "exit " + status);
        }
    }

    static String runInChildJvm(Path cache) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NativeCacheProbe.class.getName(), cache.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the probe JVM did not finish");
        }
        return out;
    }
}
