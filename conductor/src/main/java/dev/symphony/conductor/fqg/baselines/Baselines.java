package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.policy.HeuristicPolicy;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.List;

/** The baselines by name. */
public final class Baselines {
    public static final List<String> NAMES = List.of("random", "fifo", "critical-path");

    private Baselines() {
    }

    /** A fresh baseline; {@code seed} only matters for {@code random}. */
    public static SchedulingPolicy byName(String name, long seed) {
        switch (name) {
            case "random":
                return new RandomPolicy(seed);
            case "fifo":
                return new FifoPolicy();
            case "critical-path":
                return new HeuristicPolicy();
            default:
                throw new IllegalArgumentException("unknown baseline '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }
}
