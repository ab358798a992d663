package dev.symphony.ui.probe;

import com.sun.javafx.perf.PerformanceTracker;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongConsumer;
import javafx.scene.Scene;

/**
 * Tells when a frame of a scene has actually been rendered (not just laid out), using JavaFX's
 * own per-scene performance tracker (internal API, reachable because JavaFX runs on the class
 * path). Probes and benchmarks use it to time "request → painted frame".
 */
public final class FrameClock {
    private final Queue<LongConsumer> waiting = new ConcurrentLinkedQueue<>();

    public FrameClock(Scene scene) {
        PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
        tracker.setOnRenderedFrameTask(() -> {
            long now = System.nanoTime();
            LongConsumer next;
            while ((next = waiting.poll()) != null) {
                next.accept(now);
            }
        });
    }

    /**
     * Calls {@code onRendered} with {@link System#nanoTime()} when the next frame has been rendered
     * (on the render thread). Call it on the JavaFX thread after the change to be shown, so the
     * frame that includes the change is the one reported.
     */
    public void afterNextFrame(LongConsumer onRendered) {
        waiting.add(onRendered);
    }
}
