package dev.symphony.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.ipc.api.BusStatus;
import dev.symphony.ipc.api.Channels;
import dev.symphony.ipc.api.DoorbellIdleStrategy;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.EndpointContext;
import dev.symphony.ipc.api.EndpointPump;
import dev.symphony.ipc.api.Envelope;
import dev.symphony.ipc.api.InboundHandler;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.Capabilities;
import dev.symphony.sdk.api.SymphonyExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A host started as the kernel starts one, with an extension of the SDK's own and the kernel's end of the channel in
 * this same process, which answers the host's hello with a shutdown. The kernel runs it with
 * {@code -XX:DumpLoadedClassList} to learn which classes a host loads on its way to ready (no extension's code is
 * involved: the class list of the host runtime's shared archive comes from Symphony's own jars only). Exits 0 when the
 * host came up and shut down, 1 otherwise.
 */
public final class HostTraining {
    static final String ID = "dev.symphony.host-training";
    private static final String MANIFEST = """
            {"id": "%s", "version": "1.0.0", "publisher": "Symphony", "displayName": "Host training",
             "description": "The host runtime's class-data training run.", "kind": "operator",
             "entryClass": "%s", "engine": "[0.1.0,1.0.0)",
             "capabilities": [{"name": "echo", "description": "Returns its input.",
               "input": {"type": "object"}, "output": {"type": "object"}}],
             "permissions": {"maxHeapMb": 64}, "activation": ["onCall"]}
            """.formatted(ID, Extension.class.getName());

    private HostTraining() {
    }

    /** The training run's own extension: one Operator that returns its input. */
    public static final class Extension implements SymphonyExtension {
        @Override
        public void register(Capabilities capabilities) {
            capabilities.operator("echo", (JsonNode input, CallContext context) -> input);
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("symphony-host-training");
        int status = 1;
        try {
            status = train(work) ? 0 : 1;
        } finally {
            delete(work);
        }
        System.exit(status); // the host runtime's own threads would keep the JVM alive
    }

    private static boolean train(Path work) throws Exception {
        Path extension = Files.createDirectories(work.resolve("extension"));
        Files.writeString(extension.resolve(ManifestReader.FILE_NAME), MANIFEST);
        Path data = Files.createDirectories(work.resolve("data"));
        Path channel = work.resolve("channel");
        Channels.Listener listener = Channels.listen(channel);
        // the process that started this run stands in for the kernel: the host ends with it
        long starter = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        String[] hostArgs = {"--channel", channel.toString(), "--extension-dir", extension.toString(),
                "--kernel-pid", Long.toString(starter), "--workspace", data.toString(), "--home", data.toString(),
                "--extension-data", data.toString()};
        Thread host = new Thread(() -> {
            try {
                HostRuntime.run(hostArgs, false);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "training-host");
        host.setDaemon(true);
        host.start();
        CountDownLatch hello = new CountDownLatch(1);
        InboundHandler kernelSide = new InboundHandler() {
            @Override
            public void onRequest(Endpoint endpoint, Envelope request) {
                endpoint.respondError(request.correlationId(), BusStatus.NO_HANDLER, "the training run's kernel serves nothing");
            }

            @Override
            public void onHello(Endpoint endpoint, Envelope message) {
                hello.countDown();
            }
        };
        Endpoint kernel = listener.accept(new EndpointContext().peerName(ID).handler(kernelSide), Duration.ofSeconds(30),
                host::isAlive);
        listener.close();
        EndpointPump pump = new EndpointPump("training-kernel-pump", false);
        pump.add(kernel);
        DoorbellIdleStrategy idle = new DoorbellIdleStrategy(pump, 2_000_000, 100);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (hello.getCount() > 0 && System.nanoTime() < deadline && host.isAlive()) {
            idle.idle(pump.doWork());
        }
        if (hello.getCount() > 0) {
            return false;
        }
        kernel.sendShutdown();
        while (host.isAlive() && System.nanoTime() < deadline) {
            idle.idle(pump.doWork());
        }
        kernel.close();
        return !host.isAlive();
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind
        }
    }
}
