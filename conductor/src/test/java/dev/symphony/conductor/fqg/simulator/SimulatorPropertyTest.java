package dev.symphony.conductor.fqg.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.fqg.TestSeeds;
import dev.symphony.conductor.fqg.baselines.Baselines;
import dev.symphony.conductor.fqg.game.Instrument;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.fqg.game.Puzzle;
import dev.symphony.conductor.fqg.generator.PuzzleGenerator;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded property tests: whatever the policy does, the simulator keeps the game's rules. */
class SimulatorPropertyTest {

    /** Checks every rule as the episode unfolds; any violation fails with the puzzle and seed. */
    static final class RuleChecker implements SimulationListener {
        final Puzzle puzzle;
        final String where;
        final boolean[] done;
        final int[][] busy;
        int running;
        double lastTime;
        double charged;

        RuleChecker(Puzzle puzzle, String where) {
            this.puzzle = puzzle;
            this.where = where;
            done = new boolean[puzzle.size()];
            busy = new int[puzzle.size()][];
            for (int i = 0; i < puzzle.size(); i++) {
                busy[i] = new int[puzzle.function(i).instruments().size()];
            }
        }

        @Override
        public void onDecision(Decision d, int chosen) {
            assertTrue(d.count() > 0 && chosen >= 0 && chosen < d.count(), where);
            for (int c = 0; c < d.count(); c++) {
                Instrument ins = puzzle.function(d.node(c)).instruments().get(d.instrument(c));
                assertTrue(charged + ins.cost() <= puzzle.budget() + 1e-9, where + ": offered an unaffordable Instrument");
                assertTrue(busy[d.node(c)][d.instrument(c)] < ins.capacity(), where + ": offered a full Instrument");
            }
        }

        @Override
        public void onAttemptStarted(double time, int function, int instrument, int runningAfter) {
            assertTrue(time >= lastTime, where + ": time went backwards");
            for (int p : puzzle.graph().predecessors(function)) {
                assertTrue(done[p], where + ": f" + function + " started before its input f" + p + " was produced");
            }
            assertTrue(!done[function], where + ": f" + function + " ran again after succeeding");
            running++;
            assertEquals(running, runningAfter, where);
            assertTrue(running <= puzzle.slots(), where + ": " + running + " attempts running, limit " + puzzle.slots());
            Instrument ins = puzzle.function(function).instruments().get(instrument);
            busy[function][instrument]++;
            assertTrue(busy[function][instrument] <= ins.capacity(), where + ": Instrument over capacity");
            charged += ins.cost();
            assertTrue(charged <= puzzle.budget() + 1e-9, where + ": budget exceeded");
            lastTime = time;
        }

        @Override
        public void onAttemptFinished(double time, int function, int instrument, boolean success, long value) {
            assertTrue(time >= lastTime && time <= puzzle.deadline() + 1e-9, where + ": bad finish time " + time);
            running--;
            busy[function][instrument]--;
            if (success) {
                done[function] = true;
                assertTrue(value >= 0 && value < dev.symphony.conductor.fqg.game.FunctionSpec.MODULUS, where);
            }
            lastTime = time;
        }
    }

    @Test
    void everyPolicyKeepsConcurrencyDependenciesBudgetAndDeadline() {
        long seed = TestSeeds.base();
        SplittableRandom r = new SplittableRandom(seed);
        PuzzleGenerator generator = new PuzzleGenerator(Preset.DEFAULT);
        for (int i = 0; i < 400; i++) {
            Puzzle puzzle = generator.generate(r.nextLong());
            long outcomeSeed = r.nextLong();
            Simulator sim = new Simulator(puzzle, Preset.DEFAULT);
            // The model-based baselines on every 8th puzzle, lookahead (the slow planner, whose forks must not disturb
            // the episode) on every 100th: the rules hold whoever decides.
            List<String> names = i % 100 == 0 ? List.of("random", "fifo", "critical-path", "cp-fastest", "cp-misf", "heft",
                    "greedy", "lookahead", "adversarial") : i % 8 == 0 ? List.of("random", "fifo", "critical-path",
                    "cp-fastest", "cp-misf", "heft", "greedy", "adversarial") : List.of("random", "fifo", "critical-path", "adversarial");
            for (String name : names) {
                String where = name + " on puzzle " + i + " of seed " + seed + TestSeeds.replay(seed);
                SchedulingPolicy policy = name.equals("adversarial") ? new LastCandidate() : Baselines.byName(name, r.nextLong());
                RuleChecker checker = new RuleChecker(puzzle, where);
                EpisodeResult result = sim.run(policy, outcomeSeed, checker, null);
                assertEquals(checker.charged, result.cost(), 1e-6, where);
                if (result.success()) {
                    assertTrue(checker.done[puzzle.goalIndex()], where);
                    assertEquals(puzzle.goalValue(), result.goalValue(), where + ": wrong goal value");
                    assertTrue(result.makespan() <= puzzle.deadline(), where);
                    assertEquals(EpisodeResult.Failure.NONE, result.failure(), where);
                } else {
                    assertEquals(puzzle.deadline(), result.makespan(), 1e-9, where);
                    assertTrue(result.failure() != EpisodeResult.Failure.NONE, where);
                }
                assertEquals(result.decisions(), result.attempts(), where);
                assertEquals(Preset.DEFAULT.reward(result.success(), result.cost(), result.makespan()), result.reward(), 1e-12, where);
            }
        }
    }

    @Test
    void episodesAreDeterministicPerOutcomeSeed() {
        long seed = TestSeeds.base();
        PuzzleGenerator generator = new PuzzleGenerator(Preset.DEFAULT);
        for (int i = 0; i < 50; i++) {
            Puzzle puzzle = generator.puzzle(seed, i);
            Simulator a = new Simulator(puzzle, Preset.DEFAULT);
            Simulator b = new Simulator(puzzle, Preset.DEFAULT);
            EpisodeResult first = a.run(Baselines.byName("random", i), 99 + i);
            a.run(Baselines.byName("fifo", 0), 5);
            assertEquals(first, a.run(Baselines.byName("random", i), 99 + i), "replay on a reused simulator" + TestSeeds.replay(seed));
            assertEquals(first, b.run(Baselines.byName("random", i), 99 + i), "replay on a fresh simulator" + TestSeeds.replay(seed));
        }
    }

    @Test
    void aLatencySinkSeesEveryDecision() {
        Puzzle puzzle = new PuzzleGenerator(Preset.DEFAULT).puzzle(3, 3);
        long[] seen = {0};
        EpisodeResult r = new Simulator(puzzle, Preset.DEFAULT).run(Baselines.byName("fifo", 0), 1,
                SimulationListener.NONE, nanos -> seen[0]++);
        assertEquals(r.decisions(), seen[0]);
    }

    /** Always the last candidate: an order no sensible policy would pick, to reach odd corners. */
    static final class LastCandidate implements SchedulingPolicy {
        @Override
        public String name() {
            return "adversarial";
        }

        @Override
        public void score(Decision decision, float[] scores) {
            for (int i = 0; i < decision.count(); i++) {
                scores[i] = i;
            }
        }
    }
}
