package dev.symphony.kernel.models;

import java.util.function.LongSupplier;

/**
 * One endpoint's circuit: CLOSED lets requests through; {@value #DEFAULT_THRESHOLD} consecutive failures OPEN it
 * for the cool-down, during which requests are refused at once; then HALF_OPEN lets one probe through — a success
 * closes the circuit, a failure opens it again for another cool-down. The clock is given (a simulated one in tests).
 * Thread-safe.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    public static final int DEFAULT_THRESHOLD = 3;
    private final int threshold;
    private final long coolDownNanos;
    private final LongSupplier clock;
    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean probing;

    public CircuitBreaker(int threshold, long coolDownNanos, LongSupplier nanoClock) {
        if (threshold < 1 || coolDownNanos < 0) {
            throw new IllegalArgumentException("threshold must be >= 1 and the cool-down >= 0");
        }
        this.threshold = threshold;
        this.coolDownNanos = coolDownNanos;
        this.clock = nanoClock;
    }

    /** True when a request may be sent now; in HALF_OPEN only the first asker (the probe) gets true. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= coolDownNanos) {
            state = State.HALF_OPEN;
            probing = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (probing) {
                    yield false;
                }
                probing = true;
                yield true;
            }
        };
    }

    public synchronized void success() {
        state = State.CLOSED;
        failures = 0;
        probing = false;
    }

    public synchronized void failure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
            probing = false;
        }
    }

    /** A request that ended neither well nor badly (cancelled by its caller): frees a half-open probe. */
    public synchronized void release() {
        probing = false;
    }

    public synchronized State state() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= coolDownNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
