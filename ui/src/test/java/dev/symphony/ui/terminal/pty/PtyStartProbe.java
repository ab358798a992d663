package dev.symphony.ui.terminal.pty;

import com.pty4j.PtyProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Probe (not a test): how long a terminal's shell takes to start, from the launcher call to the
 * first byte of its prompt. {@code java -cp <test classpath> dev.symphony.ui.terminal.pty.PtyStartProbe [runs]}
 */
public final class PtyStartProbe {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<Double> spawn = new ArrayList<>();
        List<Double> prompt = new ArrayList<>();
        try (ChildProcesses children = new ChildProcesses()) {
            PtyLauncher launcher = new PtyLauncher(Path.of(System.getProperty("java.io.tmpdir"), "symphony-probe-cache", "pty4j"), children);
            ShellCommand bash = new ShellCommand(List.of("/bin/bash", "--norc", "--noprofile", "-i"),
                    ShellSettings.environment(System.getenv(), List.of("PS1=$ ")), Path.of(System.getProperty("user.home")), 80, 24);
            for (int i = 0; i < runs + 5; i++) {
                long start = System.nanoTime();
                PtyProcess process = launcher.start(bash);
                long started = System.nanoTime();
                int first = process.getInputStream().read();
                long firstByte = System.nanoTime();
                if (first < 0) {
                    throw new IllegalStateException("no output from bash");
                }
                children.end(process);
                if (i >= 5) { // the first starts unpack natives and warm up the JIT
                    spawn.add((started - start) / 1e6);
                    prompt.add((firstByte - start) / 1e6);
                }
            }
        }
        System.out.printf("start() ms: %s%nfirst prompt byte ms: %s%n", summary(spawn), summary(prompt));
    }

    private static String summary(List<Double> values) {
        Collections.sort(values);
        return String.format("median %.1f p90 %.1f max %.1f (n=%d)", values.get(values.size() / 2),
                values.get((int) (values.size() * 0.9)), values.get(values.size() - 1), values.size());
    }
}
