package spinner;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.SymphonyExtension;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel test plugin: keeps every CPU busy for a while and reports (as its one token) the CPU time
 * its process got. An Instrument, so it runs on a worker and the host keeps sending heartbeats.
 */
public class SpinnerExtension implements SymphonyExtension {
    static volatile long sink;

    @Override
    public void register(Capabilities c) {
        c.instrument("spin", (in, out, ctx) -> {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long wallNanos = in.path("ms").asLong() * 1_000_000L;
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                Thread t = new Thread(() -> {
                    long x = 0;
                    while (System.nanoTime() - t0 < wallNanos) {
                        x += System.nanoTime() & 7;
                    }
                    sink += x;
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            out.token(JsonNodeFactory.instance.objectNode()
                    .put("cpuMs", (os.getProcessCpuTime() - cpu0) / 1_000_000)
                    .put("wallMs", (System.nanoTime() - t0) / 1_000_000).toString());
        });
    }
}
