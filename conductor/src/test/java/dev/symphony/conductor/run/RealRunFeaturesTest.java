package dev.symphony.conductor.run;

import static dev.symphony.conductor.policy.CandidateFeatures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real run's features mean what the FQG simulator's mean: a three-node Melody ({@code a} and the Maestro node
 * {@code s} feed {@code b}, one slot, budget 10, timeout 1000 ms, on a simulated clock that stays at 0) is run with
 * the heuristic policy, and every feature of every decision the policy received is checked against the value
 * worked out by hand below from the test Operators' manifests (no statistics yet: each failure rate is the prior 0.1).
 */
class RealRunFeaturesTest extends HarnessTest {
    static final String MELODY = "{\"formatVersion\":1,\"name\":\"f\",\"limits\":{\"budget\":10,\"timeoutMs\":1000,\"maxConcurrency\":1},"
            + "\"nodes\":[{\"id\":\"a\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"echo\",\"input\":{\"text\":\"x\"}},"
            + "{\"id\":\"s\",\"type\":\"call\",\"capability\":\"summarize\",\"input\":{\"text\":\"y\"}},"
            + "{\"id\":\"b\",\"type\":\"call\",\"extension\":\"test.ops\",\"capability\":\"upper\",\"input\":{\"text\":\"${a.text}\"}}],"
            + "\"connections\":[{\"from\":\"a\",\"to\":\"b\"},{\"from\":\"s\",\"to\":\"b\"}]}";

    // By hand. Latencies (ms) and prices from TestOperators: echo and upper 1 ms, free; test.cheap/summarize 30 ms at
    // 0.1; test.fast/summarize 5 ms at 2. Failure rate 0.1 everywhere, so time and cost to success are / 0.9.
    static final double Q = 0.9;
    static final double ECHO = 1 / Q;            // a's reference (its only provider)
    static final double CHEAP = 30 / Q;
    static final double FAST = 5 / Q;            // s's reference: its fastest provider
    static final double UPPER = 1 / Q;           // b's reference
    static final double TAIL_B = UPPER;
    static final double TAIL_A = ECHO + TAIL_B;
    static final double TAIL_S = FAST + TAIL_B;
    static final double HEAD_B = Math.max(ECHO, FAST);
    static final double CP = TAIL_S;             // the longest head + tail
    static final double CTS_CHEAP = 0.1 / Q;
    static final double CTS_FAST = 2 / Q;
    static final double UNIT = (0 + CTS_CHEAP + 0) / 3; // mean over the three workers of their cheapest cost to success
    static final double DEADLINE = 1000;
    static final double BUDGET = 10;
    // greedy's weights in a real run: 0.01 per cost unit, 0.4 per critical path
    static final double LAMBDA = 0.01 / UNIT;
    static final double MU = 0.4 / CP;

