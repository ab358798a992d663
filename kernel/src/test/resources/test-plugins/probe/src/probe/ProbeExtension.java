package probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.sdk.api.TokenSink;
import dev.symphony.sdk.api.SymphonyExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Kernel test plugin: behaves well, badly and in between, on request. Compiled by the kernel tests. */
public class ProbeExtension implements SymphonyExtension {
    static final AtomicInteger CANCELLATIONS = new AtomicInteger();
    static final List<byte[]> HOARD = new ArrayList<>();
    static final AtomicInteger WARM_UPS = new AtomicInteger();
    static volatile boolean failNextWarmUp;

    /** Counts a cancelled words stream, and records it in the host's working folder (its data folder), which outlives the host. */
    static void cancelled(int words) {
        CANCELLATIONS.incrementAndGet();
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("words-cancelled.txt"), "after " + words + " words\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException ignored) {
            // the count is what the in-process tests check
        }
    }

    static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public void register(Capabilities c) {
        c.operator("echo", (in, ctx) -> obj().set("echo", in));
        c.operator("environment", (in, ctx) -> { // what a hostile host would look for: API keys in its environment
            ObjectNode env = obj();
            System.getenv().forEach(env::put);
            return obj().set("env", env);
        });
        c.operator("strict", (in, ctx) -> obj().put("twice", in.path("n").asInt() * 2));
        c.instrument("words", (in, out, ctx) -> {
            int n = in.path("count").asInt(10);
            long delay = in.path("delayMs").asLong(0);
            for (int i = 0; i < n; i++) {
                if (out.cancelled()) {
                    cancelled(i);
                    return;
                }
                try {
                    out.token("w" + i + " ");
                } catch (RuntimeException cancelled) {
                    cancelled(i);
                    throw cancelled;
                }
                if (delay > 0) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        cancelled(i);
                        return;
                    }
                }
            }
        });
        c.instrument("slow", (in, out, ctx) -> {
            Thread.sleep(in.path("ms").asLong(10_000));
            out.token("late");
        });
        c.instrument("model", new Instrument() {
            @Override
            public void warmUp(CallContext ctx) throws Exception {
                WARM_UPS.incrementAndGet();
                Thread.sleep(300); // "loading weights"
                if (failNextWarmUp) {
                    failNextWarmUp = false;
                    throw new java.io.IOException("weights missing (test)");
                }
            }

            @Override
            public void generate(JsonNode in, TokenSink out, CallContext ctx) {
                for (int i = 0; i < in.path("tokens").asInt(2); i++) {
                    out.token("t");
                }
            }
        });
        c.operator("warm-ups", (in, ctx) -> obj().put("count", WARM_UPS.get()));
        c.operator("fail-next-warm-up", (in, ctx) -> {
            failNextWarmUp = true;
            return obj();
        });
        // an Instrument's host sees the DJL cache (bound into its sandbox): read what is there, try to plant a file
        c.operator("djl-cache", (in, ctx) -> {
            java.nio.file.Path cache = java.nio.file.Path.of(System.getenv("DJL_CACHE_DIR"));
            var out = obj().put("cache", cache.toString());
            out.put("read", java.nio.file.Files.readString(cache.resolve(in.path("read").asText())));
            try {
                java.nio.file.Files.writeString(cache.resolve(in.path("plant").asText()), "planted by the probe host");
                out.put("planted", true);
            } catch (java.io.IOException e) {
                out.put("planted", false).put("error", e.toString());
            }
            return out;
        });
        c.operator("threads", (in, ctx) -> { // a thread bomb: start up to n threads that wait, count how many started
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.List<Thread> started = new java.util.ArrayList<>();
            String error = null;
            try {
                for (int i = 0; i < in.path("n").asInt(); i++) {
                    Thread t = new Thread(null, () -> {
                        try {
                            release.await();
                        } catch (InterruptedException ignored) {
                            // released
                        }
                    }, "bomb-" + i, 64 * 1024);
                    t.start();
                    started.add(t);
                }
            } catch (Throwable e) { // OutOfMemoryError: unable to create native thread
                error = e.toString();
            } finally {
                release.countDown();
            }
            for (Thread t : started) {
                t.join();
            }
            var out = obj().put("started", started.size());
            return error == null ? out : out.put("error", error);
        });
        c.operator("allocate", (in, ctx) -> { // native memory outside the heap, touched, 16 MB at a time, never freed
            java.lang.reflect.Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            f.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) f.get(null);
            int chunks = in.path("mb").asInt() / 16;
            for (int i = 0; i < chunks; i++) {
                long address = unsafe.allocateMemory(16L << 20);
                unsafe.setMemory(address, 16L << 20, (byte) 1);
            }
            return obj().put("allocated", chunks * 16);
        });
        c.operator("fill", (in, ctx) -> { // write n MB into a file in a folder (the sandbox's /tmp, /dev/shm, ...)
            java.nio.file.Path file = java.nio.file.Path.of(in.path("dir").asText(), "fill-" + System.nanoTime());
            byte[] mb = new byte[1 << 20];
            java.util.Arrays.fill(mb, (byte) 1);
            int written = 0;
            String error = null;
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                for (; written < in.path("mb").asInt(); written++) {
                    out.write(mb);
                }
            } catch (java.io.IOException e) {
                error = e.toString();
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
            var out = obj().put("written", written);
            return error == null ? out : out.put("error", error);
        });
        c.operator("hoard", (in, ctx) -> { // files of 1 MB each, kept, a pause between them, until a write fails
            java.nio.file.Path dir = java.nio.file.Path.of(in.path("dir").asText());
            byte[] mb = new byte[1 << 20];
            int written = 0;
            for (; written < in.path("files").asInt(); written++) {
                java.nio.file.Files.write(dir.resolve("hoard-" + written), mb);
                Thread.sleep(in.path("pauseMs").asLong(20));
            }
            return obj().put("written", written);
        });
        c.operator("bus-flood", (in, ctx) -> { // brokered requests of kb KiB each, one after another, as fast as answered
            String big = "k".repeat(in.path("kb").asInt() << 10);
            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            String refusal = "";
            long start = System.nanoTime();
            for (int i = 0; i < in.path("count").asInt(); i++) {
                try {
                    ctx.services().broker().request("settings.get", Map.of("key", big));
                    outcomes.merge("answered", 1, Integer::sum);
                } catch (dev.symphony.sdk.api.ExtensionException e) {
                    outcomes.merge(e.code().name(), 1, Integer::sum);
                    refusal = e.getMessage();
                }
            }
            ObjectNode out = obj().put("seconds", (System.nanoTime() - start) / 1e9).put("refusal", refusal);
            outcomes.forEach(out::put);
            return out;
        });
        c.operator("crash", (in, ctx) -> {
            Runtime.getRuntime().halt(42);
            return obj();
        });
        c.operator("hang", (in, ctx) -> {
            while (true) {
                Thread.sleep(1000);
            }
        });
        c.operator("stall", (in, ctx) -> { // on the bus thread: no heartbeat meanwhile, as when the machine holds the host back
            Thread.sleep(in.path("ms").asLong(1500));
            return obj().put("stalled", true);
        });
        c.operator("leak", (in, ctx) -> {
            while (true) {
                HOARD.add(new byte[1 << 20]);
            }
        });
        c.operator("read", (in, ctx) -> obj().put("text", ctx.services().files().read(in.path("path").asText())));
        c.operator("read-raw", (in, ctx) -> ctx.services().broker().request("files.read", Map.of("path", in.path("path").asText())));
        c.operator("read-direct", (in, ctx) -> obj().put("text",
                java.nio.file.Files.readString(java.nio.file.Path.of(in.path("path").asText())))); // bypasses the broker
        c.operator("cancellations", (in, ctx) -> obj().put("count", CANCELLATIONS.get()));
        c.operator("heap", (in, ctx) -> obj().put("maxMb", Runtime.getRuntime().maxMemory() >> 20));
        c.operator("emit", (in, ctx) -> {
            ctx.services().events().emit(in.path("name").asText(), in.path("payload"));
            return obj();
        });
        c.operator("flood", (in, ctx) -> { // one-way events as fast as the host can send them
            int n = in.path("count").asInt(1000);
            for (int i = 0; i < n; i++) {
                ctx.services().events().emit("flood", obj().put("i", i));
            }
            return obj().put("sent", n);
        });
        c.instrument("parallel-fetch", (in, sink, ctx) -> { // more brokered requests at once than a host may have (on a worker)
            int n = in.path("count").asInt(12);
            java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(() -> {
                    String outcome;
                    try {
                        outcome = "status " + ctx.services().network().fetch(in.path("url").asText(), 10_000).status();
                    } catch (dev.symphony.sdk.api.ExtensionException e) {
                        outcome = e.code().name();
                    }
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            ObjectNode out = obj();
            outcomes.forEach((k, v) -> out.put(k, v.get()));
            sink.emit(out);
        });
        c.instrument("run", (in, sink, ctx) -> { // a program through the processes permission (on a worker)
            List<String> command = new ArrayList<>();
            in.path("command").forEach(part -> command.add(part.asText()));
            var r = ctx.services().processes().run(command, in.hasNonNull("dir") ? in.path("dir").asText() : null, 20_000);
            sink.emit(obj().put("exit", r.exitCode()).put("out", r.stdout()).put("err", r.stderr()));
        });
        c.operator("setting", (in, ctx) -> obj().set("value", ctx.services().settings().get(in.path("key").asText())));
        c.operator("settings", (in, ctx) -> { // several in one round trip (settings.getMany)
            List<String> keys = new ArrayList<>();
            in.path("keys").forEach(k -> keys.add(k.asText()));
            var values = obj();
            ctx.services().settings().get(keys).forEach(values::set);
            return obj().set("values", values);
        });
    }
}
