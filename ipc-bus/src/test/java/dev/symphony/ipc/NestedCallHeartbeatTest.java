package dev.symphony.ipc;

import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.ipc.api.InboundHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host's handler that asks the kernel something on the bus thread (an Operator making a brokered request) waits
 * with the pump that sends heartbeats held up under it. The kernel, slow to answer, must not see the host as silent:
 * before, a brokered fetch longer than the hang timeout got the host killed as hung (CI, stop 31: RedTeamTest's
 * fetch, "no heartbeat for 5008 ms").
 */
class NestedCallHeartbeatTest {
    private static final long KERNEL_ANSWERS_AFTER_MS = 1_500;

    @TempDir
    Path dir;

    @Test
    void aHostWaitingOnTheKernelInsideAHandlerKeepsHeartbeating() throws Exception {
        ScheduledExecutorService kernelWork = Executors.newSingleThreadScheduledExecutor();
        InboundHandler slowKernel = new InboundHandler() { // answers the host's request later, off its pump (as the broker does)
            @Override
            public void onRequest(Endpoint endpoint, Envelope request) {
                kernelWork.schedule(() -> endpoint.respond(request.correlationId(), request.payload()),
                        KERNEL_ANSWERS_AFTER_MS, TimeUnit.MILLISECONDS);
            }
        };
        InboundHandler host = new InboundHandler() { // asks the kernel, nested, on its own pump thread
            @Override
            public void onRequest(Endpoint endpoint, Envelope request) {
                byte[] inner = endpoint.call("inner".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
                endpoint.respond(request.correlationId(), inner);
            }
        };
        try (ChannelFixture f = new ChannelFixture(dir, slowKernel, host)) {
            f.host.busyWhen(() -> true); // a call is running, as the SDK's dispatcher says while a handler runs
            CompletableFuture<byte[]> outer = CompletableFuture.supplyAsync(
                    () -> f.kernel.call("outer".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)));
            long longestSilence = 0;
            while (!outer.isDone()) {
                longestSilence = Math.max(longestSilence, f.kernel.silentNanos(System.nanoTime()));
                Thread.sleep(20);
            }
            assertEquals("inner", new String(outer.get(), StandardCharsets.UTF_8));
            long heartbeatMs = f.host.heartbeatIntervalMillis();
            assertTrue(TimeUnit.NANOSECONDS.toMillis(longestSilence) < KERNEL_ANSWERS_AFTER_MS - 500,
                    "the waiting host heartbeats every " + heartbeatMs + " ms; the kernel saw it silent for "
                            + TimeUnit.NANOSECONDS.toMillis(longestSilence) + " ms of the " + KERNEL_ANSWERS_AFTER_MS + " ms it took");
        } finally {
            kernelWork.shutdownNow();
        }
    }
}
