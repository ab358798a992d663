package dev.symphony.ui.shell;

import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelContext;
import dev.symphony.kernel.settings.SettingsService;
import dev.symphony.ui.probe.StartupTrace;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The IDE's extension kernel: on a background thread it discovers and validates the extensions
 * and starts the hosts of the {@code onStartup} ones, all at once. Nothing here runs on the JavaFX
 * thread; closing stops every host it started.
 */
public final class WorkbenchExtensions implements AutoCloseable {
    /**
     * Extension hosts start at the lowest priority (and their CPU groups at the matching weight), so
     * the window never waits for them: they start beside the toolkit and use what it leaves. Once the
     * window is up they get the normal priority ({@link #normalPriorityAfter}).
     */
    static final int HOST_NICENESS = 19;
    private final CompletableFuture<Kernel> kernel;
    private final CompletableFuture<Ready> ready;

    /** When the startup extensions were ready (System.nanoTime), which ones started, and why others did not. */
    public record Ready(long nanos, List<String> started, List<String> problems) {}

    private final AtomicBoolean closed;

    private WorkbenchExtensions(CompletableFuture<Kernel> kernel, CompletableFuture<Ready> ready, AtomicBoolean closed) {
        this.kernel = kernel;
        this.ready = ready;
        this.closed = closed;
    }

    /**
     * Starts the kernel, on its own thread, once {@code after} completes (at once for a plain start;
     * after the first file is painted when one is opened at startup: the user's file comes first).
     * Extension settings are read from {@code settings} (the workbench's live settings, which start in
     * parallel; a host asking for a setting before they are up waits for them). Problems go to
     * {@code err}; the workbench runs on without extensions.
     */
    public static WorkbenchExtensions start(CompletableFuture<SettingsService> settings, CompletableFuture<?> after,
                                            PrintStream err) {
        AtomicBoolean closed = new AtomicBoolean();
        CompletableFuture<Kernel> kernel = after.handle((ignored, failure) -> null).thenApplyAsync(ignored -> {
            if (closed.get()) {
                throw new CancellationException("the window closed before extensions started");
            }
            StartupTrace.mark("kernel starting");
            Kernel k = Kernel.start(KernelContext.standard().settings(key -> settings.join().get(key)).hostNiceness(HOST_NICENESS));
            StartupTrace.mark("kernel started");
            return k;
        }, WorkbenchExtensions::thread);
        // their settings show on the settings page and are checked in the files
        kernel.thenAcceptBoth(settings, (k, service) -> {
            for (var p : k.players()) {
                if (p.manifest() != null && p.manifest().contributes().settings() != null) {
                    service.contribute(p.id(), "Extension: " + p.id(), p.manifest().contributes().settings());
                }
            }
        });
        CompletableFuture<Ready> ready = kernel.thenApplyAsync(k -> {
            List<String> started = k.activateStartupExtensions();
            long now = System.nanoTime();
            StartupTrace.mark("startup extensions ready");
            List<String> problems = k.players().stream()
                    .filter(p -> p.manifest() != null && p.manifest().activatesOnStartup() && !started.contains(p.id()))
                    .map(p -> p.id() + ": " + p.state() + (p.problem() == null ? "" : " (" + p.problem() + ")"))
                    .toList();
            problems.forEach(p -> err.println("symphony: startup extension not started: " + p));
            return new Ready(now, started, problems);
        }, WorkbenchExtensions::thread);
        ready.exceptionally(e -> {
            err.println("symphony: extensions are not available: " + e.getMessage());
            return null;
        });
        return new WorkbenchExtensions(kernel, ready, closed);
    }

    /**
     * Once the window has drawn its first frame and the startup extensions are ready, or {@code grace} after
     * that frame if they are not, hosts get the normal CPU priority: the lowest one was for the window's start
     * only; kept, it starved every host whenever anything else kept the machine busy.
     */
    public CompletableFuture<Kernel> normalPriorityAfter(CompletableFuture<?> firstFrame, Duration grace) {
        return firstFrame.thenCompose(shown -> ready.handle((r, e) -> null)
                        .completeOnTimeout(null, grace.toMillis(), TimeUnit.MILLISECONDS))
                .thenCombine(kernel, (x, k) -> {
                    k.normalHostPriority();
                    return k;
                });
    }

    private static void thread(Runnable task) {
        Thread t = new Thread(task, "extensions-start");
        t.setDaemon(true);
        t.start();
    }

    public CompletableFuture<Kernel> kernel() {
        return kernel;
    }

    /** Completes when every startup extension is ready or has failed. */
    public CompletableFuture<Ready> ready() {
        return ready;
    }

    /**
     * Stops every host the kernel started. A kernel not started yet never starts; one still starting
     * is closed as soon as it is up (its hosts also end with this process).
     */
    @Override
    public void close() {
        closed.set(true);
        if (kernel.isDone() && !kernel.isCompletedExceptionally()) {
            kernel.join().close();
        } else {
            kernel.thenAccept(Kernel::close);
        }
    }
}
