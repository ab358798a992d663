package dev.symphony.pit.arbitration;

import dev.symphony.pit.arbitration.api.Arbiter;
import dev.symphony.pit.arbitration.api.ArbiterContext;
import dev.symphony.pit.arbitration.api.ContenderScore;
import dev.symphony.pit.arbitration.api.Contention;
import dev.symphony.pit.arbitration.api.DecisionRecord;
import dev.symphony.pit.arbitration.api.ResourceKind;
import dev.symphony.pit.arbitration.api.Strategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionLogTest {

    private static Arbiter arbiter(final int capacity) {
        final Arbiter a = Arbiter.create(new ArbiterContext().decisionLogCapacity(capacity).maxContenders(16));
        for (int q = 0; q < 16; q++) {
            a.registerRequester("r" + q);
        }
        a.registerResource(ResourceKind.MODEL_SLOT, "slot", 1, 0, Strategy.PRIORITIZATION);
        return a;
    }

    private static void decide(final Arbiter a, final Contention c, final int contenders, final int salt) {
        c.reset(0);
        for (int q = 0; q < contenders; q++) {
            final double v = ((q * 7 + salt) % 16) / 16.0;
            c.add(q, v, 1 - v, v / 2, 0.5);
        }
        a.decide(c);
    }

    @Test
    void ringKeepsTheNewestDecisions() {
        final Arbiter a = arbiter(8);
        final Contention c = a.newContention();
        for (int i = 0; i < 20; i++) {
            decide(a, c, 3, i);
        }
        assertEquals(20, a.log().lastSequence());
        assertNull(a.log().read(12), "overwritten");
        assertEquals(13, a.log().read(13).sequence());
        final List<DecisionRecord> recent = a.log().readSince(15);
        assertEquals(List.of(16L, 17L, 18L, 19L, 20L), recent.stream().map(DecisionRecord::sequence).toList());
        assertEquals(8, a.log().readSince(0).size());
        assertNull(a.log().read(21));
    }

    @Test
    void recordsAreConsistentWhenReadFromAnotherThreadDuringWrites() throws Exception {
        final Arbiter a = arbiter(16);
        final Contention c = a.newContention();
        final AtomicReference<String> problem = new AtomicReference<>();
        final int[] seen = {0};
        final Thread reader = new Thread(() -> {
            long last = 0;
            while (last < 200_000 && problem.get() == null) {
                for (final DecisionRecord r : a.log().readSince(Math.max(0, a.log().lastSequence() - 4))) {
                    seen[0]++;
                    last = Math.max(last, r.sequence());
                    // Each decision was written with contenders = 1 + sequence % 16 and one winner who is marked.
                    final int expected = 1 + (int)(r.sequence() % 16);
                    if (r.contenders().size() != expected || r.winners().size() != 1) {
                        problem.set("torn record " + r);
                    }
                    final long marked = r.contenders().stream().filter(ContenderScore::won).count();
                    if (marked != 1 || r.contenders().stream().noneMatch(s -> s.won()
                        && s.requester() == r.winners().get(0))) {
                        problem.set("winner not among contenders " + r);
                    }
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 200_000; i++) {
            decide(a, c, 1 + i % 16, i);
        }
        reader.join(30_000);
        assertNull(problem.get(), problem.get());
        assertTrue(seen[0] > 0);
    }
}
