package dev.symphony.kernel.bus;

import dev.symphony.ipc.api.BusPaths;
import dev.symphony.ipc.api.ChronicleRuntime;
import dev.symphony.ipc.api.Channels;
import dev.symphony.ipc.api.DoorbellIdleStrategy;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.EndpointPump;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pump thread for all host channels (Agrona {@link AgentRunner} with the doorbell idle
 * strategy: spins while busy, sleeps in a selector when idle), and the per-kernel channel folder
 * under {@link BusPaths}. Leftover folders of dead kernels are deleted at start. A channel that floods can be moved
 * to a pump thread of its own ({@link #isolate}), so that reading it no longer takes the shared thread's time.
 */
public final class KernelBus implements AutoCloseable {
    private final Path root;
    private final EndpointPump pump = new EndpointPump("kernel-bus", false);
    private final AgentRunner runner;
    private final AtomicInteger channels = new AtomicInteger();
    private final Map<Endpoint, Isolated> isolated = new HashMap<>();
    private boolean closed;

    /** A channel's own pump: its runner and the thread it runs on. */
    private record Isolated(AgentRunner runner, Thread thread) {
    }

    public KernelBus() {
        BusPaths.deleteStale(BusPaths.root());
        this.root = BusPaths.forKernel(ProcessHandle.current().pid());
        this.runner = new AgentRunner(new DoorbellIdleStrategy(pump, 2_000_000, 1000),
                t -> System.err.println("symphony: bus pump error: " + t), null, pump);
        ChronicleRuntime.prepareInBackground(); // before the first host starts
        start(runner, "kernel-bus");
    }

    /** A new channel folder for one host incarnation (short: Unix socket paths are limited to ~100 bytes). */
    public Channels.Listener newChannel(String extensionId) {
        String shortId = extensionId.substring(extensionId.lastIndexOf('.') + 1);
        if (shortId.length() > 20) {
            shortId = shortId.substring(0, 20);
        }
        return Channels.listen(root.resolve(channels.incrementAndGet() + "-" + shortId));
    }

    public void add(Endpoint endpoint) {
        pump.add(endpoint);
    }

    public void remove(Endpoint endpoint) {
        pump.remove(endpoint);
        Isolated own;
        synchronized (isolated) {
            own = isolated.remove(endpoint);
        }
        if (own != null) {
            stop(own);
        }
    }

    /**
     * Moves {@code endpoint} off the shared pump onto a pump thread of its own, named {@code "kernel-bus-" + name},
     * which runs {@code onThread} before it pumps (the kernel lowers that thread's CPU priority there: a host that floods
     * is then read only with CPU nobody else wants, and the other channels' round trips keep the shared thread and the
     * cores). The endpoint's handler is then called on that thread, still one thread at a time. Nothing happens when
     * the endpoint is closed, already on its own thread, or the bus is closed. {@link #remove} stops that thread.
     */
    public void isolate(Endpoint endpoint, String name, Runnable onThread) {
        synchronized (isolated) {
            if (closed || endpoint.isClosed() || isolated.containsKey(endpoint)) {
                return;
            }
            EndpointPump own = new EndpointPump("kernel-bus-" + name, false);
            Agent agent = new Agent() {
                @Override
                public void onStart() {
                    onThread.run();
                }

                @Override
                public int doWork() {
                    return own.doWork();
                }

                @Override
                public void onClose() {
                    own.onClose();
                }

                @Override
                public String roleName() {
                    return own.roleName();
                }
            };
            AgentRunner ownRunner = new AgentRunner(new DoorbellIdleStrategy(own, 2_000_000, 1000),
                    t -> System.err.println("symphony: bus pump error (" + name + "): " + t), null, agent);
            pump.remove(endpoint);
            own.add(endpoint);
            isolated.put(endpoint, new Isolated(ownRunner, start(ownRunner, "kernel-bus-" + name)));
        }
    }

    /** Starts {@code runner} on a daemon thread named {@code name}; that thread. */
    private static Thread start(AgentRunner runner, String name) {
        Thread[] thread = new Thread[1];
        AgentRunner.startOnThread(runner, r -> {
            thread[0] = new Thread(r, name);
            thread[0].setDaemon(true);
            return thread[0];
        });
        return thread[0];
    }

    /** Whether {@code endpoint} is pumped on a thread of its own ({@link #isolate}). */
    public boolean isIsolated(Endpoint endpoint) {
        synchronized (isolated) {
            return isolated.containsKey(endpoint);
        }
    }

    /** Stops a channel's own pump; from that pump's own thread (its handler removing it) the stop runs on another. */
    private static void stop(Isolated own) {
        if (Thread.currentThread() == own.thread()) {
            CompletableFuture.runAsync(own.runner()::close);
        } else {
            own.runner().close();
        }
    }

    @Override
    public void close() {
        java.util.List<Isolated> own;
        synchronized (isolated) {
            closed = true;
            own = java.util.List.copyOf(isolated.values());
            isolated.clear();
        }
        own.forEach(KernelBus::stop);
        runner.close();
        BusPaths.deleteRecursively(root);
    }
}
