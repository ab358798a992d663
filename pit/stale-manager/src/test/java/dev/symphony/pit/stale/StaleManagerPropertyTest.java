package dev.symphony.pit.stale;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;

import dev.symphony.pit.stale.api.*;

/**
 * Seeded random tracking, touches, references, runs, budgets and time: the manager must never delete a
 * referenced item or one of an unfinished run, its byte accounting must equal the sum over tiers, and
 * moves only go forward.
 */
class StaleManagerPropertyTest {
    @Test
    void neverDeletesProtectedItemsAndAccountsExactly() {
        String prop = System.getProperty("symphony.test.seed", System.getenv("SYMPHONY_TEST_SEED"));
        long seed = prop == null ? System.nanoTime() : Long.parseLong(prop);
        System.out.println("seed = " + seed + " (rerun with -Dsymphony.test.seed=" + seed + ")");
        Random random = new Random(seed);
        CachedEpochClock clock = new CachedEpochClock();
        clock.update(10_000L * 86_400_000L);
        Map<Integer, Integer> references = new HashMap<>();
        Map<Integer, String> runOf = new HashMap<>();
        Map<Integer, Long> sizes = new HashMap<>();
        Set<String> activeRuns = new HashSet<>();
        List<String> violations = new ArrayList<>();
        StaleManager[] holder = new StaleManager[1];
        TierMover checking = (handle, kind, key, id, from, to) -> {
            if (to.ordinal() <= from.ordinal()) {
                violations.add("backward move " + key + " " + from + "->" + to);
            }
            if (to == Tier.DELETED && (references.getOrDefault(handle, 0) > 0 || activeRuns.contains(runOf.get(handle)))) {
                violations.add("deleted protected " + key);
            }
            return random.nextInt(20) != 0; // some moves fail
        };
        StaleManager m = StaleManager.create(new StaleManagerContext().epochClock(clock).mover(checking)
                .budget(new DiskBudget(random.nextInt(50_000), random.nextInt(50_000))).stepsPerWork(64)
                .sweepIntervalMs(3_600_000));
        holder[0] = m;
        List<Integer> live = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(100);
            if (op < 10 || live.isEmpty()) {
                String run = random.nextInt(3) == 0 ? "run-" + random.nextInt(5) : "";
                long size = random.nextInt(5000);
                int h = m.track(ItemKind.of(random.nextInt(3)), "item-" + step, step, size,
                        clock.time() - random.nextInt(100) * 86_400_000L, run, random.nextInt(5) == 0 ? Tier.COLD : Tier.HOT);
                live.add(h);
                references.put(h, 0);
                runOf.put(h, run);
                sizes.put(h, size);
            } else if (op < 15) {
                int h = live.get(random.nextInt(live.size()));
                if (m.tier(h) != Tier.DELETED) {
                    m.addReference(h);
                    references.merge(h, 1, Integer::sum);
                }
            } else if (op < 19) {
                int h = live.get(random.nextInt(live.size()));
                if (references.get(h) > 0 && m.tier(h) != Tier.DELETED) {
                    m.removeReference(h);
                    references.merge(h, -1, Integer::sum);
                }
            } else if (op < 22) {
                String run = "run-" + random.nextInt(5);
                if (random.nextBoolean()) {
                    m.runStarted(run);
                    activeRuns.add(run);
                } else {
                    m.runFinished(run);
                    activeRuns.remove(run);
                }
            } else if (op < 25) {
                int h = live.get(random.nextInt(live.size()));
                if (m.tier(h) != Tier.DELETED) {
                    m.trainingValue(h, random.nextFloat());
                    m.touch(h);
                }
            } else if (op < 35) {
                clock.advance(random.nextInt(5) * 86_400_000L);
            } else {
                m.doWork();
            }
            // deleted handles are reused: forget them in the model
            live.removeIf(h -> {
                if (m.tier(h) == Tier.DELETED) {
                    references.remove(h);
                    return true;
                }
                return false;
            });
            if (step % 500 == 0) {
                long local = 0;
                long archive = 0;
                for (int h : live) {
                    Tier t = m.tier(h);
                    if (t == Tier.COLD) {
                        archive += sizes.get(h);
                    } else if (t != Tier.DELETED) {
                        local += sizes.get(h);
                    }
                }
                assertEquals(local, m.localBytes(), "seed " + seed + " step " + step);
                assertEquals(archive, m.archiveBytes(), "seed " + seed + " step " + step);
            }
        }
        assertEquals(List.of(), violations, "seed " + seed);
    }
}
