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
    private volatile double lastRenderCpuMs = Double.NaN;
    /** The render thread's id (-1: not found), looked up at the first measure (-2: not yet). */
    private long renderer = -2;

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

    /**
     * CPU time of the render thread (Quantum's, where the software renderer rasterizes) from the last measured
     * action to its frame rendered; NaN when that thread was not found (another toolkit).
     */
    public double lastRenderCpuMs() {
        return lastRenderCpuMs;
    }

    /** Milliseconds from running {@code action} in a pulse to that frame rendered. */
    public double measure(Runnable action) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        if (renderer == -2) {
            renderer = renderThreadId();
        }
        long renderer = this.renderer;
        pending.set(() -> {
            long start = System.nanoTime();
            long renderStart = renderer < 0 ? -1 : cpu.getThreadCpuTime(renderer);
            action.run();
            frames.afterNextFrame(rendered -> { // on the render thread
                lastRenderCpuMs = renderStart < 0 ? Double.NaN : (cpu.getCurrentThreadCpuTime() - renderStart) / 1e6;
                done.complete((rendered - start) / 1e6);
            });
        });
        Platform.requestNextPulse();
        return done.get(30, TimeUnit.SECONDS);
    }

    /** JavaFX's render thread ("QuantumRenderer-0"), or -1. */
    private static long renderThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.getId();
            }
        }
        return -1;
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
