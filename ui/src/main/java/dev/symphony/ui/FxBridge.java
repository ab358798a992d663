package dev.symphony.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * The one bridge between background threads and the JavaFX thread: background work runs on a
 * small pool of daemon threads, and only this class hands results to the scene graph.
 */
public final class FxBridge implements AutoCloseable {
    private final ExecutorService background;

    public FxBridge() {
        AtomicInteger count = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "workbench-bg-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code action} on the JavaFX thread (now, if already on it). */
    public void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Runs {@code action} on the JavaFX thread later, even if called from it. */
    public void later(Runnable action) {
        Platform.runLater(action);
    }

    /**
     * Computes {@code work} off the JavaFX thread, then hands the result (or the failure) to the
     * JavaFX thread. After {@link #close} nothing is computed: the workbench the result was for is gone
     * (a view's timer that fires after the window closed, say), so the work is dropped, not failed.
     */
    public <T> void compute(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        if (background.isShutdown()) {
            return;
        }
        try {
            submit(work, onResult, onFailure);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            // closed between the check and the submission: dropped as above
        }
    }

    private <T> void submit(Supplier<T> work, Consumer<T> onResult, Consumer<Throwable> onFailure) {
        background.execute(() -> {
            try {
                T result = work.get();
                Platform.runLater(() -> onResult.accept(result));
            } catch (RuntimeException | Error e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
