package dev.symphony.ui;

import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.ui.probe.DisplayCheck;
import dev.symphony.ui.probe.StartupTrace;
import dev.symphony.ui.shell.WorkbenchExtensions;
import dev.symphony.ui.shell.WorkbenchServices;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Starts the IDE: {@code symphony [FOLDER | FILE…]}. Returns when the window has closed. */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {}

    /** {@code java -cp … dev.symphony.ui.WorkbenchLauncher [FOLDER | FILE…]}: what {@code ./symphony} runs with no command. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Optional<StartTarget> target = StartTarget.parse(args, err);
        if (target.isEmpty()) {
            return 2;
        }
        StartTarget start = target.get();
        if (!start.files().isEmpty()) {
            Optional<Integer> handedOff = handOff(start.files(), out, err);
            if (handedOff.isPresent()) {
                return handedOff.get();
            }
        }
        return showWorkbench(err, workbench -> {
            if (start.folder() != null) {
                workbench.openFolder(start.folder());
            } else {
                workbench.reopenLastFolder();
            }
            start.files().forEach(file -> workbench.openFile(file, d -> { }));
        });
    }

    /** Where the running workbench listens for files to open ({@code SYMPHONY_HOME/data/instance/}). */
    static Path instanceSocket(SymphonyPaths paths) {
        return paths.data("instance").resolve("workbench.sock");
    }

    /** Hands the files to a running workbench: its exit status, or empty when none runs (this process starts one). */
    private static Optional<Integer> handOff(java.util.List<Path> files, PrintStream out, PrintStream err) {
        Path socket = instanceSocket(SymphonyPaths.resolve());
        try {
            Optional<String> reply = dev.symphony.ui.instance.InstanceClient.handOff(socket, files);
            if (reply.isEmpty()) {
                return Optional.empty();
            }
            if (reply.get().equals(dev.symphony.ui.instance.OpenRequest.OK)) {
                out.println("symphony: opened " + (files.size() == 1 ? files.get(0) : files.size() + " files")
                        + " in the running workbench");
                return Optional.of(0);
            }
            err.println("symphony: the running workbench refused the files (" + socket + "): " + reply.get());
            return Optional.of(1);
        } catch (IOException e) {
            err.println("symphony: could not hand the files to the running workbench (" + socket + "): " + e.getMessage());
            return Optional.of(1);
        }
    }

    /** Listens for files from later {@code symphony FILE…} runs; null (said on the status bar) when it cannot. */
    static dev.symphony.ui.instance.InstanceServer serveHandOffs(Workbench workbench) {
        Path socket = instanceSocket(workbench.services().paths());
        try {
            return dev.symphony.ui.instance.InstanceServer.start(socket, files -> workbench.services().bridge().onFx(() -> {
                files.forEach(file -> workbench.openFile(file, d -> { }));
                workbench.stage().toFront();
            }));
        } catch (IOException e) {
            workbench.window().statusMessageProperty().set("Files from the command line open in a new window: " + e.getMessage());
            return null;
        }
    }

    private static volatile WorkbenchExtensions current;

    /** The extension kernel if it is up (null while it starts, or in tests without one). */
    public static dev.symphony.kernel.extensions.Kernel kernelNow() {
        WorkbenchExtensions e = current;
        return e == null ? null : e.kernel().getNow(null);
    }

    /** The extension kernel of the window {@link #showWorkbench} shows (null before it is called). */
    public static WorkbenchExtensions extensions() {
        return current;
    }

    /**
     * Completes {@code gate} at the end of the window's first layout pulse, as its first frame goes to
     * render (a one-shot pulse listener: the scene's render tracker belongs to the startup probe).
     */
    private static void startAfterFirstLayout(javafx.scene.Scene scene, CompletableFuture<Void> gate) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            gate.complete(null);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * Starts JavaFX, shows a workbench window, hands it to {@code onShown} on the JavaFX thread,
     * and waits until the window closes. Exit status 1 when there is no display or startup failed.
     */
    public static int showWorkbench(PrintStream err, Consumer<Workbench> onShown) throws InterruptedException {
        return showWorkbench(err, onShown, CompletableFuture.completedFuture(null));
    }

    /**
     * As {@link #showWorkbench(PrintStream, Consumer)}, with the extensions' start held until
     * {@code extensionsAfter} completes (a file opened at startup is painted first).
     */
    public static int showWorkbench(PrintStream err, Consumer<Workbench> onShown, CompletableFuture<?> extensionsAfter)
            throws InterruptedException {
        Optional<String> noDisplay = DisplayCheck.problem();
        if (noDisplay.isPresent()) {
            err.println("symphony: " + noDisplay.get());
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger();
        // The UI-free services (JSON, settings files, watchers) start on this thread while the
        // JavaFX toolkit starts on its own: on two cores that takes one of them off the critical path.
        CompletableFuture<WorkbenchServices> services = CompletableFuture.supplyAsync(() -> {
            try {
                return WorkbenchServices.start(SymphonyPaths.resolve());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> new Thread(runnable, "workbench-services-start").start());
        CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        // Extensions start at once, beside the toolkit: their host JVMs start at the lowest priority
        // (WorkbenchExtensions.HOST_NICENESS), so the window's first frame still gets the CPU first
        // and the hosts take what is left of two cores (docs/startup.md); normal once the window is up.
        WorkbenchExtensions extensions = WorkbenchExtensions.start(services.thenApply(WorkbenchServices::settings),
                extensionsAfter, err);
        extensions.normalPriorityAfter(firstFrame, java.time.Duration.ofSeconds(3));
        current = extensions;
        StartupTrace.mark("toolkit starting");
        Platform.startup(() -> {
            try {
                StartupTrace.mark("toolkit started");
                Stage stage = new Stage();
                WorkbenchServices started = services.join();
                StartupTrace.mark("services started");
                Workbench workbench = new Workbench(started, stage);
                var extensionsUi = dev.symphony.ui.extensions.ExtensionsWorkbench.attach(workbench, extensions.kernel());
                var chat = dev.symphony.ui.chat.ChatWorkbench.attach(workbench, extensions.kernel());
                StartupTrace.mark("workbench built");
                var handOffs = serveHandOffs(workbench);
                stage.setOnHidden(e -> {
                    try {
                        if (handOffs != null) {
                            handOffs.close();
                        }
                        extensionsUi.close();
                        chat.close();
                        workbench.close();
                    } catch (Exception ex) {
                        err.println("symphony: while closing: " + ex);
                    }
                    closed.countDown();
                });
                stage.show();
                StartupTrace.mark("stage shown");
                startAfterFirstLayout(stage.getScene(), firstFrame);
                onShown.accept(workbench);
            } catch (Exception | Error e) {
                firstFrame.cancel(false);
                err.println("symphony: the workbench could not start: " + e);
                e.printStackTrace(err); // a bug or a broken installation: where it failed is what a report needs
                status.set(1);
                closed.countDown();
            }
        });
        closed.await();
        extensions.close();
        Platform.exit();
        return status.get();
    }
}
