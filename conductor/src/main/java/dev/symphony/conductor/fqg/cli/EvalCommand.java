package dev.symphony.conductor.fqg.cli;

import dev.symphony.conductor.fqg.baselines.Baselines;
import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.evaluation.Interval;
import dev.symphony.conductor.fqg.evaluation.PolicyReport;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.policy.LazyPolicy;
import dev.symphony.conductor.policy.SchedulingPolicy;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@code fqg eval --seed S (--count N | --puzzles DIR) [--policies ...|all] [--preset P] [--slots K]
 * [--policy-file FILE[,FILE...]] [--versus P] [--table]}: plays every listed policy on the same puzzles and
 * prints one JSON line per policy. {@code rl} is the shipped policy (or each FILE: one row per file) loaded
 * lazily through DJL behind the heuristic, exactly as the conductor uses it; the evaluation waits until it is
 * loaded, so any decision it hands to the heuristic is a real fallback. {@code rl-djl} scores every decision
 * through DJL's own forward pass instead (for comparison). Each policy first plays {@value #WARMUP} warm-up
 * puzzles of another seed (not counted; {@code --warmup N}) so the JIT has compiled it. The table (stderr) starts with the date and
 * the load average, since latency and run time depend on them.
 */
public final class EvalCommand {
    static final int WARMUP = 50;
    private static final Set<String> LEARNED = Set.of("rl", "rl-djl");

