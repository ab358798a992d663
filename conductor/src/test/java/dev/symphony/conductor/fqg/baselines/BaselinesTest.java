package dev.symphony.conductor.fqg.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.conductor.fqg.evaluation.Evaluator;
import dev.symphony.conductor.fqg.evaluation.PolicyReport;
import dev.symphony.conductor.fqg.game.Preset;
import dev.symphony.conductor.policy.CandidateFeatures;
import dev.symphony.conductor.policy.Decision;
import dev.symphony.conductor.policy.SchedulingPolicy;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    /** Three candidates: node 0 (ready first, short tail) on two Instruments, node 1 (ready later, long tail). */
    private static Decision decision() {
        Decision d = new Decision();
        add(d, 0, 0, 5, 0.2f, 3.0f);
        add(d, 0, 1, 5, 0.2f, 1.0f);
        add(d, 1, 0, 9, 0.9f, 2.0f);
        add(d, 1, 1, 9, 0.9f, 4.0f);
        return d;
    }

    private static void add(Decision d, int node, int instrument, long ready, float tail, float cost) {
        int o = d.add(node, instrument, ready);
        d.features()[o + CandidateFeatures.CRITICAL_TAIL] = tail;
        d.features()[o + CandidateFeatures.COST_TO_SUCCESS] = cost;
    }

    private static int choose(SchedulingPolicy p, Decision d) {
        return p.choose(d, new float[d.count()]);
    }

    @Test
    void fifoRunsTheEarliestReadyNodeOnItsCheapestInstrument() {
        Decision d = decision();
        int c = choose(new FifoPolicy(), d);
        assertEquals(0, d.node(c));
        assertEquals(1, d.instrument(c));
    }

    @Test
    void criticalPathRunsTheLongestTailOnItsCheapestInstrument() {
        Decision d = decision();
        int c = choose(Baselines.byName("critical-path", 0), d);
        assertEquals(1, d.node(c));
        assertEquals(0, d.instrument(c));
    }

    @Test
    void randomIsSeededAndCoversEveryCandidate() {
        Decision d = decision();
        int[] hits = new int[d.count()];
        RandomPolicy a = new RandomPolicy(7);
        RandomPolicy b = new RandomPolicy(7);
        for (int i = 0; i < 4000; i++) {
            int c = choose(a, d);
            assertEquals(c, choose(b, d), "same seed, same choices");
            hits[c]++;
        }
        for (int h : hits) {
            assertTrue(h > 800 && h < 1200, "roughly uniform: " + java.util.Arrays.toString(hits));
        }
    }

    @Test
    void onPuzzlesTheBaselinesBehaveAsDocumented() {
        Evaluator ev = new Evaluator(Preset.DEFAULT, 11, 200);
        PolicyReport fifo = ev.evaluate(new FifoPolicy(), () -> 0);
        PolicyReport cp = ev.evaluate(Baselines.byName("critical-path", 0), () -> 0);
        PolicyReport random = ev.evaluate(new RandomPolicy(3), () -> 0);
        // Both deterministic rules pick the cheapest Instrument, so they spend less than random picks.
        assertTrue(fifo.meanCost() < random.meanCost(), fifo + " vs " + random);
        assertTrue(cp.meanCost() < random.meanCost(), cp + " vs " + random);
        // Longest-tail-first never loses much to arrival order and usually wins.
        assertTrue(cp.meanMakespan() <= fifo.meanMakespan() * 1.02, cp + " vs " + fifo);
        assertEquals(fifo, ev.evaluate(new FifoPolicy(), () -> 0).withLatency(fifo));
        assertNotEquals(fifo.policy(), cp.policy());
    }

    @Test
    void unknownBaselineNamesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Baselines.byName("lifo", 0));
        assertTrue(e.getMessage().contains("lifo") && e.getMessage().contains("fifo"));
    }
}
