package dev.symphony.conductor.fqg.baselines;

import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.PuzzleGraph;
import dev.symphony.conductor.policy.Decision;

/**
 * {@code greedy}, the expected-reward rule: the ready function with the longest remaining critical path (ties:
 * ready first), on the affordable Instrument with the best expected reward of the episode if the rest ran at
 * reference speed: {@code -λ·(expected cost to success) - μ·M - [M > deadline]}, where M = max(now + the
 * Instrument's expected time to success + the function's reference path after it, the reference finish of
 * every other unfinished function's path). Uses the puzzle's preset's reward weights.
 */
public final class GreedyPolicy extends PlanningPolicy {
    @Override
    public String name() {
        return "greedy";
    }

    @Override
    protected int pick(Decision d) {
        PuzzleGraph g = graph();
        int node = d.node(mostUrgent(d, g::tail));
        double now = episode.now();
        double others = now;
        for (int j = 0; j < puzzle.size(); j++) {
            if (j != node && !episode.isDone(j)) {
                others = Math.max(others, now + (episode.isRunning(j) ? g.tail(j) - g.reference(j) : g.tail(j)));
            }
        }
        double after = g.tail(node) - g.reference(node);
        double bound = others;
        Preset preset = episode.preset();
        return bestInstrument(d, node, c -> {
            Instrument ins = instrument(d, c);
            double makespan = Math.max(bound, now + ins.expectedTimeToSuccess() + after);
            double late = makespan > puzzle.deadline() ? 1 : 0;
            return preset.lambda() * ins.expectedCostToSuccess() + preset.mu() * makespan + late; // lower is better
        });
    }
}
