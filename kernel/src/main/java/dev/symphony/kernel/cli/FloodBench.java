package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event-flood part of {@code symphony bench ipc} (issue 14's bar): one host ({@code chaos/flood}) sends
 * {@code events} one-way events as fast as it can while this thread times round trips to another host
 * ({@code text-tools/case}). Reports the round trip's p99 during the flood ({@code floodRtP99Us}, to compare
 * with the quiet {@code rtP99Us}), the kernel's heap growth over its level before the flood — what it retained, the
 * largest heap after a collection ({@code floodHeapGrowthMb}, {@link HeapAfterGc}), and the largest "used" figure,
 * garbage included ({@code floodHeapPeakUsedMb}: mostly the bench's own round trips between two collections) —, how
 * many events the kernel let through to its listeners (the flooding host's quota drops the rest) and the flood's
 * length.
 */
final class FloodBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FloodBench() {
    }

    static void measure(Kernel kernel, long events, ObjectNode result) throws Exception {
        JsonNode small = JSON.readTree("{\"text\":\"hello\",\"to\":\"upper\"}");
        AtomicLong delivered = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (AutoCloseable listening = kernel.onExtensionEvent((id, name, payload) -> delivered.incrementAndGet())) {
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            HeapAfterGc retained = new HeapAfterGc();
            long peak = heapBefore;
            long f0 = System.nanoTime();
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> kernel.call(new CapabilityCall("bench",
                    IpcBench.CHAOS, "flood", JSON.createObjectNode().put("count", events), Duration.ofMinutes(10))));
            long[] rt = new long[1 << 16];
            int n = 0;
            while (!flood.isDone() || n < 1000) {
                long s = System.nanoTime();
                kernel.call(new CapabilityCall("bench", IpcBench.TEXT_TOOLS, "case", small, Duration.ofSeconds(10))).output();
                if (n == rt.length) {
                    rt = Arrays.copyOf(rt, n * 2);
                }
                rt[n++] = System.nanoTime() - s;
                if ((n & 63) == 0) {
                    peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                }
            }
            flood.join();
            result.put("floodMs", Math.round((System.nanoTime() - f0) / 1e6));
            System.gc(); // what the flood left behind counts too, even when no collection ran during it
            Thread.sleep(200); // GC notifications arrive on a service thread
            retained.close();
            long[] sorted = Arrays.copyOf(rt, n);
            Arrays.sort(sorted);
            result.put("floodEvents", events);
            result.put("floodCalls", n);
            result.put("floodRtP99Us", Math.round(sorted[(int) (n * 0.99)] / 100.0) / 10.0);
            result.put("floodHeapGrowthMb", Math.round((Math.max(heapBefore, retained.peakBytes()) - heapBefore) / 1048576.0 * 10) / 10.0);
            result.put("floodHeapPeakUsedMb", Math.round((peak - heapBefore) / 1048576.0 * 10) / 10.0);
            result.put("floodEventsDelivered", delivered.get());
        }
    }

    /** The 1-minute load average (-1 where the OS has none): figures taken with it above ~0.5 are not results. */
    static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }
}
