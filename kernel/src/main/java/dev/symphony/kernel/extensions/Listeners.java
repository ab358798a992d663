package dev.symphony.kernel.extensions;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Listeners told about events in order on one daemon thread of their own, never on the thread that
 * reported the event (the bus pump must not wait for a slow listener). A listener that throws is
 * reported and the others are still told.
 */
final class Listeners<T> implements AutoCloseable {
    private final CopyOnWriteArrayList<Consumer<T>> listeners = new CopyOnWriteArrayList<>();
    private final BiConsumer<T, RuntimeException> onFailure;
    private final ExecutorService notifier;

    Listeners(String threadName, BiConsumer<T, RuntimeException> onFailure) {
        this.onFailure = onFailure;
        this.notifier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds a listener; close the handle to remove it. */
    AutoCloseable add(Consumer<T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** On the notifier thread: runs {@code first}, then tells every listener about {@code event}. */
    void publish(Runnable first, T event) {
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
    }

    void publish(T event) {
        publish(() -> { }, event);
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
