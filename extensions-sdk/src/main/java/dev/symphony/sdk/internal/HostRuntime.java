package dev.symphony.sdk.internal;

import dev.symphony.ipc.api.Channels;
import dev.symphony.ipc.api.ChronicleRuntime;
import dev.symphony.ipc.api.DoorbellIdleStrategy;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.EndpointContext;
import dev.symphony.ipc.api.EndpointPump;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.protocol.HostProtocol;
import dev.symphony.sdk.api.ExtensionContext;
import dev.symphony.sdk.api.SymphonyExtension;
import dev.symphony.sdk.services.KernelServices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The extension host process's runtime, started by {@code dev.symphony.sdk.host.ExtensionHostMain}.
 * Arguments (all given by the kernel's supervisor): {@code --channel DIR --extension-dir DIR
 * --kernel-pid PID --workspace DIR --home DIR --extension-data DIR [--dev] [--trace]}. Exits when the kernel says
 * so, when the kernel process ends, or when the channel's doorbell connection closes; never outlives
 * the kernel.
 */
public final class HostRuntime {
    /** Heartbeat period; the kernel declares a host hung after several missed ones. */
    public static final Duration HEARTBEAT = Duration.ofMillis(250);

    private HostRuntime() {
    }

    public static void run(String[] args) throws Exception {
        run(args, true);
    }

    /** {@code exit}: end the JVM when the host ends (a host process); false in {@link HostTraining}, which ends it itself. */
    static void run(String[] args, boolean exit) throws Exception {
        long mainNanos = System.nanoTime();
        Map<String, String> a = parse(args);
        Path extensionDir = Path.of(a.get("--extension-dir"));
        long kernelPid = Long.parseLong(a.get("--kernel-pid"));
        // Inside a sandbox's PID namespace the kernel is invisible; then the doorbell's end of
        // stream (the kernel's side of the socket closes with its process) ends the host.
        ProcessHandle.of(kernelPid).ifPresent(kernel -> kernel.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));

        // Chronicle's one-time initialisation is the slowest part of a host start: overlap it with
        // reading the manifest and loading the plugin.
        Thread chronicleInit = ChronicleRuntime.prepareInBackground();
        Path manifestFile = extensionDir.resolve(ManifestReader.FILE_NAME);
        // the kernel validated the manifest against its schema before starting this host
        ExtensionManifest manifest = ManifestReader.readValidated(Files.readAllBytes(manifestFile));
        long manifestNanos = System.nanoTime();
        PluginHost plugin = PluginHost.load(extensionDir, manifest, a.containsKey("--dev"));

        CapabilityRegistry registry = new CapabilityRegistry();
        SymphonyExtension extension = plugin.extension();
        extension.register(registry);
        registry.verify(manifest);

        AtomicBoolean running = new AtomicBoolean(true);
        var roots = new PermissionChecker.Roots(Path.of(a.get("--workspace")), Path.of(a.get("--home")),
                Path.of(a.get("--extension-data")));
        var workers = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, manifest.id() + "-worker");
            t.setDaemon(true);
            return t;
        });
        workers.allowCoreThreadTimeOut(true);
        LateBroker broker = new LateBroker();
        KernelServices services = new KernelServices(broker, new PermissionChecker(manifest.permissions(), roots), roots);
        HostTrace trace = a.containsKey("--trace") ? new HostTrace(true) : HostTrace.OFF;
        HostDispatcher dispatcher = new HostDispatcher(manifest, registry, services, workers, () -> running.set(false), trace);
        chronicleInit.join();
        Endpoint endpoint = Channels.connect(new EndpointContext().channelDir(Path.of(a.get("--channel")))
                .kernelSide(false).peerName(manifest.id()).handler(dispatcher).heartbeatInterval(HEARTBEAT));
        long connectedNanos = System.nanoTime();
        broker.bind(new BusBroker(endpoint, Duration.ofSeconds(30), trace));
        endpoint.busyWhen(dispatcher::busy);
        extension.activate(new ExtensionContext() {
            @Override
            public ExtensionManifest manifest() {
                return manifest;
            }

            @Override
            public KernelServices services() {
                return services;
            }
        });
        endpoint.sendHello(PayloadCodec.encode(new HostProtocol.Hello(manifest.id(), manifest.version(),
                ProcessHandle.current().pid(), List.copyOf(manifest.capabilities().stream()
                .map(ExtensionManifest.Capability::name).toList()))));

        long jvmMillis = ProcessHandle.current().info().startInstant()
                .map(i -> java.time.Duration.between(i, java.time.Instant.now()).toMillis()).orElse(-1L);
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        System.err.printf("symphony host %s: ready %d ms after JVM start, %d ms CPU (main: %d ms: manifest %d ms, PF4J load %d ms, bus %d ms)%n",
                manifest.id(), jvmMillis, cpuMillis, (System.nanoTime() - mainNanos) / 1_000_000, (manifestNanos - mainNanos) / 1_000_000,
                plugin.loadMillis(), (connectedNanos - manifestNanos) / 1_000_000 - plugin.loadMillis());
        EndpointPump pump = new EndpointPump("host-pump", true);
        pump.add(endpoint);
        DoorbellIdleStrategy idle = new DoorbellIdleStrategy(pump, 2_000_000, 1000);
        while (running.get() && !endpoint.isClosed()) {
            try {
                idle.idle(pump.doWork());
            } catch (RuntimeException unexpected) { // the bus breaks a channel on bad frames itself; anything else ends the host visibly
                System.err.println("host pump failed; the host exits and the kernel restarts it by its policy: " + unexpected);
                unexpected.printStackTrace();
                break;
            }
        }
        try {
            dispatcher.awaitIdle(1000); // calls cancelled by the shutdown finish first (within the kernel's 2 s grace)
            extension.deactivate();
        } finally {
            plugin.close();
            endpoint.close();
            if (exit) {
                System.exit(0); // a normal exit: lets the JVM write its class-data-sharing archive when asked to
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dev") || args[i].equals("--trace")) {
                out.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                out.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
        }
        for (String required : List.of("--channel", "--extension-dir", "--kernel-pid", "--workspace", "--home", "--extension-data")) {
            if (!out.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required);
            }
        }
        return out;
    }
}
