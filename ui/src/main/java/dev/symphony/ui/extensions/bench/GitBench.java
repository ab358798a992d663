package dev.symphony.ui.extensions.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.editor.file.LineDiff;
import dev.symphony.editor.text.Rope;
import dev.symphony.kernel.extensions.ActivationEvents;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.ui.editor.ChangeMarks;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code symphony bench git [--files N] [--repo DIR] [--keystrokes N]}: issue 19's Git bars, side by side in one run.
 * <ul>
 * <li>A repository of N files (default 100,000, in 1,000 folders; 100 of them then modified and 100 new files added)
 * is generated with the git executable, or {@code --repo DIR} is used as it is.</li>
 * <li>{@code statusMs}: the folder is opened ({@code workspaceContains:.git} fired, as the workbench does) until the
 * Git extension's file decorations reach the kernel (what the Explorer draws): host start, repository open and the
 * whole status included, and {@code statusSplitMs} its steps ({@link #split}). {@code statusCallMs}: the {@code status}
 * capability called again (median of 5).</li>
 * <li>{@code gitCliStatusMs}: {@code git status --porcelain=v1 -uall --ignored=matching} (what the extension reports)
 * in the same repository, each run right after one of those calls (median of 5); {@code statusRatio} is
 * {@code statusCallMs / gitCliStatusMs} (bar: ≤ 2), {@code statusEntries}/{@code gitCliEntries} the lines each found.</li>
 * <li>{@code markerUpdateMs}: a 10 MB file's gutter markers after one keystroke: the line diff against its HEAD text
 * and the marks, which is what the workbench's quick-diff thread does per keystroke (p50, p99 of N keystrokes typed
 * at a seeded place, after 50 warm-up keystrokes; bar: ≤ 16 ms).</li>
 * </ul>
 * Prints the load average and core count beside the figures: compare figures only from a quiet machine (load below 0.5).
 */
public final class GitBench {
    static final String GIT = "dev.symphony.samples.git";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GitBench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        int files = 100_000;
        int keystrokes = 200;
        Path repo = null;
        for (int i = 0; i < args.length; i++) {
            try {
                if (args[i].equals("--files") && i + 1 < args.length) {
                    files = Math.max(1_000, Integer.parseInt(args[++i]));
                } else if (args[i].equals("--keystrokes") && i + 1 < args.length) {
                    keystrokes = Math.max(10, Integer.parseInt(args[++i]));
                } else if (args[i].equals("--repo") && i + 1 < args.length) {
                    repo = Path.of(args[++i]).toAbsolutePath().normalize();
                    if (!Files.isDirectory(repo.resolve(".git"))) {
                        err.println("symphony bench git: " + repo + " is not a git repository (no .git folder)");
                        return 2;
                    }
                } else {
                    err.println("symphony bench git: usage: bench git [--files N] [--repo DIR] [--keystrokes N] (did not understand '"
                            + args[i] + "')");
                    return 2;
                }
            } catch (NumberFormatException e) {
                err.println("symphony bench git: " + args[i - 1] + " needs a number, not '" + args[i] + "'");
                return 2;
            }
        }
        Path generated = null;
        Thread cleanUp = null;
        try {
            ObjectNode result = JSON.createObjectNode();
            if (repo == null) {
                generated = repo = Files.createTempDirectory("symphony-bench-git-");
                Path made = generated;
                cleanUp = new Thread(() -> delete(made), "bench-git-clean-up"); // Ctrl+C cancels: no 100,000 files left behind
                Runtime.getRuntime().addShutdownHook(cleanUp);
                err.println("symphony bench git: generating " + files + " files in " + repo + " …");
                generate(repo, files, err);
                result.put("files", files);
            } else {
                result.put("repo", repo.toString());
            }
            status(repo, result, err);
            markers(keystrokes, result);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            result.put("loadAverage", round(load));
            result.put("cores", Runtime.getRuntime().availableProcessors());
            result.put("quiet", load >= 0 && load < 0.5);
            out.println(JSON.writeValueAsString(result));
            return 0;
        } catch (Exception e) {
            err.println("symphony bench git: " + e);
            return 1;
        } finally {
            if (generated != null) {
                delete(generated);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanUp);
                } catch (IllegalStateException e) {
                    // shutting down already: the hook deletes it
                }
            }
        }
    }

    /** {@code files} small files in folders of 100, committed; then 100 modified and 100 untracked. */
    public static void generate(Path repo, int files, PrintStream err) throws IOException, InterruptedException {
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve(".gitignore"), "*.log\n");
        for (int i = 0; i < files; i++) {
            Path dir = repo.resolve("src").resolve("d" + (i / 100));
            if (i % 100 == 0) {
                Files.createDirectories(dir);
            }
            Files.writeString(dir.resolve("f" + i + ".txt"), "file " + i + "\nline two\n");
            if (i > 0 && i % 25_000 == 0) {
                err.println("symphony bench git: " + i + " files written");
            }
        }
        err.println("symphony bench git: committing them (git add -A, git commit) …");
        // gc.auto=0: 100,000 loose objects would start a background `git gc` that competes with the measurement
        git(repo, "config", "gc.auto", "0");
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=Bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", "generated");
        for (int i = 0; i < 100; i++) {
            int n = i * (files / 100);
            Files.writeString(repo.resolve("src").resolve("d" + (n / 100)).resolve("f" + n + ".txt"), "changed " + n + "\n");
            Files.writeString(repo.resolve("src").resolve("new" + i + ".txt"), "new\n");
        }
    }

    private static void status(Path repo, ObjectNode result, PrintStream err) throws Exception {
        Map<String, Long> marks = new ConcurrentHashMap<>();
        try (Kernel kernel = Kernel.start(KernelContext.standard().workspace(repo).trace(marks::put))) {
            if (kernel.player(GIT).filter(p -> p.manifest() != null).isEmpty()) {
                throw new IllegalStateException(GIT + " is not built or installed (mvn -B package first)");
            }
            CompletableFuture<Long> decorated = new CompletableFuture<>();
            try (AutoCloseable listening = kernel.onExtensionEvent((id, name, payload) -> {
                if (id.equals(GIT) && name.equals("workbench.fileDecorations")) {
                    decorated.complete(System.nanoTime());
                }
            })) {
                long opened = System.nanoTime();
                List<String> started = new ActivationEvents(kernel).workspaceOpened(repo);
                if (!started.contains(GIT)) {
                    throw new IllegalStateException("opening " + repo + " did not activate " + GIT + " (workspaceContains:.git; started: "
                            + started + ", its state: " + kernel.player(GIT).map(p -> p.state().toString()).orElse("not installed") + ")");
                }
                long decorations = awaitDecorations(kernel, decorated, err);
                result.put("statusMs", round((decorations - opened) / 1e6));
                marks.put("decorations", decorations);
                result.set("statusSplitMs", split(opened, marks));
                err.println("symphony bench git: statusMs " + result.get("statusMs") + " " + result.get("statusSplitMs")); // kept if a later step fails
            }
            double[] ours = new double[5];
            double[] cli = new double[5];
            int entries = 0;
            int cliEntries = 0;
            for (int i = 0; i < ours.length; i++) {
                long start = System.nanoTime();
                JsonNode status = kernel.call(new CapabilityCall("bench", GIT, "status", JSON.createObjectNode(), Duration.ofMinutes(2))).output();
                ours[i] = (System.nanoTime() - start) / 1e6;
                entries = status.path("entries").size();
                start = System.nanoTime();
                String porcelain = git(repo, "--no-optional-locks", "status", "--porcelain=v1", "-uall", "--ignored=matching");
                cli[i] = (System.nanoTime() - start) / 1e6;
                cliEntries = porcelain.isEmpty() ? 0 : porcelain.split("\n").length;
            }
            double statusCall = median(ours);
            double gitCli = median(cli);
            result.put("statusCallMs", round(statusCall)).put("gitCliStatusMs", round(gitCli))
                    .put("statusRatio", round(statusCall / gitCli)).put("statusEntries", entries).put("gitCliEntries", cliEntries);
            if (entries != cliEntries) {
                err.println("symphony bench git: the extension found " + entries + " changed paths, git " + cliEntries);
            }
        }
    }

    /**
     * Where {@code statusMs} went, step by step from the folder opened (the kernel's trace marks, {@code KernelTrace}):
     * the {@code workspaceContains} search, the host's process spawned (its command, limits and sandbox), its JVM up
     * and on the bus, its extension activated (hello), and the first status until its decorations arrived.
     */
    public static ObjectNode split(long opened, Map<String, Long> marks) {
        ObjectNode split = JSON.createObjectNode();
        long previous = opened;
        for (String[] step : SPLIT) {
            Long at = marks.get(step[0]);
            if (at != null) {
                split.put(step[1], round((at - previous) / 1e6));
                previous = at;
            }
        }
        return split;
    }

    private static final String[][] SPLIT = {{"activation.searched", "activationSearch"}, {"start.spawned", "hostSpawn"},
            {"start.connected", "hostJvmToBus"}, {"start.ready", "hostActivated"}, {"decorations", "readyToDecorations"}};

    /**
     * Waits as long as the extension's host runs (a first status of a large tree on a loaded machine takes what it
     * takes), saying every 5 s how long and in which state; stops with the reason when the host is gone. Ctrl+C
     * cancels the bench.
     */
    private static long awaitDecorations(Kernel kernel, CompletableFuture<Long> decorated, PrintStream err) throws Exception {
        long since = System.nanoTime();
        while (true) {
            try {
                return decorated.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                var player = kernel.player(GIT).orElseThrow();
                if (player.hostPid() < 0) {
                    throw new IllegalStateException(GIT + "'s host stopped before the status arrived (" + player.state()
                            + "); its log: data/logs/extensions/" + GIT + ".log under Symphony's home");
                }
                err.printf("symphony bench git: waiting for the first status: %.0f s, host %d %s, load %.2f%n",
                        (System.nanoTime() - since) / 1e9, player.hostPid(), player.state(),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    /** A 10 MB text (80-character lines) against itself while N characters are typed at a seeded place, one by one. */
    static void markers(int keystrokes, ObjectNode result) {
        StringBuilder text = new StringBuilder(10 * 1024 * 1024 + 100);
        for (int line = 0; text.length() < 10 * 1024 * 1024; line++) {
            text.append(String.format("%08d", line)).append(" the quick brown fox jumps over the lazy dog, line after line of it....\n");
        }
        Rope head = Rope.of(text);
        Rope buffer = head;
        Random random = new Random(19);
        double[] ms = new double[keystrokes];
        int warmUp = Math.min(50, keystrokes);
        int at = random.nextInt(buffer.length());
        for (int i = -warmUp; i < keystrokes; i++) {
            String typed = (i + warmUp) % 40 == 39 ? "\n" : "x"; // typing at one place, a new line now and then
            buffer = buffer.insert(at++, typed);
            long start = System.nanoTime();
            ChangeMarks marks = ChangeMarks.of(LineDiff.of(head, buffer));
            double took = (System.nanoTime() - start) / 1e6;
            if (marks.items().isEmpty()) {
                throw new IllegalStateException("no markers after an edit");
            }
            if (i >= 0) {
                ms[i] = took;
            }
        }
        Arrays.sort(ms);
        result.put("markerFileBytes", text.length()).put("markerKeystrokes", keystrokes)
                .put("markerUpdateMsP50", round(ms[ms.length / 2])).put("markerUpdateMsP99", round(ms[(int) Math.ceil(ms.length * 0.99) - 1]));
    }

    static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit " + p.exitValue());
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void delete(Path dir) {
        try (var all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind is not worth failing the figures for
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
