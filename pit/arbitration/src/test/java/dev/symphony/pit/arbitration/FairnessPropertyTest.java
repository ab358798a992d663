package dev.symphony.pit.arbitration;

import dev.symphony.pit.arbitration.api.Arbiter;
import dev.symphony.pit.arbitration.api.ArbiterContext;
import dev.symphony.pit.arbitration.api.Contention;
import dev.symphony.pit.arbitration.api.ResourceKind;
import dev.symphony.pit.arbitration.api.Strategy;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No requester starves. The bound (README, "Fairness"): with starvation threshold T and N distinct requesters
 * contending on a resource, an eligible requester loses at most T + N - 1 of its decisions on that resource in a
 * row. Checked against an adversary: random strategies, random subsets of contenders, scores that always favour
 * everyone but the victims. Seed: -Dpit.seed or env PIT_SEED.
 */
class FairnessPropertyTest {
    private static final int N = 16;

    @Test
    void everyContenderWinsWithinTheBound() {
        final String env = System.getenv("PIT_SEED");
        final long base = Long.getLong("pit.seed", env == null ? System.nanoTime() : Long.parseLong(env));
        for (int round = 0; round < 20; round++) {
            final long seed = base + round;
            try {
                runOnce(seed);
            } catch (final AssertionError | RuntimeException e) {
                fail("fairness property failed with seed " + seed + " (rerun with -Dpit.seed=" + seed + "): " + e, e);
            }
        }
    }

    private static void runOnce(final long seed) {
        final Random rnd = new Random(seed);
        final int threshold = 1 + rnd.nextInt(10);
        final Arbiter arbiter = Arbiter.create(new ArbiterContext()
            .starvationThreshold(threshold).agingBonusPerLoss(rnd.nextInt(3) * 0.01).decisionLogCapacity(64));
        for (int q = 0; q < N; q++) {
            arbiter.registerRequester("agent-" + q);
        }
        final int resource = arbiter.registerResource(ResourceKind.MODEL_SLOT, "slot", 1 + rnd.nextInt(3), 1L,
            Strategy.PRIORITIZATION);
        final Contention c = arbiter.newContention();
        final int[] lostInARow = new int[N];
        final int bound = threshold + N - 1;
        int worst = 0;
        final Strategy[] strategies = Strategy.values();
        for (int d = 0; d < 5_000; d++) {
            c.reset(resource, strategies[rnd.nextInt(strategies.length)]);
            final boolean[] in = new boolean[N];
            in[0] = true; // victim 0 contends every time with the worst possible score
            for (int q = 1; q < N; q++) {
                in[q] = rnd.nextInt(4) != 0;
            }
            for (int q = 0; q < N; q++) {
                if (in[q]) {
                    final double s = q <= 1 ? 0.0 : 1.0; // victims 0 and 1 always score 0, others 1
                    // Everyone offers the required capability, so everyone is eligible under SPECIALIZATION.
                    c.add(q, s, s, s, s, 1L, q <= 1 ? 0.01 : 1.0);
                }
            }
            arbiter.decide(c);
            final boolean[] won = new boolean[N];
            for (int w = 0; w < c.winnerCount(); w++) {
                won[c.winner(w)] = true;
            }
            for (int q = 0; q < N; q++) {
                if (!in[q]) {
                    continue;
                }
                lostInARow[q] = won[q] ? 0 : lostInARow[q] + 1;
                assertEquals(lostInARow[q], arbiter.waited(resource, q), "ledger of agent-" + q);
                worst = Math.max(worst, lostInARow[q]);
                assertTrue(lostInARow[q] <= bound, "agent-" + q + " lost " + lostInARow[q]
                    + " decisions in a row; bound T + N - 1 = " + bound + " (T = " + threshold + ")");
            }
        }
        assertTrue(worst >= threshold, "the adversary did make someone wait (worst " + worst + ")");
    }

    @Test
    void withoutTheGuaranteeTheLowScorerStarves() {
        // The same adversary against an arbiter whose threshold is never reached and with no aging: the victim
        // never wins. This is what the bound above rules out.
        final Arbiter arbiter = Arbiter.create(new ArbiterContext()
            .starvationThreshold(Integer.MAX_VALUE).agingBonusPerLoss(0));
        for (int q = 0; q < N; q++) {
            arbiter.registerRequester("agent-" + q);
        }
        final int resource = arbiter.registerResource(ResourceKind.GPU, "gpu", 1, 0, Strategy.PRIORITIZATION);
        final Contention c = arbiter.newContention();
        for (int d = 0; d < 1_000; d++) {
            c.reset(resource).add(0, 0, 0, 0, 0).add(1 + d % (N - 1), 1, 1, 1, 1);
            assertTrue(arbiter.decide(c) != 0);
        }
        assertEquals(1_000, arbiter.waited(resource, 0));
    }

    @Test
    void agingAloneLiftsALowScorerBeforeTheThreshold() {
        final Arbiter arbiter = Arbiter.create(new ArbiterContext().starvationThreshold(100).agingBonusPerLoss(0.1));
        final int low = arbiter.registerRequester("low");
        final int high = arbiter.registerRequester("high");
        final int gpu = arbiter.registerResource(ResourceKind.GPU, "gpu", 1, 0, Strategy.PRIORITIZATION);
        final Contention c = arbiter.newContention();
        int decisions = 0;
        int winner;
        do {
            c.reset(gpu).add(low, 0.2, 0.2, 0.2, 0.2).add(high, 0.65, 0.65, 0.65, 0.65);
            winner = arbiter.decide(c);
            decisions++;
        } while (winner != low && decisions < 100);
        // 0.2 + 0.1 * w > 0.65 first at w = 5: the sixth decision.
        assertEquals(6, decisions);
    }
}
