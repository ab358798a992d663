package dev.symphony.conductor.cli;

import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.policy.LazyPolicy;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import dev.symphony.conductor.run.Conductor;
import dev.symphony.conductor.run.KernelCapabilities;
import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.conductor.run.RunContext;
import dev.symphony.conductor.run.RunEvents;
import dev.symphony.conductor.run.serve.ApiToken;
import dev.symphony.conductor.run.serve.MelodyServer;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code symphony serve [DIR] [--port N] [--max-runs N] [--yes] [--policy rl|heuristic]}: the conductor as a long-running
 * process for the Melodies under DIR (default: the current folder): API triggers on
 * {@code http://127.0.0.1:PORT/api/PATH} (bearer token in {@code <config>/api-token}), scheduled, chained and
 * melody.finished triggers, file.saved for files saved under DIR, and extension.event for the events extensions
 * announce (the kernel's listener feeds {@link MelodyServer#extensionEvent}; the onStartup extensions are
 * started so that they can; a running node that {@code awaits} EXTENSION/EVENT gets it too). Up to
 * {@code --max-runs} runs at once (default {@value MelodyServer#DEFAULT_MAX_RUNS}). Prints every run's events as JSON lines on stdout until stopped. Exit status:
 * 1 could not start, 2 bad usage.
 */
public final class ServeCommand {
    static final String USAGE = String.join("\n",
            "usage: symphony serve [DIR] [--port N] [--max-runs N] [--yes] [--policy rl|heuristic]",
            "Fires the api, scheduled, chained, melody.finished, file.saved (files saved under DIR) and extension.event",
            "(events extensions announce) triggers",
            "of the Melodies under DIR until stopped, up to --max-runs runs at once (default " + MelodyServer.DEFAULT_MAX_RUNS + "; more wait their turn).",
            "API: POST http://127.0.0.1:PORT/api/PATH, header 'Authorization: Bearer TOKEN' (TOKEN: <config>/api-token),",
            "     body: a JSON object of inputs; answers with the run's status and outputs.",
            "Exit status: 1 could not start, 2 bad usage.");

    private ServeCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, calling {@code capabilities} instead of a kernel (tests). */
    public static int run(String[] args, PrintStream out, PrintStream err,
                          java.util.function.Supplier<dev.symphony.conductor.run.Capabilities> capabilities) {
        Path dir = Path.of(".");
        int port = 7878;
        int maxRuns = MelodyServer.DEFAULT_MAX_RUNS;
        boolean yes = false;
        String policy = "rl";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--yes", "-y" -> yes = true;
                case "--port", "--policy", "--max-runs" -> {
                    if (i + 1 >= args.length) {
                        err.println("symphony serve: " + args[i] + " needs a value\n" + USAGE);
                        return 2;
                    }
                    String v = args[++i];
                    if (args[i - 1].equals("--policy")) {
                        policy = v;
                    } else if (args[i - 1].equals("--max-runs")) {
                        if (!v.matches("\\d{1,2}") || Integer.parseInt(v) < 1) {
                            err.println("symphony serve: --max-runs must be 1-99\n" + USAGE);
                            return 2;
                        }
                        maxRuns = Integer.parseInt(v);
                    } else if (v.matches("\\d{1,5}") && Integer.parseInt(v) <= 65535) {
                        port = Integer.parseInt(v);
                    } else {
                        err.println("symphony serve: --port must be 0-65535\n" + USAGE);
                        return 2;
                    }
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        err.println("symphony serve: unknown argument '" + args[i] + "'\n" + USAGE);
                        return 2;
                    }
                    dir = Path.of(args[i]);
                }
            }
        }
        if (!Files.isDirectory(dir) || !(policy.equals("rl") || policy.equals("heuristic"))) {
            err.println("symphony serve: " + (Files.isDirectory(dir) ? "--policy must be rl or heuristic" : "no folder " + dir) + "\n" + USAGE);
            return 2;
        }
        SymphonyPaths paths = SymphonyPaths.resolve();
        KernelCapabilities kernelCaps = capabilities != null ? null : KernelCapabilities.start();
        dev.symphony.conductor.run.Capabilities caps = capabilities != null ? capabilities.get()
                : dev.symphony.conductor.run.OperatorProvider.aroundAll(kernelCaps, paths.configDir(), Path.of("").toAbsolutePath());
        try (RunArtifacts artifacts = RunArtifacts.open(paths, 60_000, err)) {
            RunContext context = new RunContext().capabilities(caps).artifacts(artifacts).runsRoot(paths.data("runs"))
                    .autoApprove(yes, "--yes")
                    .trainingData(new dev.symphony.conductor.learning.TrainingData(paths.data("policy").resolve("real-runs")))
                    .instrumentStats(paths.data("pool").resolve("instrument-stats.json"))
                    .policy(policy.equals("rl") ? LazyPolicy.onFirstUse("rl", new HeuristicPolicy(), DjlPolicy::loadCurrent)
                            : new HeuristicPolicy())
                    .events(e -> {
                        synchronized (out) {
                            out.println(RunEvents.line(e));
                            out.flush();
                        }
                    });
            Path tokenFile = paths.configDir().resolve("api-token");
            try (MelodyServer server = new MelodyServer(new Conductor(context), new MelodyReader(caps),
                    ApiToken.loadOrCreate(tokenFile), err, maxRuns)) {
                int n = server.load(dir);
                int bound = server.start(port);
                int resumed = server.reclaim();
                if (resumed > 0) {
                    err.println("symphony serve: resuming " + resumed + " run" + (resumed == 1 ? "" : "s")
                            + " left running by a serve process that ended");
                }
                KernelCapabilities kernel = caps instanceof KernelCapabilities k ? k : kernelCaps;
                if (kernel != null) {
                    kernel.listenToExtensions(server::extensionEvent);
                }
                err.println("symphony serve: " + n + " Melodies from " + dir.toAbsolutePath().normalize()
                        + "; API on http://127.0.0.1:" + bound + "/api/ (token in " + tokenFile + "); stop with Ctrl-C");
                Thread.currentThread().join();
                return 0;
            }
        } catch (IOException e) {
            err.println("symphony serve: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            if (caps instanceof AutoCloseable c && capabilities == null) {
                try {
                    c.close();
                } catch (Exception e) {
                    err.println("symphony serve: stopping the kernel: " + e.getMessage());
                }
            }
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
