package dev.symphony.ipc;

import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.BusStatus;
import dev.symphony.ipc.api.InboundHandler;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call to a host that has been idle counts the host's silence from the call's start, never from the host's last
 * message before it: between registering a call and writing its request, the supervisor's hang check used to see a
 * call in flight to a peer "silent" for as long as it had been idle, and killed healthy hosts as hung
 * (`symphony bench ipc`: the chaos host, idle 43 s after its flood, killed the moment the next call started, "no
 * heartbeat for 43498 ms"; CI: "host hung: no heartbeat for 910 ms").
 */
class IdlePeerCallTest {
    private static final long IDLE_MS = 40;
    private static final int CALLS = 60;

    @TempDir
    Path dir;

    @Test
    void aCallToAnIdlePeerCountsSilenceFromItsOwnStart() throws Exception {
        InboundHandler silentHost = (endpoint, request) -> { }; // takes requests and answers none: the calls time out
        // The host heartbeats only every minute, so between calls it sends nothing: it is idle.
        try (ChannelFixture f = new ChannelFixture(dir, (endpoint, request) -> { }, silentHost, RollCycles.FAST_HOURLY, 8,
                Duration.ofMinutes(1))) {
            AtomicLong callStartedAt = new AtomicLong(); // 0 between calls
            AtomicLong worstExcessNanos = new AtomicLong(Long.MIN_VALUE);
            Thread watcher = new Thread(() -> { // the supervisor's view, read as often as a thread can
                while (!Thread.currentThread().isInterrupted()) {
                    long started = callStartedAt.get();
                    long now = System.nanoTime();
                    long silent = f.kernel.silentNanos(now);
                    if (started != 0 && silent > 0) {
                        worstExcessNanos.accumulateAndGet(silent - (now - started), Math::max);
                    }
                }
            }, "watcher");
            watcher.setDaemon(true);
            watcher.start();
            try {
                for (int i = 0; i < CALLS; i++) {
                    Thread.sleep(IDLE_MS);
                    callStartedAt.set(System.nanoTime());
                    BusException e = assertThrows(BusException.class,
                            () -> f.kernel.call("ping".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(5)));
                    assertEquals(BusStatus.TIMEOUT, e.status(), e.getMessage());
                    callStartedAt.set(0);
                    assertEquals(0, f.kernel.pendingCalls(), "a timed-out call leaves nothing pending");
                }
            } finally {
                watcher.interrupt();
                watcher.join();
            }
            long excessMs = TimeUnit.NANOSECONDS.toMillis(worstExcessNanos.get());
            assertTrue(excessMs < IDLE_MS / 2, "a call to a peer idle for " + IDLE_MS + " ms saw it silent " + excessMs
                    + " ms longer than the call had been in flight");
        }
    }
}
