package dev.symphony.kernel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.kernel.extensions.CapabilityCall;
import dev.symphony.kernel.extensions.Kernel;
import dev.symphony.kernel.extensions.KernelStream;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code symphony bench ipc [--quick]}: measures the bus through exactly the path {@code call}
 * uses (kernel routing, schema checks both ways, audit, real host JVMs of the sample extensions)
 * and prints one JSON line. Needs the built sample extensions (a source checkout after
 * {@code mvn package}, or installed). {@code --quick} runs fewer iterations and a 2 s idle window. The
 * event-flood figures ({@code floodRtP99Us} …) come from {@link FloodBench}; {@code loadAverage} is printed
 * beside them because figures taken on a loaded machine are not results.
 */
public final class IpcBench {
    static final String TEXT_TOOLS = "dev.symphony.samples.text-tools";
    static final String CHAOS = "dev.symphony.samples.chaos";
    static final String ADDON = "dev.symphony.samples.hello-addon";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IpcBench() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean quick = Arrays.asList(args).contains("--quick");
        if (args.length > (quick ? 1 : 0)) {
            err.println("usage: symphony bench ipc [--quick]");
            return 2;
        }
        int warmup = quick ? 20_000 : 100_000;
        int calls = quick ? 20_000 : 200_000;
        int events = quick ? 50_000 : 500_000;
        long idleMillis = quick ? 2_000 : 10_000;
        try (Kernel kernel = CliKernel.start()) {
            for (String id : List.of(TEXT_TOOLS, CHAOS, ADDON)) {
                if (kernel.player(id).map(p -> p.manifest() == null).orElse(true)) {
                    err.println("symphony bench ipc: " + id + " is not available; build the sample extensions (mvn package) or install them");
                    return 1;
                }
            }
            ObjectNode result = JSON.createObjectNode();
            result.put("loadAverageAtStart", FloodBench.loadAverage());
            kernel.activate(TEXT_TOOLS); // the first start also pays for the kernel side's first channel
            long t0 = System.nanoTime();
            kernel.activate(CHAOS);
            result.put("hostStartMs", round((System.nanoTime() - t0) / 1e6));
            kernel.activate(ADDON);

            JsonNode small = JSON.readTree("{\"text\":\"hello\",\"to\":\"upper\"}");
            for (int i = 0; i < warmup; i++) {
                kernel.call(new CapabilityCall("bench", TEXT_TOOLS, "case", small, Duration.ofSeconds(10))).output();
            }
            long[] rt = new long[calls];
            for (int i = 0; i < calls; i++) {
                long s = System.nanoTime();
                kernel.call(new CapabilityCall("bench", TEXT_TOOLS, "case", small, Duration.ofSeconds(10))).output();
                rt[i] = System.nanoTime() - s;
            }
            Arrays.sort(rt);
            result.put("calls", calls);
            result.put("rtP50Us", us(rt[calls / 2]));
            result.put("rtP90Us", us(rt[(int) (calls * 0.90)]));
            result.put("rtP99Us", us(rt[(int) (calls * 0.99)]));
            result.put("rtP999Us", us(rt[(int) (calls * 0.999)]));

            JsonNode event = JSON.readTree("{\"kind\":\"bench\",\"n\":1}");
            JsonNode empty = JSON.createObjectNode();
            for (int i = 0; i < events / 5; i++) {
                kernel.sendEvent(CHAOS, event); // warm-up
            }
            kernel.call(new CapabilityCall("bench", CHAOS, "ping", empty, Duration.ofSeconds(60))).output();
            long e0 = System.nanoTime();
            for (int i = 0; i < events; i++) {
                kernel.sendEvent(CHAOS, event);
            }
            kernel.call(new CapabilityCall("bench", CHAOS, "ping", empty, Duration.ofSeconds(60))).output(); // ordered after every event
            result.put("eventsPerSec", Math.round(events / ((System.nanoTime() - e0) / 1e9)));

            long total = 10L << 20;
            streamBytes(kernel, total); // warm-up
            long s0 = System.nanoTime();
            long received = streamBytes(kernel, total);
            if (received != total) {
                throw new IllegalStateException("stream delivered " + received + " of " + total + " bytes");
            }
            result.put("streamMBps", round(total / 1048576.0 / ((System.nanoTime() - s0) / 1e9)));
            FloodBench.measure(kernel, quick ? 100_000 : 1_000_000, result);

            System.gc();
            Thread.sleep(quick ? 1_000 : 3_000); // let the JIT and GC finish with the work above: idle means idle
            result.put("idleCpuPercent", round(idleCpuPercent(idleMillis)));
            // One sample per idle window is at the mercy of how long this shared VM takes to wake a
            // halted vCPU: three windows (the first is the CPU window above), the median reported.
            long[] firstCalls = new long[3];
            for (int i = 0; i < firstCalls.length; i++) {
                if (i > 0) {
                    Thread.sleep(idleMillis);
                }
                long f0 = System.nanoTime();
                kernel.call(new CapabilityCall("bench", TEXT_TOOLS, "case", small, Duration.ofSeconds(10))).output();
                firstCalls[i] = System.nanoTime() - f0;
            }
            Arrays.sort(firstCalls);
            result.put("firstCallAfterIdleUs", us(firstCalls[1]));
            result.put("firstCallAfterIdleMaxUs", us(firstCalls[2]));
            try (WakeBaseline baseline = new WakeBaseline()) {
                baseline.roundTrip(); // the echo thread is up and has run once
                Thread.sleep(idleMillis);
                result.put("platformWakeAfterIdleUs", us(baseline.roundTrip()));
            }

            long[] detect = new long[3];
            long[] restart = new long[3];
            for (int i = 0; i < 3; i++) {
                long[] r = killMidCall(kernel);
                detect[i] = r[0];
                restart[i] = r[1];
            }
            Arrays.sort(detect);
            Arrays.sort(restart);
            result.put("crashDetectMs", round(detect[1] / 1e6));
            result.put("restartMs", round(restart[1] / 1e6));
            result.put("loadAverage", FloodBench.loadAverage()); // above ~0.5 the figures are not results
            out.println(result);
            return 0;
        } catch (Exception e) {
            err.println("symphony bench ipc: " + e);
            return 1;
        }
    }

    private static long streamBytes(Kernel kernel, long total) {
        long received = 0;
        try (KernelStream stream = kernel.stream(new CapabilityCall("bench", CHAOS, "bytes",
                JSON.createObjectNode().put("totalBytes", total).put("chunkBytes", 64 * 1024), Duration.ofSeconds(30)))) {
            JsonNode chunk;
            while ((chunk = stream.next()) != null) {
                received += chunk.path("data").asText().length();
            }
        }
        return received;
    }

    /** SIGKILL of the chaos host while a call is in flight: until the caller hears CRASHED, and until a call succeeds again. */
    private static long[] killMidCall(Kernel kernel) throws Exception {
        JsonNode empty = JSON.createObjectNode();
        kernel.call(new CapabilityCall("bench", CHAOS, "ping", empty, Duration.ofSeconds(30))).output();
        long pid = kernel.player(CHAOS).orElseThrow().hostPid();
        CompletableFuture<Long> failedAt = CompletableFuture.supplyAsync(() -> {
            try {
                kernel.call(new CapabilityCall("bench", CHAOS, "sleep", JSON.createObjectNode().put("ms", 60_000), Duration.ofSeconds(60))).output();
                throw new IllegalStateException("the call survived the kill");
            } catch (CallFailedException e) {
                if (e.code() != ErrorCode.CRASHED) {
                    throw e;
                }
                return System.nanoTime();
            }
        });
        Thread.sleep(100); // the call is in flight
        long killedAt = System.nanoTime();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL on Unix
        long detected = failedAt.get(30, TimeUnit.SECONDS) - killedAt;
        while (true) {
            try {
                kernel.call(new CapabilityCall("bench", CHAOS, "ping", empty, Duration.ofSeconds(30))).output();
                return new long[]{detected, System.nanoTime() - killedAt};
            } catch (CallFailedException e) {
                Thread.sleep(1); // host still restarting
            }
        }
    }

    /** CPU used by this process and all its descendants (the hosts) over a window, in % of one core. */
    static double idleCpuPercent(long millis) throws InterruptedException {
        long before = treeCpuNanos();
        long w0 = System.nanoTime();
        Thread.sleep(millis);
        long after = treeCpuNanos();
        return 100.0 * (after - before) / (System.nanoTime() - w0);
    }

    private static long treeCpuNanos() {
        ProcessHandle self = ProcessHandle.current();
        long total = cpu(self);
        for (ProcessHandle child : self.descendants().toList()) {
            total += cpu(child);
        }
        return total;
    }

    private static long cpu(ProcessHandle h) {
        return h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static double us(long nanos) {
        return round(nanos / 1000.0);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