    @Test
    void everyFeatureOfEveryDecisionIsTheSimulatorsDefinition() throws Exception {
        SimulatedTime time = new SimulatedTime(Instant.parse("2026-12-06T12:00:00Z").toEpochMilli());
        SeenDecisions policy = new SeenDecisions();
        RunResult r = new Conductor(h.context().clock(time).sleeper(time).policy(policy))
                .start(h.melody(MELODY), JsonNodeFactory.instance.objectNode());
        assertEquals(RunStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(List.of("s", "a", "b"), h.trace("node.started"), "critical path first, on its cheapest provider");
        assertEquals("test.cheap", h.ofType("node.started").get(0).path("extension").asText());
        List<SeenDecisions.Seen> d = policy.decisions;
        assertEquals(3, d.size());

        // Decision 1: a and s ready (a = step 0, s = step 1 on test.cheap then test.fast), nothing run yet.
        SeenDecisions.Seen first = d.get(0);
        assertEquals(List.of(0, 1, 1), List.of(first.nodes()[0], first.nodes()[1], first.nodes()[2]));
        double reserveAll = 0 + CTS_CHEAP + 0; // every node is open and none runs
        double openTail = TAIL_S;
        // greedy's projected makespan: s finishes last (first = TAIL_S), a second (TAIL_A)
        double mA = Math.max(TAIL_S, ECHO + TAIL_A - ECHO);
        double mCheap = Math.max(TAIL_A, CHEAP + TAIL_S - FAST);
        double mFast = Math.max(TAIL_A, FAST + TAIL_S - FAST);
        double gCheap = LAMBDA * CTS_CHEAP + MU * mCheap;
        double gFast = LAMBDA * CTS_FAST + MU * mFast;
        expect(first, 0, new double[]{1 / CP, ECHO / CP, 0, 0, 0.1, TAIL_A / CP, (CP - 0 - TAIL_A) / CP, 1 / 3.0, 0, 0,
                1, 1, 1, 1, openTail / DEADLINE, 0, 2, TAIL_A / TAIL_S,
                0, 1, (BUDGET - 0 - (reserveAll - 0)) / BUDGET, (mA - DEADLINE) / DEADLINE, 0, 0});
        expect(first, 1, new double[]{30 / CP, CHEAP / CP, 0.1 / UNIT, CTS_CHEAP / UNIT, 0.1, TAIL_S / CP, 0, 1 / 3.0,
                Math.log(CHEAP / FAST), 0,
                1, 1, 1, 1, openTail / DEADLINE, 0, 2, 1,
                1, 1, (BUDGET - CTS_CHEAP - (reserveAll - CTS_CHEAP)) / BUDGET, (mCheap - DEADLINE) / DEADLINE,
                Math.min(2, 10 * (gCheap - gFast)), 0});
        expect(first, 2, new double[]{5 / CP, FAST / CP, 2 / UNIT, CTS_FAST / UNIT, 0.1, TAIL_S / CP, 0, 1 / 3.0,
                0, Math.log(CTS_FAST / CTS_CHEAP),
                1, 1, 1, 1, openTail / DEADLINE, 0, 2, 1,
                1, 1, (BUDGET - CTS_FAST - (reserveAll - CTS_CHEAP)) / BUDGET, (mFast - DEADLINE) / DEADLINE,
                0, 1}); // greedy starts s on the fast provider: its lower score outweighs the price

        // Decision 2: s finished on test.cheap (0.1 spent), a alone ready; b still waits.
        double left = BUDGET - 0.1;
        double m2 = Math.max(TAIL_B, ECHO + TAIL_A - ECHO); // a finishes last now, b second
        expect(d.get(1), 0, new double[]{1 / CP, ECHO / CP, 0, 0, 0.1, TAIL_A / CP, (CP - TAIL_A) / CP, 1 / 3.0, 0, 0,
                1, 1, left / BUDGET, 1, TAIL_A / DEADLINE, 0, 1, 1,
                1, 1, (left - 0 - 0) / BUDGET, (m2 - DEADLINE) / DEADLINE, 0, 1});

        // Decision 3: b alone, nothing after it.
        double m3 = Math.max(0, UPPER + TAIL_B - UPPER);
        expect(d.get(2), 0, new double[]{1 / CP, UPPER / CP, 0, 0, 0.1, TAIL_B / CP, Math.max(0, (CP - HEAD_B - TAIL_B) / CP), 0,
                0, 0, 1, 1, left / BUDGET, 1, TAIL_B / DEADLINE, 0, 1, 1,
                1, 0, left / BUDGET, (m3 - DEADLINE) / DEADLINE, 0, 1});
    }

    private static void expect(SeenDecisions.Seen d, int candidate, double[] want) {
        assertEquals(COUNT, want.length);
        for (int f = 0; f < COUNT; f++) {
            assertEquals(want[f], d.feature(candidate, f), 1e-5 * Math.max(1, Math.abs(want[f])),
                    "candidate " + candidate + ", feature " + f);
        }
    }
}
