package dev.symphony.ui.editor.bench;

import dev.symphony.ui.probe.FrameClock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs one action at the start of a pulse (before CSS and layout) and reports how long it took until
 * that pulse's frame was rendered: the latency JavaFX adds to an input event, without the wait for
 * the pulse itself. Shared by the UI benches ({@code editor-view}, {@code board}).
 */
public final class PulseDriver {
    private final FrameClock frames;
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    private long cpuStart = -1;
    private volatile double lastFxCpuMs;

    public PulseDriver(Scene scene, FrameClock frames) {
        this.frames = frames;
        Platform.runLater(() -> {
            scene.addPreLayoutPulseListener(() -> {
                Runnable action = pending.getAndSet(null);
                if (action != null) {
                    cpuStart = cpu.getCurrentThreadCpuTime();
                    action.run();
                }
            });
            scene.addPostLayoutPulseListener(() -> {
                if (cpuStart >= 0) {
                    lastFxCpuMs = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                    cpuStart = -1;
                }
            });
        });
    }

    /** CPU time of the FX thread for the last measured action: event handling + CSS + layout (not the render). */
    public double lastFxCpuMs() {
        return lastFxCpuMs;
    }

    /** Milliseconds from running {@code action} in a pulse to that frame rendered. */
    public double measure(Runnable action) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        pending.set(() -> {
            long start = System.nanoTime();
            action.run();
            frames.afterNextFrame(rendered -> done.complete((rendered - start) / 1e6));
        });
        Platform.requestNextPulse();
        return done.get(30, TimeUnit.SECONDS);
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    public static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }
}
