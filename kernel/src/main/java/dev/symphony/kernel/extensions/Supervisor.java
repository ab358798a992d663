package dev.symphony.kernel.extensions;

import dev.symphony.contract.CallFailedException;
import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.bus.KernelBus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs and watches host processes. Death is noticed three ways, whichever comes first: the
 * doorbell socket closes, {@link Process#onExit()} completes, or (hangs) no message at all — not
 * even a heartbeat, sent every 250 ms while the host has work — for the hang timeout
 * ({@link KernelContext#DEFAULT_HANG_TIMEOUT} by default; checked every 200 ms) while calls to it are in flight,
 * counted from the latest call's start at the earliest, after which the host is killed.
 * An idle host sends nothing and is not suspected. Calls in flight then fail with CRASHED, and the host is
 * restarted as its manifest says: immediately, with exponential backoff, or only on request.
 */
final class Supervisor implements AutoCloseable {
    /** Hang checks: a host is killed at most hang timeout + this after it fell silent. */
    static final long TICK_MILLIS = 200;
    private final KernelContext context;
    private final KernelBus bus;
    private final AuditLog audit;
    private final ExtensionStore store;
    private final KernelBroker broker;
    private final ModelStates models;
    private final Collection<Player> players;
    private final Thread ticker;
    private volatile boolean tickerIdle;
    private volatile long busyUntilNanos;
    private volatile boolean closed;
    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "restarter"));
    private final HostSpawner spawner = new HostSpawner();
    private final java.util.concurrent.ExecutorService reaper = Executors.newCachedThreadPool(r -> daemon(r, "reaper"));
    private final DataFolderWatch dataWatch;
    private final HostPriority priority;

    Supervisor(KernelContext context, KernelBus bus, AuditLog audit, KernelBroker broker, ModelStates models,
               Collection<Player> players) {
        this.context = context;
        this.models = models;
        this.bus = bus;
        this.audit = audit;
        this.broker = broker;
        this.players = players;
        this.store = new ExtensionStore(context.paths().data("extensions"));
        this.dataWatch = new DataFolderWatch();
        this.priority = new HostPriority(context.hostNiceness());
        this.ticker = daemon(this::tickLoop, "supervisor");
        ticker.start();
    }

    /**
     * Hang checks run every {@link #TICK_MILLIS} while calls are in flight (and for a second after a
     * call starts); with nothing in flight the thread parks until the next call: an idle IDE has no
     * timer wakeups here.
     */
    private void tickLoop() {
        while (!closed) {
            boolean busy = tick() || System.nanoTime() - busyUntilNanos < 0;
            if (busy) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            } else {
                audit.flush();
                tickerIdle = true;
                if (!anyInFlight() && System.nanoTime() - busyUntilNanos >= 0) {
                    LockSupport.park(this);
                }
                tickerIdle = false;
            }
        }
    }

    /** Called before every call to a host: makes sure hang checks are running. */
    void callStarting() {
        busyUntilNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        if (tickerIdle) {
            LockSupport.unpark(ticker);
        }
    }

    private boolean anyInFlight() {
        for (Player p : players) {
            HostProcess h = p.host();
            if (h != null && h.endpoint.pendingCalls() > 0) {
                return true;
            }
        }
        return false;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The running host of {@code p}, started now if needed (lazy activation). */
    HostProcess ensureRunning(Player p) {
        synchronized (p) {
            HostProcess current = p.host;
            if (current != null && !current.dead) {
                if (!current.endpoint.isClosed()) {
                    return current;
                }
                died(p, current, "closed its channel"); // noticed here before the reaper got to it
            }
            switch (p.state) {
                case DISABLED -> throw new CallFailedException(ErrorCode.CLOSED, p.id() + " is disabled");
                case PENDING, VALIDATING -> throw new CallFailedException(ErrorCode.CLOSED, p.id() + " is not validated");
                case FAILED -> {
                    if (p.manifest == null || p.permissions == null) {
                        throw new CallFailedException(ErrorCode.CLOSED, p.id() + " failed validation: " + p.problem);
                    }
                    if (p.manifest.restartPolicy().mode() == ExtensionManifest.RestartMode.MANUAL) {
                        throw new CallFailedException(ErrorCode.CRASHED, p.id() + " crashed (" + p.problem
                                + ") and its restart policy is manual: run `symphony ext enable " + p.id() + "`");
                    }
                }
                default -> {
                    // VALIDATED, ACTIVE, MONITORING: start
                }
            }
            SandboxPolicy.Decision sandbox = SandboxPolicy.decide(p, context.sandbox(), store);
            if (sandbox.refused()) {
                audit.record("kernel", "host.start", p.id(), false, sandbox.reason());
                throw new CallFailedException(ErrorCode.PERMISSION_DENIED, sandbox.reason());
            }
            try {
                HostProcess h = HostProcess.start(p, context, priority, bus, broker, broker.logFile(p.id()), spawner, sandbox.sandboxed());
                p.host = h;
                p.lastStartNanos = h.startedNanos;
                p.state = PlayerState.ACTIVE;
                p.problem = null;
                audit.record("kernel", "host.start", p.id(), true, "pid " + h.pid() + ", sandbox: "
                        + (sandbox.sandboxed() ? "bubblewrap" : "NONE — " + sandbox.reason()));
                if (!sandbox.sandboxed()) {
                    broker.log(p.id(), "WARNING " + sandbox.reason());
                }
                h.process.onExit().thenRun(() -> died(p, h, "exited"));
                Object watched = dataWatch.watch(p.roots.extensionData(), context.dataQuotaBytes(), reason -> overQuota(p, h, reason));
                if (dataWatch.problem() != null) {
                    broker.log(p.id(), "WARNING " + dataWatch.problem());
                }
                h.process.onExit().thenRun(() -> dataWatch.forget(watched));
                return h;
            } catch (IOException e) {
                p.state = PlayerState.FAILED;
                p.problem = "cannot start host: " + e.getMessage();
                throw new UncheckedIOException(e);
            } catch (CallFailedException e) {
                p.state = PlayerState.FAILED;
                p.problem = e.getMessage();
                throw e;
            }
        }
    }

    /** Host {@code h}'s data folder passed its quota while it ran: it is stopped, its callers told why (LIMIT_EXCEEDED). */
    private void overQuota(Player p, HostProcess h, String reason) {
        h.stoppedOverQuota = reason;
        reaper.execute(() -> {
            h.process.destroyForcibly();
            died(p, h, reason);
        });
    }

    void channelClosed(Player p, Endpoint endpoint) {
        HostProcess h = p.host();
        if (h != null && h.endpoint == endpoint) {
            // called on the bus pump: handling the death takes the Player's monitor, which a host start
            // may hold while it waits for the pump to deliver its hello
            reaper.execute(() -> died(p, h, "closed its channel"));
        }
    }

    /** A host ended (or was found hung and killed): fail its calls, record it, restart by policy. */
    void died(Player p, HostProcess h, String reason) {
        synchronized (p) {
            if (h.dead || p.host != h) {
                return;
            }
            h.dead = true;
            p.host = null;
            p.state = PlayerState.FAILED;
            p.problem = reason;
        }
        try {
            // let an exiting host (or the sandbox around it) finish, so its exit code is its own;
            // then make sure it is gone before its callers hear of it
            if (!h.process.waitFor(300, TimeUnit.MILLISECONDS)) {
                h.process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            h.process.destroyForcibly();
        }
        boolean memory = false;
        String overQuota = h.stoppedOverQuota;
        if (overQuota != null) {
            reason = overQuota;
            p.problem = reason;
        } else if (!h.process.isAlive()) {
            memory = h.limits.stoppedAtMemoryLimit(h.process.exitValue());
            reason = memory ? memoryReason(p, h) : reason + " (exit code " + h.process.exitValue() + ")";
            p.problem = reason;
        }
        h.endpoint.fail(memory || overQuota != null ? new BusException(ErrorCode.LIMIT_EXCEEDED.code(), "extension " + p.id() + " was " + reason)
                : new BusException(ErrorCode.CRASHED.code(), "extension " + p.id() + " crashed: host " + reason));
        h.release(bus);
        models.hostGone(p, "host " + reason);
        audit.record("kernel", "host.crash", p.id(), true, reason);
        broker.log(p.id(), "host " + h.pid() + " " + reason);
        var policy = p.manifest.restartPolicy();
        if (policy.mode() == ExtensionManifest.RestartMode.MANUAL || closed) {
            return; // closed: a host that died while the kernel shuts down is not restarted (its restarter is gone)
        }
        synchronized (p) {
            if (System.nanoTime() - h.readyNanos > TimeUnit.SECONDS.toNanos(60)) {
                p.restarts = 0; // it ran fine for a while: a fresh budget
            }
            if (p.restarts >= policy.maxRestarts()) {
                p.problem = reason + "; gave up after " + p.restarts + " restarts";
                return;
            }
            long delay = policy.mode() == ExtensionManifest.RestartMode.IMMEDIATE ? 0
                    : policy.initialBackoffMs() << Math.min(p.restarts, 10);
            p.restarts++;
            try {
                restarter.schedule(() -> restart(p), delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the kernel closed between the check above and here: nothing to restart into
            }
        }
    }

    /** Why the OS ended host {@code h}: past its memory limit, named with what it counts. */
    private static String memoryReason(Player p, HostProcess h) {
        return "stopped by the OS: it used more than its memory limit of " + (h.limits.memoryLimit() >> 20) + " MB (heap "
                + p.manifest.permissions().maxHeapMb() + " MB + the JVM's own memory and the files it wrote to /dev/shm and /tmp)"
                + " (exit code " + h.process.exitValue() + ")";
    }

    /**
     * The failure a caller of host {@code h} should see for {@code e}: the bus reports a host that died during a call as
     * CRASHED ("the peer exited") before the supervisor hears of it; when the OS ended it at its memory limit, the caller
     * gets LIMIT_EXCEEDED naming the extension and the limit instead (and the call is not retried).
     */
    CallFailedException explain(Player p, HostProcess h, CallFailedException e) {
        if (e.code() == ErrorCode.CRASHED && h.stoppedOverQuota != null) {
            return new CallFailedException(ErrorCode.LIMIT_EXCEEDED, "extension " + p.id() + " was " + h.stoppedOverQuota);
        }
        if (e.code() != ErrorCode.CRASHED || !h.limits.oomKillSeen()) {
            return e; // the OS counts the kill before the host's exit reaches the bus: no wait for other crashes
        }
        try {
            if (!h.process.waitFor(2, TimeUnit.SECONDS)) {
                return e;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return e;
        }
        return h.limits.stoppedAtMemoryLimit(h.process.exitValue())
                ? new CallFailedException(ErrorCode.LIMIT_EXCEEDED, "extension " + p.id() + " was " + memoryReason(p, h)) : e;
    }

    private void restart(Player p) {
        try {
            if (p.state == PlayerState.FAILED) {
                ensureRunning(p);
            }
        } catch (RuntimeException e) {
            broker.log(p.id(), "restart failed: " + e.getMessage());
        }
    }

    /** One round of hang checks; true while any host has calls in flight. */
    private boolean tick() {
        boolean inFlight = false;
        try {
            long now = System.nanoTime();
            long hang = context.hangTimeout().toNanos();
            for (Player p : players) {
                HostProcess h = p.host();
                if (h == null || h.dead) {
                    continue;
                }
                if (p.state == PlayerState.ACTIVE) {
                    p.state = PlayerState.MONITORING;
                }
                inFlight |= h.endpoint.pendingCalls() > 0;
                long silent = h.endpoint.silentNanos(now);
                if (silent > hang) {
                    h.process.destroyForcibly();
                    died(p, h, "hung: no heartbeat for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms, killed");
                }
            }
            audit.flushIfDue();
        } catch (RuntimeException e) {
            System.err.println("symphony: supervisor tick failed: " + e);
        }
        return inFlight;
    }

    /** Hosts start at normal priority from now on; running ones' groups get the normal weight. */
    void normalPriority() {
        priority.normal(broker::log);
    }

    /** Stops the host of {@code p} on purpose (disable, reload, shutdown); no restart follows. */
    void stop(Player p) {
        HostProcess h;
        synchronized (p) {
            h = p.host;
            p.host = null;
        }
        if (h != null && !h.dead) {
            h.endpoint.fail(new BusException(ErrorCode.CLOSED.code(), p.id() + " was stopped"));
            h.stop(bus);
            models.hostGone(p, "host stopped");
            audit.record("kernel", "host.stop", p.id(), true, "pid " + h.pid());
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(ticker);
        restarter.shutdownNow();
        reaper.shutdownNow();
        dataWatch.close();
    }

    /** Last, after every host was stopped: the spawner thread's end is the sandboxes' parent-death signal. */
    void closeSpawner() {
        spawner.close();
    }
}
