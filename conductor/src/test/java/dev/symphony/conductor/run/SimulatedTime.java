package dev.symphony.conductor.run;

import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.EpochClock;

/** A simulated clock and the sleeper that advances it: a run waits minutes of back-off without waiting. */
final class SimulatedTime implements EpochClock, Sleeper {
    private final AtomicLong now;
    final AtomicLong slept = new AtomicLong();
    /** After this simulated instant every sleep also waits 200 ms of real time (lets another thread see the clock). */
    volatile long realPausesAfter = Long.MAX_VALUE;

    SimulatedTime(long startMs) {
        this.now = new AtomicLong(startMs);
    }

    @Override
    public long time() {
        return now.get();
    }

    @Override
    public void sleep(long ms) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        slept.addAndGet(ms);
        now.addAndGet(ms);
        if (now.get() > realPausesAfter) {
            Thread.sleep(200);
        } else {
            Thread.yield(); // polling loops still let the threads they wait for run
        }
    }
}
