package dev.symphony.pit.pool;

import dev.symphony.pit.pool.api.CallSample;
import dev.symphony.pit.pool.api.InstrumentStats;
import dev.symphony.pit.pool.api.PoolManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Per-Instrument statistics across runs: percentiles, failure rate, costs, the window, and a save/restore round trip. */
class InstrumentStatsTest {
    private static PoolManager pool() {
        return new PoolFixture().start().pool;
    }

    @Test
    void summarizesLatencyFailuresTokensAndCosts() {
        final PoolManager pool = pool();
        assertNull(pool.instrumentStats("lm/gen"), "no statistics before the first call");
        // latencies 1..10 ms; every 5th call fails; tokens 10..100; cost 100 micros per call + 2 per token
        for (int i = 1; i <= 10; i++) {
            pool.recordCall("lm/gen", new CallSample(i * 1_000_000L, i % 5 != 0, 100 + 2 * 10L * i, 10L * i));
        }
        final InstrumentStats s = pool.instrumentStats("lm/gen");
        assertEquals(10, s.calls());
        assertEquals(2, s.failures());
        assertEquals(5_000_000L, s.latencyP50Nanos(), "nearest rank: the 5th of 10");
        assertEquals(9_000_000L, s.latencyP90Nanos());
        assertEquals(100, s.tokensP99());
        assertEquals((100 * 10 + 20 * 55) / 10.0, s.costPerCallMicros(), 1e-9);
        assertEquals((100 * 10 + 20 * 55) / 550.0, s.costPerTokenMicros(), 1e-9);
        assertEquals(3 / 20.0, s.failureRate(), 1e-12, "(2 + 1) / (10 + 10): the weak prior");
        assertEquals(0.1, InstrumentStats.failureRate(0, 0), 1e-12);
    }

    @Test
    void coversTheLastWindowOfCallsOnly() {
        final PoolManager pool = pool();
        for (int i = 0; i < InstrumentStats.WINDOW; i++) {
            pool.recordCall("op", new CallSample(1_000L, false, 0, 0));
        }
        for (int i = 0; i < InstrumentStats.WINDOW; i++) {
            pool.recordCall("op", new CallSample(7_000L, true, 0, 0));
        }
        final InstrumentStats s = pool.instrumentStats("op");
        assertEquals(InstrumentStats.WINDOW, s.calls());
        assertEquals(0, s.failures(), "the old failures left the window");
        assertEquals(7_000L, s.latencyP50Nanos());
        assertEquals(0, s.costPerTokenMicros(), 1e-12, "no call reported tokens");
    }

    @Test
    void aRestoredHistoryGivesTheSameStatistics() {
        final PoolManager first = pool();
        for (int i = 0; i < 300; i++) {
            first.recordCall("a/b", new CallSample(1_000L * (i % 17), i % 7 != 0, i % 13, i % 11));
        }
        final List<CallSample> saved = first.callHistory("a/b");
        assertEquals(InstrumentStats.WINDOW, saved.size());
        assertEquals(List.of("a/b"), first.instrumentsWithHistory());
        final PoolManager second = pool();
        second.restoreCallHistory("a/b", saved);
        assertEquals(first.instrumentStats("a/b"), second.instrumentStats("a/b"));
        assertEquals(saved, second.callHistory("a/b"), "oldest first, same samples");
    }
}
