package dev.symphony.pit.pool.internal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The heap against a linear scan: after random adds, removes and rank changes the head is the policy's minimum. */
class EvictionQueueTest {

    @Test
    void headIsAlwaysTheLowestRankedThenLeastRecentlyUsed() {
        final long seed = Long.getLong("pit.seed", System.nanoTime());
        final Random rnd = new Random(seed);
        final int n = 200;
        final UsagePredictor predictor = new UsagePredictor(n, 1_000);
        final long[] lastUsed = new long[n];
        final long[] memory = new long[n];
        final long[] vram = new long[n];
        final EvictionQueue queue = new EvictionQueue(n, predictor, lastUsed, memory, vram);
        predictor.evictionQueue(queue);
        final Set<Integer> members = new HashSet<>();
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            final int m = rnd.nextInt(n);
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    if (!members.contains(m)) { // sizes are fixed while a model is resident
                        memory[m] = rnd.nextInt(100);
                        vram[m] = rnd.nextInt(3);
                    }
                    queue.add(m);
                    members.add(m);
                }
                case 1 -> {
                    queue.remove(m);
                    members.remove(m);
                }
                case 2 -> predictor.recordUse(m, rnd.nextInt(n), now += rnd.nextInt(50)); // boosts successors too
                default -> {
                    lastUsed[m] = rnd.nextInt(5);
                    queue.update(m);
                }
            }
            int expected = -1;
            long mem = 0;
            long vr = 0;
            for (final int c : members) {
                mem += memory[c];
                vr += vram[c];
                if (expected < 0 || predictor.rank(c) < predictor.rank(expected)
                    || (predictor.rank(c) == predictor.rank(expected) && lastUsed[c] < lastUsed[expected])) {
                    expected = c;
                }
            }
            final int head = queue.peek();
            final String where = "seed " + seed + " step " + step;
            assertEquals(members.size(), queue.size(), where);
            assertEquals(mem, queue.memorySum(), where);
            assertEquals(vr, queue.vramSum(), where);
            if (expected >= 0) {
                assertEquals(predictor.rank(expected), predictor.rank(head), where);
                assertEquals(lastUsed[expected], lastUsed[head], where);
            }
        }
    }
}
