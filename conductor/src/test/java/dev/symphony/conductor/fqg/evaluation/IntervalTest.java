package dev.symphony.conductor.fqg.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {
    @Test
    void studentsTQuantilesMatchTheTable() {
        assertEquals(12.706, Interval.t975(1), 1e-3);
        assertEquals(3.182, Interval.t975(3), 0.025);
        assertEquals(2.228, Interval.t975(10), 1e-3);
        assertEquals(2.042, Interval.t975(30), 1e-3);
        assertEquals(1.965, Interval.t975(499), 1e-3);
    }

    @Test
    void halfWidthOfAKnownSample() {
        // mean 3, sample sd sqrt(2.5), n 5: half-width t(4) * sd / sqrt(5) = 2.776 * 0.7071 = 1.963
        Interval i = Interval.of(new double[] {1, 2, 3, 4, 5}, 5);
        assertEquals(3.0, i.mean(), 1e-12);
        assertEquals(1.963, i.halfWidth(), 0.01);
        assertTrue(new Interval(10, 1).above(i));
        assertFalse(new Interval(4, 1).above(i));
    }
}
