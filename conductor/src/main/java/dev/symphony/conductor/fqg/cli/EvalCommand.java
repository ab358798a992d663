package dev.symphony.conductor.fqg.cli;

import dev.symphony.conductor.fqg.baselines.Baselines;
import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.evaluation.PolicyReport;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.policy.LazyPolicy;
import dev.symphony.conductor.policy.SchedulingPolicy;
import dev.symphony.conductor.policy.djl.DjlPolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@code fqg eval --seed S --count N [--policies ...] [--preset P] [--policy-file FILE] [--table]}: plays
 * every listed policy on the same N puzzles and prints one JSON line per policy. {@code rl} is the shipped
 * policy (or FILE) loaded lazily through DJL behind the heuristic, exactly as the conductor uses it; the
 * evaluation waits until it is loaded, so any decision it hands to the heuristic is a real fallback.
 * {@code rl-djl} scores every decision through DJL's own forward pass instead (for comparison). Each policy
 * first plays {@value #WARMUP} warm-up puzzles of another seed (not counted) so the JIT has compiled it.
 */
public final class EvalCommand {
    static final int WARMUP = 50;
    private static final Set<String> LEARNED = Set.of("rl", "rl-djl");

    private EvalCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        long seed;
        int count;
        List<String> names = new ArrayList<>();
        Preset preset;
        Path policyFile;
        boolean table;
        try {
            Args a = Args.parse(args, 0, Set.of("--seed", "--count", "--policies", "--preset", "--policy-file"),
                    Set.of("--table"));
            seed = a.longValue("--seed", null);
            count = a.positiveInt("--count", null);
            preset = Preset.byName(a.string("--preset", "default"));
            String file = a.string("--policy-file", null);
            policyFile = file == null ? null : Path.of(file);
            table = a.flag("--table");
            for (String n : a.string("--policies", "random,fifo,critical-path,rl").split(",")) {
                String name = n.trim();
                if (!Baselines.NAMES.contains(name) && !LEARNED.contains(name)) {
                    throw new Args.UsageException("unknown policy '" + name + "' (known: random, fifo, critical-path, rl, rl-djl)");
                }
                names.add(name);
            }
        } catch (Args.UsageException | IllegalArgumentException e) {
            err.println("fqg eval: " + e.getMessage());
            err.println(FqgCommand.USAGE);
            return 2;
        }
        Evaluator evaluator = new Evaluator(preset, seed, count);
        Evaluator warmup = new Evaluator(preset, ~seed * 7 + 3, WARMUP);
        List<PolicyReport> reports = new ArrayList<>();
        for (String name : names) {
            SchedulingPolicy policy;
            LongSupplier fallbacks = () -> 0;
            if (LEARNED.contains(name)) {
                LazyPolicy lazy = LazyPolicy.startLoading("rl", new HeuristicPolicy(),
                        () -> policyFile == null ? DjlPolicy.loadShipped() : DjlPolicy.load(policyFile));
                if (!lazy.awaitReady(Duration.ofMinutes(3))) {
                    err.println("fqg eval: the learned policy did not load: "
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
            reports.add(r);
            out.println(r.toJson());
        }
        if (table) {
            err.printf("fqg eval: preset %s, seed %d, %d puzzles%n", preset.name(), seed, count);
            err.print(PolicyReport.tableHeader());
            reports.forEach(r -> err.print(r.tableRow()));
        }
        return 0;
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
