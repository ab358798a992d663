package dev.symphony.kernel.extensions;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Listeners told about events in order on one daemon thread of their own, never on the thread that
 * reported the event (the bus pump must not wait for a slow listener). A listener that throws is
 * reported and the others are still told. At most {@code capacity} events wait; one more is dropped
 * and counted ({@link #publish} says so), so slow listeners cannot fill the heap.
 */
final class Listeners<T> implements AutoCloseable {
    private final CopyOnWriteArrayList<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private final BiConsumer<T, RuntimeException> onFailure;
    private final ThreadPoolExecutor notifier;
    private final AtomicLong dropped = new AtomicLong();
    private volatile Thread thread;

    Listeners(String threadName, BiConsumer<T, RuntimeException> onFailure) {
        this(threadName, onFailure, Integer.MAX_VALUE);
    }

    Listeners(String threadName, BiConsumer<T, RuntimeException> onFailure, int capacity) {
        this.onFailure = onFailure;
        this.notifier = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Events dropped because {@code capacity} were already waiting. */
    long dropped() {
        return dropped.get();
    }

    /**
     * Adds a listener; close the handle to remove it. Closing first lets the listener be told what was published
     * while it listened (up to 2 s; at once on the notifier thread itself), so a command that prints states and then
     * stops listening does not lose the last ones.
     */
    AutoCloseable add(Consumer<T> listener) {
        listeners.add(listener);
        return () -> {
            drain();
            listeners.remove(listener);
        };
    }

    private void drain() {
        if (Thread.currentThread() == thread || notifier.isShutdown()) {
            return;
        }
        try {
            notifier.submit(() -> { }).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            // full, stopped or slow: remove without waiting longer
        }
    }

    /** On the notifier thread: runs {@code first}, then tells every listener about {@code event}; false when dropped. */
    boolean publish(Runnable first, T event) {
        try {
            notifier.execute(() -> {
                first.run();
                for (Consumer<T> l : listeners) {
                    try {
                        l.accept(event);
                    } catch (RuntimeException e) {
                        onFailure.accept(event, e);
                    }
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            if (notifier.isShutdown()) {
                throw full;
            }
            dropped.incrementAndGet();
            return false;
        }
    }

    boolean publish(T event) {
        return publish(() -> { }, event);
    }

    /** Lets what was published be told (briefly), then stops the thread. */
    @Override
    public void close() {
        notifier.shutdown();
        try {
            notifier.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
