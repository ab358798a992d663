package dev.symphony.kernel.bus;

import dev.symphony.ipc.api.BusPaths;
import dev.symphony.ipc.api.ChronicleRuntime;
import dev.symphony.ipc.api.Channels;
import dev.symphony.ipc.api.DoorbellIdleStrategy;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.EndpointPump;
import org.agrona.concurrent.AgentRunner;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pump thread for all host channels (Agrona {@link AgentRunner} with the doorbell idle
 * strategy: spins while busy, sleeps in a selector when idle), and the per-kernel channel folder
 * under {@link BusPaths}. Leftover folders of dead kernels are deleted at start.
 */
public final class KernelBus implements AutoCloseable {
    private final Path root;
    private final EndpointPump pump = new EndpointPump("kernel-bus", false);
    private final AgentRunner runner;
    private final AtomicInteger channels = new AtomicInteger();

    public KernelBus() {
        BusPaths.deleteStale(BusPaths.root());
        this.root = BusPaths.forKernel(ProcessHandle.current().pid());
        this.runner = new AgentRunner(new DoorbellIdleStrategy(pump, 2_000_000, 1000),
                t -> System.err.println("symphony: bus pump error: " + t), null, pump);
        ChronicleRuntime.prepareInBackground(); // before the first host starts
        AgentRunner.startOnThread(runner, r -> {
            Thread t = new Thread(r, "kernel-bus");
            t.setDaemon(true);
            return t;
        });
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
    }

    @Override
    public void close() {
        runner.close();
        BusPaths.deleteRecursively(root);
    }
}
