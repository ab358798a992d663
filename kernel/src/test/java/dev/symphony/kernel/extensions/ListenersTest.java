package dev.symphony.kernel.extensions;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** A stuck listener holds back at most {@code capacity} events; the rest are dropped and counted, not queued without end. */
class ListenersTest {
    @Test
    void aStuckListenerCannotMakeTheQueueGrowPastItsCapacity() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger told = new AtomicInteger();
        try (Listeners<Integer> listeners = new Listeners<>("test-listeners", (e, failure) -> { }, 100)) {
            listeners.add(e -> {
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                told.incrementAndGet();
            });
            int accepted = 0;
            for (int i = 0; i < 10_000; i++) {
                accepted += listeners.publish(i) ? 1 : 0;
            }
            assertTrue(accepted <= 101, "the running one and 100 waiting: " + accepted);
            assertEquals(10_000 - accepted, listeners.dropped());
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (told.get() < accepted && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(accepted, told.get(), "every accepted event is told, in order");
        }
    }

    /** Stopping to listen right after the last event (a CLI printing model states, then exiting) still hears it. */
    @Test
    void closingTheHandleFirstTellsWhatWasPublishedWhileListening() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        java.util.List<Integer> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Listeners<Integer> listeners = new Listeners<>("test-listeners", (e, failure) -> { })) {
            AutoCloseable handle = listeners.add(heard::add);
            listeners.publish(() -> {
                try {
                    slow.await(200, TimeUnit.MILLISECONDS); // the notifier is still busy when the handle closes
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }, 1);
            listeners.publish(2);
            handle.close();
            assertEquals(java.util.List.of(1, 2), heard, "both events were told before the listener went");
            listeners.publish(3);
            listeners.add(e -> slow.countDown()).close();
            assertEquals(java.util.List.of(1, 2), heard, "nothing after it went");
        }
    }
}
