package dev.symphony.ui.terminal.pty;

import com.pty4j.unix.UnixPtyProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process tree the terminals started, so that none outlives the IDE: {@link #close()} (the
 * workbench closing) and a JVM shutdown hook (Ctrl+C, SIGTERM) end them all. A tree stays tracked
 * after its shell exits, because background jobs it left behind are still the IDE's children.
 */
public final class ChildProcesses implements AutoCloseable {
    static final Duration CLOSE_GRACE = Duration.ofMillis(500);
    static final Duration SHUTDOWN_GRACE = Duration.ofMillis(200);
    private final Map<Long, Tracked> roots = new ConcurrentHashMap<>();
    private final Thread shutdownHook = new Thread(() -> endAll(SHUTDOWN_GRACE), "terminal-process-reaper");
    private volatile boolean closed;

    public ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Tracks a started process; ends it at once if this registry was already closed. */
    public void adopt(Process process) {
        // tracked even when it exited already: jobs it left behind are found through its session
        roots.put(process.pid(), new Tracked(process, ProcessTree.handleOf(process)));
        if (closed) {
            end(process);
            throw new IllegalStateException("the terminal processes were already closed; process " + process.pid() + " was ended");
        }
    }

    /** Ends one tree (a terminal being closed) and forgets it. */
    public void end(Process process) {
        Tracked tracked = roots.remove(process.pid());
        if (tracked != null) {
            tracked.terminate(CLOSE_GRACE);
        }
    }

    /** The pids of the tracked trees' roots (shells), live or not. */
    public List<Long> rootPids() {
        return List.copyOf(roots.keySet());
    }

    private void endAll(Duration grace) {
        // in parallel: each tree may wait out its grace period
        roots.values().parallelStream().forEach(t -> t.terminate(grace));
        roots.clear();
    }

    private record Tracked(Process process, Optional<ProcessHandle> handle) {
        void terminate(Duration grace) {
            Runnable hangUp = process instanceof UnixPtyProcess unix && unix.isAlive() ? unix::hangup : null;
            ProcessTree.terminate(process.pid(), handle, hangUp, grace);
        }
    }

    @Override
    public void close() {
        closed = true;
        endAll(CLOSE_GRACE);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or ran
        }
    }
}
