package dev.symphony.conductor.fqg.simulator;

import static dev.symphony.conductor.policy.CandidateFeatures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.fqg.TestSeeds;
import dev.symphony.conductor.fqg.baselines.Baselines;
import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.policy.Decision;
import org.junit.jupiter.api.Test;

/**
 * The planning features say what the rules would do: on every decision {@code greedy} makes, exactly one candidate
 * carries {@code GREEDY_PICK} and it is greedy's choice; on {@code plain} puzzles (one Instrument each)
 * {@code TOP_LEVEL} marks a node of the highest level, the level {@code cp-misf} starts; the bounded features stay in
 * their ranges. Seeded ({@code -Dfqg.test.seed=N}).
 */
class PlanningFeaturesTest {
    private static void check(Decision d, int c) {
        assertTrue(d.feature(c, RESERVE_AFTER) >= -1 && d.feature(c, RESERVE_AFTER) <= 1);
        assertTrue(d.feature(c, PROJECTED_LATENESS) >= -1 && d.feature(c, PROJECTED_LATENESS) <= 1);
        assertTrue(d.feature(c, GREEDY_REGRET) >= 0 && d.feature(c, GREEDY_REGRET) <= 2);
        assertTrue(d.feature(c, SUCCESSORS) >= 0 && d.feature(c, SUCCESSORS) <= 1);
    }

    @Test
    void greedyPickIsGreedysChoice() {
        long seed = TestSeeds.base();
        int[] decisions = new int[1];
        new Evaluator(Preset.DEFAULT, seed, 60).evaluate(Baselines.byName("greedy", 0), () -> 0, new SimulationListener() {
            @Override
            public void onDecision(Decision d, int chosen) {
                int picks = 0;
                for (int c = 0; c < d.count(); c++) {
                    picks += d.feature(c, GREEDY_PICK) == 1f ? 1 : 0;
                    check(d, c);
                }
                assertEquals(1, picks, "one greedy pick per decision" + TestSeeds.replay(seed));
                assertEquals(1f, d.feature(chosen, GREEDY_PICK), "greedy chose another candidate" + TestSeeds.replay(seed));
                assertEquals(1f, d.feature(chosen, TOP_LEVEL), TestSeeds.replay(seed));
                decisions[0]++;
            }
        });
        assertTrue(decisions[0] > 600, "too few decisions to check: " + decisions[0]);
    }

    @Test
    void listSchedulersChoiceIsTopLevelOnPlainPuzzles() {
        long seed = TestSeeds.base();
        new Evaluator(Preset.PLAIN.withSlots(4), seed, 5).evaluate(Baselines.byName("cp-misf", 0), () -> 0, new SimulationListener() {
            @Override
            public void onDecision(Decision d, int chosen) {
                assertEquals(1f, d.feature(chosen, TAIL_RANK), "cp-misf chose a node below the top level" + TestSeeds.replay(seed));
                for (int c = 0; c < d.count(); c++) {
                    check(d, c);
                    if (d.feature(c, TOP_LEVEL) == 1f) { // exact level ties aside, that is cp-misf's node
                        assertEquals(1f, d.feature(c, TAIL_RANK), "TOP_LEVEL on a node below the top" + TestSeeds.replay(seed));
                    }
                    assertTrue(d.feature(c, PROJECTED_LATENESS) < 0, "plain deadlines are ample" + TestSeeds.replay(seed));
                }
            }
        });
    }
}