    private EvalCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        long seed;
        List<String> names = new ArrayList<>();
        List<Path> policyFiles = new ArrayList<>();
        String versus;
        boolean table;
        Evaluator evaluator;
        Evaluator warmup;
        String source;
        try {
            Args a = Args.parse(args, 0, Set.of("--seed", "--count", "--policies", "--preset", "--policy-file", "--puzzles",
                    "--slots", "--versus", "--warmup"), Set.of("--table"));
            seed = a.longValue("--seed", null);
            Preset preset = Preset.byName(a.string("--preset", "default"));
            if (a.string("--slots", null) != null) {
                preset = preset.withSlots(a.positiveInt("--slots", null));
            }
            String file = a.string("--policy-file", null);
            if (file != null) {
                for (String f : file.split(",")) {
                    policyFiles.add(Path.of(f.trim()));
                }
            }
            table = a.flag("--table");
            String list = a.string("--policies", "random,fifo,critical-path,rl");
            for (String n : list.equals("all") ? allPolicies() : List.of(list.split(","))) {
                String name = n.trim();
                if (!Baselines.NAMES.contains(name) && !LEARNED.contains(name)) {
                    throw new Args.UsageException("unknown policy '" + name + "' (known: all, " + String.join(", ", Baselines.NAMES)
                            + ", rl, rl-djl)");
                }
                names.add(name);
            }
            versus = a.string("--versus", null);
            if (versus != null && !names.contains(versus)) {
                throw new Args.UsageException("--versus " + versus + ": not among the evaluated policies");
            }
            String dir = a.string("--puzzles", null);
            if (dir != null) {
                if (a.string("--count", null) != null) {
                    throw new Args.UsageException("--count and --puzzles exclude each other");
                }
                PuzzleFiles files = PuzzleFiles.read(Path.of(dir));
                preset = a.string("--preset", null) != null ? preset : files.preset();
                evaluator = new Evaluator(preset, seed, files.puzzles());
                source = files.puzzles().size() + " puzzles from " + dir;
            } else {
                int count = a.positiveInt("--count", null);
                evaluator = new Evaluator(preset, seed, count);
                source = "seed " + seed + ", " + count + " puzzles";
            }
            int warmups = a.nonNegativeInt("--warmup", WARMUP);
            warmup = new Evaluator(preset, ~seed * 7 + 3, warmups);
            source = "preset " + preset.name() + (a.string("--slots", null) != null ? " (slots " + preset.minSlots() + ")" : "")
                    + ", " + source;
        } catch (Args.UsageException | IllegalArgumentException e) {
            err.println("fqg eval: " + e.getMessage());
            err.println(FqgCommand.USAGE);
            return 2;
        } catch (java.io.IOException e) {
            err.println("fqg eval: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        List<PolicyReport> reports = new ArrayList<>();
        double[] reference = null;
        double[] referenceRewards = null;
        List<double[]> makespans = new ArrayList<>();
        List<double[]> rewards = new ArrayList<>();
        for (String name : names) {
            List<Path> files = LEARNED.contains(name) && !policyFiles.isEmpty() ? policyFiles : java.util.Collections.singletonList(null);
            for (Path policyFile : files) {
                SchedulingPolicy policy;
                LongSupplier fallbacks = () -> 0;
                if (LEARNED.contains(name)) {
                    LazyPolicy lazy = LazyPolicy.startLoading("rl", new HeuristicPolicy(),
                            () -> policyFile == null ? DjlPolicy.loadShipped() : DjlPolicy.load(policyFile));
                    if (!lazy.awaitReady(Duration.ofMinutes(3))) {
                        err.println("fqg eval: the learned policy did not load" + (policyFile == null ? "" : " from " + policyFile) + ": "
                                + lazy.loadFailure().map(Throwable::getMessage).orElse("timed out after 3 minutes"));
                        return 1;
                    }
                    policy = name.equals("rl") ? lazy : djlForward((DjlPolicy) lazy.learned().orElseThrow());
                    fallbacks = lazy::fallbacks;
                } else {
                    policy = Baselines.byName(name, seed);
                }
                warmup.evaluate(policy, () -> 0);
                PolicyReport r = evaluator.evaluate(policy, fallbacks);
                if (files.size() > 1) {
                    r = r.named(name + ":" + stem(policyFile));
                }
                reports.add(r);
                makespans.add(evaluator.lastMakespans());
                rewards.add(evaluator.lastRewards());
                if (name.equals(versus)) {
                    reference = evaluator.lastMakespans();
                    referenceRewards = evaluator.lastRewards();
                }
            }
        }
        for (int i = 0; i < reports.size(); i++) {
            PolicyReport r = reference == null ? reports.get(i)
                    : reports.get(i).versus(versus, worseShare(makespans.get(i), reference), pairedDifference(rewards.get(i), referenceRewards));
            out.println(r.toJson());
            reports.set(i, r);
        }
        if (table) {
            err.printf(Locale.ROOT, "fqg eval: %s; %s, load average %s, %.0f s%n", source,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), loadAverage(), (System.nanoTime() - started) / 1e9);
            err.print(PolicyReport.tableHeader(reference != null));
            reports.forEach(r -> err.print(r.tableRow()));
        }
        return 0;
    }

    static List<String> allPolicies() {
        List<String> all = new ArrayList<>(Baselines.NAMES);
        all.add("rl");
        return all;
    }

    /** Share of puzzles where {@code mine} is above {@code reference} (by more than rounding). */
    static double worseShare(double[] mine, double[] reference) {
        int worse = 0;
        for (int i = 0; i < mine.length; i++) {
            worse += mine[i] > reference[i] * (1 + 1e-9) ? 1 : 0;
        }
        return mine.length == 0 ? 0 : (double) worse / mine.length;
    }

    /** Mean of {@code mine[i] - reference[i]} with its 95 % interval (a paired comparison on the same puzzles and luck). */
    static Interval pairedDifference(double[] mine, double[] reference) {
        double[] d = new double[mine.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = mine[i] - reference[i];
        }
        return Interval.of(d, d.length);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The 1-minute load average (as {@code uptime} prints it), or "unknown". */
    static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    private static SchedulingPolicy djlForward(DjlPolicy policy) {
        return new SchedulingPolicy() {
            @Override
            public String name() {
                return "rl-djl";
            }

            @Override
            public void score(Decision decision, float[] scores) {
                policy.scoreWithDjl(decision, scores);
            }
        };
    }
}
