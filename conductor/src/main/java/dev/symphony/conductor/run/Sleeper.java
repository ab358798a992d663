package dev.symphony.conductor.run;

/**
 * How a run waits: retry back-off and polling pauses. The run reads time from {@link RunContext#clock()} and
 * waits through this, so a test can pair a simulated clock with a sleeper that advances it (minutes of
 * back-off in a few milliseconds); in production it is {@link Thread#sleep(long)}.
 */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = Thread::sleep;

    void sleep(long ms) throws InterruptedException;
}
