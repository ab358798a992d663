package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.List;

/**
 * The baselines by name, frozen before training (a change is a new name). {@code lookahead} is the upper
 * reference (a planner with rollouts), not a rule; {@code cp-misf} is the textbook list scheduler.
 */
public final class Baselines {
    public static final List<String> NAMES = List.of("random", "fifo", "critical-path", "cp-fastest", "cp-misf", "heft",
            "greedy", "lookahead");
    /** The fixed rules (every baseline but the planner and {@code random}). */
    public static final List<String> RULES = List.of("fifo", "critical-path", "cp-fastest", "cp-misf", "heft", "greedy");

    private Baselines() {
    }

    /** A fresh baseline; {@code seed} only matters for {@code random} and {@code lookahead}'s rollouts. */
    public static SchedulingPolicy byName(String name, long seed) {
        return switch (name) {
            case "random" -> new RandomPolicy(seed);
            case "fifo" -> new FifoPolicy();
            case "critical-path" -> new HeuristicPolicy();
            case "cp-fastest" -> new CpFastestPolicy();
            case "cp-misf" -> new CpMisfPolicy();
            case "heft" -> new HeftPolicy();
            case "greedy" -> new GreedyPolicy();
            case "lookahead" -> new LookaheadPolicy(seed);
            default -> throw new IllegalArgumentException("unknown baseline '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }
}
