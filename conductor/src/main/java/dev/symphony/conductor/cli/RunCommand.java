package dev.symphony.conductor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.conductor.melody.InvalidMelodyException;
import dev.symphony.conductor.melody.Melody;
import dev.symphony.conductor.melody.MelodyNode;
import dev.symphony.conductor.melody.MelodyReader;
import dev.symphony.conductor.melody.NodeType;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.policy.LazyPolicy;
import dev.symphony.conductor.policy.SchedulingPolicy;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import dev.symphony.conductor.run.Capabilities;
import dev.symphony.conductor.run.Conductor;
import dev.symphony.conductor.run.DebugProtocol;
import dev.symphony.conductor.run.StepDebugger;
import dev.symphony.conductor.run.KernelCapabilities;
import dev.symphony.conductor.run.RunArtifacts;
import dev.symphony.conductor.run.RunContext;
import dev.symphony.conductor.run.RunEvents;
import dev.symphony.conductor.run.RunResult;
import dev.symphony.kernel.paths.SymphonyPaths;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code symphony run FILE.melody.json [--input NAME=VALUE…] [--preview] [--yes] [--policy rl|heuristic]}
 * and {@code symphony run --resume RUN_ID [--yes] [--policy …]}: runs a Melody headless, printing its event
 * stream as JSON lines on stdout. Exit status: 0 succeeded, 1 failed or cancelled, 2 invalid Melody or bad
 * usage, 3 paused waiting for an approval nobody can answer (no {@code --yes}, no terminal).
 */
public final class RunCommand {
    static final String USAGE = String.join("\n",
            "usage: symphony run FILE.melody.json [--input NAME=VALUE]... [--preview] [--yes] [--policy rl|heuristic] [--break NODE]...",
            "       symphony run --resume RUN_ID [--yes] [--policy rl|heuristic]",
            "Runs a Melody headless; stdout is its event stream (JSON lines, conductor/docs/executor.md);",
            "at a terminal, stderr also gets a readable summary (a line per node, then totals and cost).",
            "  --input NAME=VALUE  value of input node NAME (JSON unless the input's schema is a string; @FILE reads a file)",
            "  --preview           pinned/mock data instead of calling extensions",
            "  --yes               answer every approval node yes (recorded as by \"--yes\")",
            "  --policy P          rl (default: the learned policy, the heuristic until it has loaded) or heuristic",
            "  --break NODE[,NODE] pause before these nodes; stdin takes debug commands, one JSON object a line:",
            "                      {\"cmd\":\"wait|held|output|editInput|editOutput|step|break|continue\",\"node\":…}",
            "Exit status: 0 succeeded, 1 failed or cancelled, 2 invalid Melody or bad usage,",
            "             3 paused waiting for an approval (answer: symphony approve RUN_ID NODE --yes|--no).");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /** With {@code capabilities} supplied (tests, embedding) instead of starting a kernel. */
    public static int run(String[] args, PrintStream out, PrintStream err, Supplier<Capabilities> capabilities) {
        return run(args, out, err, capabilities, terminal() != null, System.in);
    }

