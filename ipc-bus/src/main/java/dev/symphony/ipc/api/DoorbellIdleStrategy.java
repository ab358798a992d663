package dev.symphony.ipc.api;

import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * Backs off spin, then yield, then park with doubling periods, and after {@code sleepAfterNanos}
 * without work sleeps on the doorbell until a peer rings (or {@code sleepTimeoutMillis}, which
 * bounds how late heartbeats and liveness checks can be). An idle channel thus costs a few wakeups
 * per second, and busy traffic never pays a system call.
 */
public final class DoorbellIdleStrategy implements IdleStrategy {
    private static final long LIGHT_BUDGET_NANOS = 2_000_000;
    private final EndpointPump pump;
    private final int maxSpins;
    private final int maxYields;
    private final long maxParkNanos;
    private final long sleepAfterNanos;
    private final long sleepTimeoutMillis;
    private int spins;
    private int yields;
    private long parkNanos;
    private long idleSince;
    private boolean asleep;
    private boolean justWoke;
    private long budgetNanos;

    public DoorbellIdleStrategy(EndpointPump pump, long sleepAfterNanos, long sleepTimeoutMillis) {
        this.pump = pump;
        this.maxSpins = 1000;
        this.maxYields = 10;
        this.maxParkNanos = 100_000;
        this.sleepAfterNanos = sleepAfterNanos;
        this.sleepTimeoutMillis = sleepTimeoutMillis;
        this.budgetNanos = sleepAfterNanos;
    }

    @Override
    public void idle(int workCount) {
        if (workCount == 0) {
            idle();
        } else if (justWoke) {
            // The first batch after sleeping (a heartbeat, one request): back off lightly — no
            // spinning — and go back to sleep soon unless more work follows.
            justWoke = false;
            reset();
            spins = maxSpins;
            yields = maxYields;
            idleSince = System.nanoTime();
            budgetNanos = LIGHT_BUDGET_NANOS;
        } else {
            reset();
        }
    }

    @Override
    public void idle() {
        if (asleep) {
            pump.sleep(sleepTimeoutMillis); // woke without work (timeout): straight back to sleep
        } else if (spins < maxSpins) {
            if (spins++ == 0) {
                idleSince = System.nanoTime();
            }
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else if (System.nanoTime() - idleSince < budgetNanos) {
            parkNanos = Math.min(Math.max(1000, parkNanos * 2), maxParkNanos);
            LockSupport.parkNanos(parkNanos);
        } else {
            asleep = true;
            justWoke = true;
            pump.sleep(sleepTimeoutMillis);
        }
    }

    @Override
    public void reset() {
        asleep = false;
        budgetNanos = sleepAfterNanos;
        spins = 0;
        yields = 0;
        parkNanos = 0;
    }

    @Override
    public String alias() {
        return "doorbell";
    }
}
