package dev.symphony.kernel.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private long now;
    private final CircuitBreaker breaker = new CircuitBreaker(3, 1_000, () -> now);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailuresOnly() {
        breaker.failure();
        breaker.failure();
        breaker.success(); // a success resets the count
        breaker.failure();
        breaker.failure();
        assertTrue(breaker.tryAcquire());
        breaker.failure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void afterTheCoolDownOneProbeGoesThroughAndItsOutcomeDecides() {
        for (int i = 0; i < 3; i++) {
            breaker.failure();
        }
        now += 999;
        assertFalse(breaker.tryAcquire());
        now += 1;
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire(), "the probe");
        assertFalse(breaker.tryAcquire(), "only one probe at a time");
        breaker.failure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state(), "a failed probe opens again");
        now += 1_000;
        assertTrue(breaker.tryAcquire());
        breaker.success();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "a good probe closes");
        assertTrue(breaker.tryAcquire() && breaker.tryAcquire());
    }

    @Test
    void aReleasedProbeLetsTheNextOneThrough() {
        for (int i = 0; i < 3; i++) {
            breaker.failure();
        }
        now += 1_000;
        assertTrue(breaker.tryAcquire());
        breaker.release();
        assertTrue(breaker.tryAcquire());
    }
}
