package dev.symphony.agent;

import dev.symphony.kernel.extensions.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs an agent's command line with {@code bash -c} in the workspace folder: output and errors together, kept up to
 * {@link #MAX_OUTPUT} bytes (the rest is read and dropped so the command never blocks on a full pipe), a time limit,
 * and a cancel that ends the command and every process it started. Where bubblewrap works, the command is confined as
 * the kernel confines an extension's programs ({@link Sandbox#commandPrefix}: no network, the workspace — or the
 * overlay over it — the only folder it may write, the system folders read-only, the rest hidden); where it does not,
 * {@link #unconfined} says why and the caller tells the person. The command gets the workbench's environment without
 * the variables that carry secrets ({@link CommandEnvironment}).
 */
public final class CommandRunner {
    public record Result(int exitCode, String output, boolean timedOut) {
    }

    static final int MAX_OUTPUT = 16 * 1024;
    private final Duration limit;
    private final OverlayShell overlay;
    private final boolean overlayRequired;
    private final CommandWatch watch;

    public CommandRunner(Duration limit) {
        this(limit, null, false, CommandWatch.NONE);
    }

    private CommandRunner(Duration limit, OverlayShell overlay, boolean overlayRequired, CommandWatch watch) {
        this.limit = limit;
        this.overlay = overlay;
        this.overlayRequired = overlayRequired;
        this.watch = watch;
    }

    /** This runner, its commands run in {@code overlay}'s copy-on-write view of the workspace where it is available. */
    public CommandRunner withOverlay(OverlayShell overlay) {
        return new CommandRunner(limit, overlay, overlayRequired, watch);
    }

    /** This runner, refusing to run a command in the workspace itself where no overlay can be had (a Melody's phase). */
    public CommandRunner overlayOnly() {
        return new CommandRunner(limit, overlay, true, watch);
    }

    /** This runner, each command line and its output shown by {@code watch} as it runs (the workbench's terminal). */
    public CommandRunner watchedBy(CommandWatch watch) {
        return new CommandRunner(limit, overlay, overlayRequired, watch);
    }

    /** True when commands must not run without an overlay. */
    public boolean overlayRequired() {
        return overlayRequired;
    }

    /** The overlay commands run in, or null when they run in the workspace itself. */
    public OverlayShell overlay() {
        return overlay;
    }

    /** Why commands are not confined by bubblewrap here (none installed, no user namespaces, turned off), or empty when they are. */
    public java.util.Optional<String> unconfined() {
        return Sandbox.unconfinedReason();
    }

    /** The prefix that confines a command to writing {@code writable} only; empty where {@link #unconfined} says why not. */
    java.util.List<String> confinement(Path writable) {
        return unconfined().isPresent() ? java.util.List.of() : Sandbox.commandPrefix(writable);
    }

    /** Runs {@code command} in {@code folder}, confined to writing that folder where bubblewrap works ({@link #unconfined}). */
    public Result run(String command, Path folder, BooleanSupplier cancelled) throws IOException {
        java.util.List<String> argv = new java.util.ArrayList<>(confinement(folder));
        argv.addAll(java.util.List.of("bash", "-c", command));
        return run(command, argv, folder, cancelled);
    }

    /**
     * Runs {@code argv} in {@code folder} as {@link #run(String, Path, BooleanSupplier)} runs a command line;
     * {@code commandLine} is what the watch shows.
     */
    Result run(String commandLine, java.util.List<String> argv, Path folder, BooleanSupplier cancelled) throws IOException {
        CommandWatch.Shown shown = watch.started(commandLine, folder);
        Process p;
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            CommandEnvironment.hideSecrets(builder.environment());
            p = builder.start();
        } catch (IOException e) {
            shown.ended(-1, "not started: " + e.getMessage());
            throw e;
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(p.getInputStream(), kept, shown), "agent-command-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + limit.toNanos();
        boolean timedOut = false;
        try {
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean() || System.nanoTime() > deadline) {
                    timedOut = !cancelled.getAsBoolean();
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(2, TimeUnit.SECONDS);
                    break;
                }
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        boolean stopped = cancelled.getAsBoolean();
        shown.ended(p.isAlive() ? -1 : p.exitValue(), stopped ? "stopped" : timedOut ? "timed out" : "");
        String out;
        synchronized (kept) {
            out = kept.toString(StandardCharsets.UTF_8);
        }
        if (kept.size() >= MAX_OUTPUT) {
            out += "\n[… output cut at " + MAX_OUTPUT + " bytes]";
        }
        return new Result(p.isAlive() ? -1 : p.exitValue(), out, timedOut);
    }

    private static void drain(InputStream in, ByteArrayOutputStream kept, CommandWatch.Shown shown) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                shown.output(buf, 0, n);
                synchronized (kept) {
                    kept.write(buf, 0, Math.max(0, Math.min(n, MAX_OUTPUT - kept.size())));
                }
            }
        } catch (IOException ended) {
            // the process was ended; what was read is kept
        }
    }
}