    /** {@code atTerminal}: a person reads stdout, so a readable summary goes to stderr beside the JSON lines. */
    static int run(String[] args, PrintStream out, PrintStream err, Supplier<Capabilities> capabilities, boolean atTerminal,
                   java.io.InputStream stdin) {
        String file = null;
        String resume = null;
        boolean preview = false;
        boolean yes = false;
        String policyName = "rl";
        List<String> inputArgs = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--preview" -> preview = true;
                case "--yes", "-y" -> yes = true;
                case "--input", "--policy", "--resume", "--break" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, a + " needs a value");
                    }
                    String v = args[++i];
                    if (a.equals("--input")) {
                        inputArgs.add(v);
                    } else if (a.equals("--break")) {
                        breaks.addAll(List.of(v.split(",")));
                    } else if (a.equals("--policy")) {
                        policyName = v;
                    } else {
                        resume = v;
                    }
                }
                default -> {
                    if (a.startsWith("-") || file != null) {
                        return usage(err, "unknown argument '" + a + "'");
                    }
                    file = a;
                }
            }
        }
        if ((file == null) == (resume == null)) {
            return usage(err, file == null ? "name a Melody file or --resume RUN_ID" : "give a Melody file or --resume, not both");
        }
        if (resume != null && (preview || !inputArgs.isEmpty())) {
            return usage(err, "--resume continues a run with its own inputs and mode; --input and --preview do not apply");
        }
        if (!policyName.equals("rl") && !policyName.equals("heuristic")) {
            return usage(err, "--policy must be rl or heuristic, got '" + policyName + "'");
        }
        SchedulingPolicy policy = policyName.equals("rl")
                ? LazyPolicy.onFirstUse("rl", new HeuristicPolicy(), DjlPolicy::loadCurrent) : new HeuristicPolicy();
        SymphonyPaths paths = SymphonyPaths.resolve();
        Capabilities caps = null;
        try {
            caps = capabilities != null ? capabilities.get()
                    : dev.symphony.conductor.run.OperatorProvider.aroundAll(dev.symphony.conductor.run.McpOperators.around(
                            KernelCapabilities.start(), paths.configDir(), Path.of("").toAbsolutePath()), paths.configDir(), Path.of("").toAbsolutePath());
            Melody melody = null;
            ObjectNode inputs = null;
            if (file != null) {
                melody = new MelodyReader(caps).read(Path.of(file));
                inputs = inputs(melody, inputArgs);
                for (String b : breaks) {
                    if (melody.node(b.contains("/") ? b.substring(0, b.indexOf('/')) : b).isEmpty()) {
                        throw new UsageException("--break " + b + ": the Melody has no node '" + b + "'; its nodes: "
                                + String.join(", ", melody.nodes().stream().map(MelodyNode::id).toList()));
                    }
                }
            }
            if (policy instanceof LazyPolicy lazy && (melody == null || melody.nodes().stream().anyMatch(n -> n.type().scheduled()))) {
                lazy.start(); // beside the run's set-up (~0.2 s here) rather than inside its first decision
            }
            try (RunArtifacts artifacts = RunArtifacts.open(paths, 60_000, err)) {
                Console console = terminal();
                RunSummary summary = atTerminal ? new RunSummary(err) : null;
                RunContext context = new RunContext().capabilities(caps).policy(policy).artifacts(artifacts)
                        .runsRoot(paths.data("runs")).preview(preview).autoApprove(yes, "--yes")
                        .trainingData(new dev.symphony.conductor.learning.TrainingData(paths.data("policy").resolve("real-runs")))
                        .instrumentStats(paths.data("pool").resolve("instrument-stats.json"))
                        .approver(console == null || yes ? null : (run, node, prompt, details) -> ask(console, node, prompt, details))
                        .events(e -> {
                            synchronized (out) {
                                out.println(RunEvents.line(e));
                                out.flush();
                            }
                            if (summary != null) {
                                summary.accept(e);
                            }
                        });
                if (!breaks.isEmpty()) {
                    debug(context, breaks, stdin, err);
                }
                Conductor conductor = new Conductor(context);
                RunResult r = resume != null ? conductor.resume(resume) : conductor.start(melody, inputs);
                report(r, err, policy);
                return r.status().exitCode();
            }
        } catch (InvalidMelodyException e) {
            err.println("symphony run: " + e.getMessage());
            return 2;
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("symphony run: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("symphony run: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("symphony run: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("symphony run: interrupted");
            return 1;
        } finally {
            if (caps instanceof AutoCloseable c && capabilities == null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the hosts end with this process anyway
                }
            }
        }
    }

    /**
     * Pauses before {@code breaks}; stdin carries {@link DebugProtocol} commands (one JSON object a line), each
     * reply goes to stderr as {@code debug> JSON}. The end of stdin continues the run.
     */
    private static void debug(RunContext context, List<String> breaks, java.io.InputStream stdin, PrintStream err) {
        StepDebugger debugger = new StepDebugger().breakBefore(breaks.toArray(String[]::new));
        context.debugger(debugger);
        Thread t = new Thread(() -> new DebugProtocol(debugger).serve(new java.io.BufferedReader(
                new java.io.InputStreamReader(stdin, java.nio.charset.StandardCharsets.UTF_8)), reply -> {
                    synchronized (err) {
                        err.println("debug> " + reply);
                    }
                }), "debug-protocol");
        t.setDaemon(true);
        t.start();
        err.println("symphony run: paused before " + String.join(", ", breaks) + " when they are ready; debug commands"
                + " on stdin (conductor/docs/executor.md#step-through-debugging), end of input continues");
    }

    private static void report(RunResult r, PrintStream err, SchedulingPolicy policy) {
        switch (r.status()) {
            case SUCCEEDED -> err.println("symphony run: run " + r.runId() + " succeeded");
            case PAUSED -> {
                err.println("symphony run: run " + r.runId() + " is paused waiting for " + String.join(", ", r.waiting()));
                for (String node : r.waiting()) {
                    err.println("  answer: symphony approve " + r.runId() + " " + node + " --yes|--no");
                }
                err.println("  then:   symphony run --resume " + r.runId());
            }
            default -> err.println("symphony run: run " + r.runId() + " " + r.status().jsonName()
                    + (r.error() == null ? "" : ": " + r.error()));
        }
        if (policy instanceof LazyPolicy lazy && lazy.fallbacks() > 0) {
            err.println("symphony run: " + lazy.fallbacks() + " scheduling decision(s) made by the heuristic while the"
                    + " learned policy loaded");
        }
    }

    /**
     * The console when a person is at a terminal, else null. From JDK 22 {@code System.console()} is not null
     * even when the streams are redirected; {@code Console.isTerminal()} (JDK 22+) tells, read reflectively
     * because this code compiles for 17, where a non-null console already means a terminal.
     */
    static Console terminal() {
        Console c = System.console();
        if (c == null) {
            return null;
        }
        try {
            return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(c)) ? c : null;
        } catch (NoSuchMethodException e) {
            return c;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Optional<Boolean> ask(Console console, String node, String prompt, JsonNode details) {
        console.printf("%n[approval] %s: %s%n", node, prompt);
        if (details != null) {
            console.printf("%s%n", details.toPrettyString());
        }
        String line = console.readLine("approve? [y/N] ");
        if (line == null) {
            return Optional.empty();
        }
        return Optional.of(line.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y"));
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String m) {
            super(m);
        }
    }

    /** {@code NAME=VALUE}: a string for string-typed inputs, else JSON (falling back to a string); {@code @FILE} reads a file. */
    static ObjectNode inputs(Melody melody, List<String> args) throws UsageException, IOException {
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--input takes NAME=VALUE, got '" + a + "'");
            }
            String name = a.substring(0, eq);
            String value = a.substring(eq + 1);
            MelodyNode node = melody.node(name).filter(n -> n.type() == NodeType.INPUT).orElseThrow(() -> new UsageException(
                    "the Melody has no input node '" + name + "'; its inputs: " + String.join(", ", melody.nodes().stream()
                            .filter(n -> n.type() == NodeType.INPUT).map(MelodyNode::id).toList())));
            if (value.startsWith("@")) {
                value = Files.readString(Path.of(value.substring(1)));
            }
            boolean text = "string".equals(node.json().path("schema").path("type").asText());
            if (text) {
                inputs.put(name, value);
            } else {
                try {
                    inputs.set(name, JSON.readTree(value));
                } catch (IOException e) {
                    inputs.put(name, value);
                }
                if (inputs.get(name) == null || inputs.get(name).isMissingNode()) {
                    inputs.put(name, value);
                }
            }
        }
        return inputs;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("symphony run: " + problem);
        err.println(USAGE);
        return 2;
    }

    /** For running by hand: {@code java -cp ... dev.symphony.conductor.cli.RunCommand FILE ...}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
