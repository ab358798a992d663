package dev.symphony.ipc;

import dev.symphony.ipc.api.Channels;
import dev.symphony.ipc.api.DoorbellIdleStrategy;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.EndpointContext;
import dev.symphony.ipc.api.EndpointPump;
import dev.symphony.ipc.api.InboundHandler;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.AgentRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Both ends of a real channel (real queues, real doorbell socket) in one JVM, each with its own pump thread. */
final class ChannelFixture implements AutoCloseable {
    final Endpoint kernel;
    final Endpoint host;
    final EndpointPump kernelPump = new EndpointPump("kernel-pump", false);
    final EndpointPump hostPump = new EndpointPump("host-pump", true);
    private final AgentRunner kernelRunner;
    private final AgentRunner hostRunner;

    ChannelFixture(Path dir, InboundHandler kernelHandler, InboundHandler hostHandler) {
        this(dir, kernelHandler, hostHandler, RollCycles.FAST_HOURLY, 8);
    }

    ChannelFixture(Path dir, InboundHandler kernelHandler, InboundHandler hostHandler, RollCycle roll, int window) {
        this(dir, kernelHandler, hostHandler, roll, window, null);
    }

    /** {@code hostHeartbeat}: how often the host heartbeats while it has work (null: the bus's default). */
    ChannelFixture(Path dir, InboundHandler kernelHandler, InboundHandler hostHandler, RollCycle roll, int window,
                   Duration hostHeartbeat) {
        Channels.Listener listener = Channels.listen(dir);
        CompletableFuture<Endpoint> hostSide = CompletableFuture.supplyAsync(() -> Channels.connect(new EndpointContext()
                .channelDir(dir).kernelSide(false).peerName("test.ext").handler(hostHandler).rollCycle(roll)
                .streamWindow(window).heartbeatInterval(hostHeartbeat)));
        kernel = listener.accept(new EndpointContext().peerName("test.ext").handler(kernelHandler).rollCycle(roll)
                .streamWindow(window).maxInFlight(4), Duration.ofSeconds(10), () -> true);
        listener.close();
        host = hostSide.join();
        kernelPump.add(kernel);
        hostPump.add(host);
        kernelRunner = new AgentRunner(new DoorbellIdleStrategy(kernelPump, 2_000_000, 100), Throwable::printStackTrace, null, kernelPump);
        hostRunner = new AgentRunner(new DoorbellIdleStrategy(hostPump, 2_000_000, 100), Throwable::printStackTrace, null, hostPump);
        AgentRunner.startOnThread(kernelRunner);
        AgentRunner.startOnThread(hostRunner);
    }

    @Override
    public void close() {
        hostRunner.close();
        kernelRunner.close();
        host.close();
        kernel.close();
    }
}
