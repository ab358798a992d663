package dev.symphony.pit.arbitration;

import dev.symphony.pit.arbitration.api.Arbiter;
import dev.symphony.pit.arbitration.api.ArbiterContext;
import dev.symphony.pit.arbitration.api.Contention;
import dev.symphony.pit.arbitration.api.DecisionRecord;
import dev.symphony.pit.arbitration.api.ResourceKind;
import dev.symphony.pit.arbitration.api.ScoringWeights;
import dev.symphony.pit.arbitration.api.Strategy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyTest {
    private final Arbiter arbiter = Arbiter.create(new ArbiterContext().epochClock(() -> 1234L));
    private final int alice = arbiter.registerRequester("alice");
    private final int bob = arbiter.registerRequester("bob");
    private final int carol = arbiter.registerRequester("carol");

    @Test
    void prioritizationFollowsTheWeights() {
        final int gpu = arbiter.registerResource(ResourceKind.GPU, "gpu0", 1, 0, Strategy.PRIORITIZATION);
        final Contention c = arbiter.newContention();
        // alice: business value; bob: user impact.
        c.reset(gpu).add(alice, 0.9, 0.1, 0.5, 0.5).add(bob, 0.1, 0.9, 0.5, 0.5);
        arbiter.weights(new ScoringWeights(3, 1, 1, 1));
        assertEquals(alice, arbiter.decide(c));
        arbiter.withdraw(gpu, bob);
        arbiter.weights(new ScoringWeights(1, 3, 1, 1));
        c.reset(gpu).add(alice, 0.9, 0.1, 0.5, 0.5).add(bob, 0.1, 0.9, 0.5, 0.5);
        assertEquals(bob, arbiter.decide(c));
        final DecisionRecord record = arbiter.log().read(c.sequence());
        assertEquals(0.5, record.weights().userImpact(), 1e-6, "logged weights are the normalized ones");
        assertEquals(List.of(bob), record.winners());
    }

    @Test
    void roundRobinTakesTurnsInIdOrder() {
        final int file = arbiter.registerResource(ResourceKind.FILE, "Main.java", 1, 0, Strategy.ROUND_ROBIN);
        final Contention c = arbiter.newContention();
        final List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // carol always has the best score; round robin ignores it.
            c.reset(file).add(carol, 1, 1, 1, 1).add(alice, 0, 0, 0, 0).add(bob, 0, 0, 0, 0);
            winners.add(arbiter.decide(c));
        }
        assertEquals(List.of(alice, bob, carol, alice, bob, carol), winners);
        c.reset(file).add(alice, 0, 0, 0, 0).add(carol, 0, 0, 0, 0); // bob absent: after carol comes alice
        assertEquals(alice, arbiter.decide(c));
    }

    @Test
    void specializationPicksTheBestFitAndFallsBackWhenNobodyFits() {
        final long python = 1;
        final long sql = 2;
        final long rust = 4;
        final int slot = arbiter.registerResource(ResourceKind.MODEL_SLOT, "coder-slot", 1, python | sql,
            Strategy.SPECIALIZATION);
        final Contention c = arbiter.newContention();
        c.reset(slot)
            .add(alice, 1, 1, 1, 1, rust, 1.0)          // best score, no required skill: not eligible
            .add(bob, 0.2, 0.2, 0.2, 0.2, python, 0.9)  // fit 0.45
            .add(carol, 0.1, 0.1, 0.1, 0.1, python | sql, 0.6); // fit 0.6
        assertEquals(carol, arbiter.decide(c));
        assertEquals(0, arbiter.waited(slot, alice), "an ineligible contender is not counted as waiting");
        assertEquals(1, arbiter.waited(slot, bob));

        c.reset(slot).add(alice, 0.3, 0.3, 0.3, 0.3, rust, 1).add(bob, 0.9, 0.9, 0.9, 0.9, 0, 1);
        assertEquals(bob, arbiter.decide(c));
        final DecisionRecord record = arbiter.log().read(c.sequence());
        assertTrue(record.fallback());
        assertEquals(Strategy.SPECIALIZATION, record.strategy());
        assertTrue(record.rationale().contains("fell back to PRIORITIZATION"), record.rationale());
    }

    @Test
    void collaborativeSharesCapacityByScore() {
        final int budget = arbiter.registerResource(ResourceKind.BUDGET, "workspace-budget", 2, 0,
            Strategy.COLLABORATIVE);
        final Contention c = arbiter.newContention();
        c.reset(budget).add(alice, 0.2, 0.2, 0.2, 0.2).add(bob, 0.6, 0.6, 0.6, 0.6).add(carol, 0.3, 0.3, 0.3, 0.3);
        assertEquals(bob, arbiter.decide(c));
        assertEquals(2, c.winnerCount());
        assertEquals(carol, c.winner(1));
        assertEquals(1.0, c.share(0) + c.share(1), 1e-9);
        assertEquals(0.6 / 0.9, c.share(0), 1e-6);
        assertEquals(1, arbiter.waited(budget, alice));
    }

    @Test
    void rationaleNamesInputsScoresStrategyAndWinner() {
        final int gpu = arbiter.registerResource(ResourceKind.GPU, "gpu0", 1, 0, Strategy.PRIORITIZATION);
        final Contention c = arbiter.newContention();
        c.reset(gpu).add(alice, 0.5, 0.5, 0.5, 0.5).add(bob, 0.7, 0.7, 0.7, 0.7);
        arbiter.decide(c);
        final DecisionRecord r = arbiter.log().read(c.sequence());
        assertEquals(1234L, r.epochMillis());
        assertEquals("gpu0", r.resourceName());
        assertEquals(ResourceKind.GPU, r.kind());
        assertEquals(2, r.contenders().size());
        assertEquals(0.7, r.contenders().get(1).weightedScore(), 1e-6);
        assertTrue(r.contenders().get(1).won());
        assertFalse(r.contenders().get(0).won());
        final String text = r.rationale();
        assertTrue(text.contains("PRIORITIZATION") && text.contains("WON  bob") && text.contains("lost alice"), text);
    }

    @Test
    void badInputIsRejectedClearly() {
        final int gpu = arbiter.registerResource(ResourceKind.GPU, "gpu0", 1, 0, Strategy.PRIORITIZATION);
        final Contention c = arbiter.newContention();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.reset(gpu).add(alice, 1.5, 0, 0, 0))
            .getMessage().contains("businessValue must be in [0, 1], was 1.5"));
        assertThrows(IllegalArgumentException.class, () -> c.reset(gpu).add(alice, Double.NaN, 0, 0, 0));
        c.reset(gpu).add(alice, 0, 0, 0, 0).add(alice, 1, 1, 1, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> arbiter.decide(c))
            .getMessage().contains("'alice' contends twice"));
        assertThrows(IllegalArgumentException.class, () -> arbiter.decide(c.reset(gpu)));
        assertThrows(IllegalArgumentException.class, () -> arbiter.decide(c.reset(99).add(bob, 0, 0, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> new ScoringWeights(0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScoringWeights(-1, 1, 1, 1));
    }
}
