package dev.symphony.kernel.extensions;

import dev.symphony.ipc.api.BusPaths;
import dev.symphony.contract.CallFailedException;
import dev.symphony.ipc.api.BusException;
import dev.symphony.ipc.api.Channels;
import dev.symphony.ipc.api.Endpoint;
import dev.symphony.ipc.api.EndpointContext;
import dev.symphony.contract.ErrorCode;
import dev.symphony.kernel.bus.HostClasspath;
import dev.symphony.kernel.bus.KernelBus;
import dev.symphony.kernel.process.JvmFlags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One running extension-host JVM and its channel. Started with the same Java runtime as the
 * kernel, the shared JVM flags, {@code -Xmx} from the manifest, exit on OutOfMemoryError, and (where
 * available) inside the OS sandbox; its output goes to {@code <data>/logs/extensions/<id>.log}.
 */
final class HostProcess {
    final Player player;
    final Process process;
    final Endpoint endpoint;
    final Path channelDir;
    final long startedNanos;
    final long readyNanos;
    /** Runs under the OS sandbox; the programs it starts through the broker then run in one too. */
    final boolean sandboxed;
    /** The OS limits the host runs under (tasks, memory). */
    final HostLimits limits;
    volatile boolean dead;
    /** Why the kernel stopped it over a quota (its data folder), once it did; its callers get LIMIT_EXCEEDED with this. */
    volatile String stoppedOverQuota;
    boolean writesArchive;

    private HostProcess(Player player, Process process, Endpoint endpoint, Path channelDir, long startedNanos, long readyNanos,
                        boolean sandboxed, HostLimits limits) {
        this.limits = limits;
        this.sandboxed = sandboxed;
        this.player = player;
        this.process = process;
        this.endpoint = endpoint;
        this.channelDir = channelDir;
        this.startedNanos = startedNanos;
        this.readyNanos = readyNanos;
    }

    long pid() {
        return process.pid();
    }

    static HostProcess start(Player player, KernelContext context, HostPriority priority, KernelBus bus, KernelBroker broker,
                             Path logFile, HostSpawner spawner, boolean sandboxed)
            throws IOException {
        var manifest = player.manifest;
        long started = System.nanoTime();
        DataQuota.checkBeforeStart(player.id(), player.roots.extensionData(), context.dataQuotaBytes());
        Channels.Listener listener = bus.newChannel(player.id());
        Path dataDir = player.roots.extensionData();
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        Path cdsDir = ClassDataSharing.folder(context.paths().cache("host-cds"), player.id()); // its own: no shared writable class data
        Files.createDirectories(cdsDir);
        JvmFlags flags = JvmFlags.forCurrentRuntime();
        java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.putAll(flags.environment());
        boolean instrument = manifest.kind() == dev.symphony.contract.manifest.ExtensionManifest.Kind.INSTRUMENT
                || manifest.capabilities().stream().anyMatch(c -> c.kind() == dev.symphony.contract.manifest.ExtensionManifest.Kind.INSTRUMENT);
        List<Path> djlCaches = Sandbox.djlCaches(instrument, env);
        int niceness = priority.niceness();
        List<String> cmd = new ArrayList<>(niceness(niceness));
        SettingFiles.Grant settingFiles = SettingFiles.grant(manifest, context.paths().userSettingsFile());
        HostLimits limits = HostLimits.create(player.id(), HostLimits.MAX_TASKS,
                HostLimits.memoryBytes(manifest.permissions().maxHeapMb(), HostTools.granted(manifest)) + settingFiles.bytes());
        cmd.addAll(DataQuota.prefix(DataQuota.BYTES)); // each file it writes, in its data folder or anywhere
        cmd.addAll(limits.prefix()); // before the sandbox: bwrap, the JVM and whatever it starts are all inside
        broker.log(player.id(), "limits: " + limits.describe());
        List<Path> readOnly = new ArrayList<>(HostTools.readOnlyBinds(manifest, context.paths().tools(), player.roots.workspace()));
        readOnly.addAll(djlCaches); // read-only: the IDE and every other Instrument load the natives there
        readOnly.addAll(settingFiles.files()); // the files the user's settings name (permissions.settingFiles), each alone
        settingFiles.skipped().forEach(why -> broker.log(player.id(), "setting file not given to the host: " + why));
        String cdsKey = ClassDataSharing.key(context.hostClasspath());
        Path cdsBaseFolder = HostBaseArchive.folder(context.hostClasspath(), context.paths().cache("host-cds-base"));
        Path cdsBaseFile = HostBaseArchive.file(cdsBaseFolder, cdsKey);
        Optional<Path> cdsBase = HostBaseArchive.find(cdsBaseFile);
        cdsBase.ifPresent(readOnly::add); // the hosts' shared class data: mapped, never written, by hosts
        cmd.addAll(Sandbox.prefix(sandboxed, context.hostClasspath(), player.dir(),
                listener.dir(), dataDir, cdsDir, List.of(), readOnly, Sandbox.workspaceBind(manifest.permissions(), player.roots.workspace())));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags.flags());
        cmd.add("-Xmx" + manifest.permissions().maxHeapMb() + "m");
        cmd.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss512k",
                "-XX:CICompilerCount=2", "-Dsymphony.extension=" + player.id()));
        // The JIT compiles only what is 10x as hot as its defaults: a host's start code runs once and
        // compiling it was a third of the start's CPU (650 -> 430 ms); request paths still reach C2,
        // and Symphony's and the bus's own packages keep the usual thresholds.
        cmd.addAll(flags.hostJitFlags());
        double share = manifest.permissions().maxCpuShare();
        if (share < 1.0) {
            int cpus = Math.max(1, (int) Math.floor(share * Runtime.getRuntime().availableProcessors()));
            cmd.add("-XX:ActiveProcessorCount=" + cpus);
        }
        List<String> cds = ClassDataSharing.flags(cdsDir, cdsKey, cdsBase);
        cmd.addAll(cds);
        if (cdsBase.isEmpty()) { // made once per runtime and classpath, by the kernel, from no extension's code
            HostBaseArchive.makeInBackground(cdsBaseFile, context.hostClasspath(), niceness(19),
                    message -> broker.log(player.id(), message));
        }
        cmd.addAll(context.hostJvmArgs());
        // the extension's home is its data folder: a library's own state (JGit's config and file-system figures, JNA's
        // cache) lands there, not in the user's home nor, sandboxed (no home at all), in a folder named "?"
        cmd.add("-Duser.home=" + dataDir);
        cmd.addAll(List.of("-cp", context.hostClasspath(), HostClasspath.MAIN_CLASS,
                "--channel", listener.dir().toString(),
                "--extension-dir", player.dir().toString(),
                "--kernel-pid", Long.toString(ProcessHandle.current().pid()),
                "--workspace", player.roots.workspace().toString(),
                "--home", player.roots.home().toString(),
                "--extension-data", dataDir.toString()));
        if (player.development()) {
            cmd.add("--dev");
        }
        if (context.trace() != KernelTrace.NONE) {
            cmd.add("--trace");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dataDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        HostEnvironment.apply(pb.environment(), System.getenv()); // no API keys or tokens from the IDE's environment
        pb.environment().putAll(flags.environment());
        pb.environment().put("HOME", dataDir.toString());
        if (HostTools.granted(manifest)) {
            pb.environment().put(dev.symphony.kernel.paths.SymphonyPaths.TOOLS_ENV, context.paths().tools().toString());
        }
        if (!djlCaches.isEmpty()) {
            // explicit, so that a sandboxed host (no user.home) finds the cache bound for it
            pb.environment().put("DJL_CACHE_DIR", djlCaches.get(0).toString());
        }
        Process process;
        try {
            process = spawner.start(pb);
            context.trace().mark("start.spawned", System.nanoTime());
        } catch (IOException | RuntimeException e) {
            limits.close();
            throw e;
        }
        process.onExit().thenRun(() -> {
            limits.close();
            if (limits.peakBytes() >= 0) {
                broker.log(player.id(), "memory: peak " + (limits.peakBytes() >> 20) + " MB of its " + (limits.memoryLimit() >> 20) + " MB limit");
            }
        });
        Optional<CpuQuota> quota = share >= 1.0 ? Optional.empty() : limits.unifiedGroup().isPresent()
                ? CpuQuota.inGroup(limits.unifiedGroup().get(), share, niceness)
                : CpuQuota.create(CpuQuota.groupName(player.id()), share, niceness);
        quota.ifPresent(q -> process.onExit().thenRun(priority.track(player.id(), q, niceness)));
        joinQuota(quota, process, broker, player, share);
        CompletableFuture<Void> hello = new CompletableFuture<>();
        Endpoint endpoint;
        try {
            endpoint = listener.accept(new EndpointContext().peerName(player.id()).handler(broker.handlerFor(player, hello)),
                    context.hostStartTimeout(), process::isAlive);
        } catch (BusException e) {
            process.destroyForcibly();
            BusPaths.deleteRecursively(listener.dir());
            throw new CallFailedException(BusFailures.of(e).code(), e.getMessage() + " (see " + logFile + ")");
        } finally {
            listener.close();
        }
        context.trace().mark("start.connected", System.nanoTime());
        bus.add(endpoint);
        try {
            long deadline = System.nanoTime() + context.hostStartTimeout().toNanos();
            while (!hello.isDone()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new CallFailedException(process.isAlive() ? ErrorCode.TIMEOUT : ErrorCode.CRASHED,
                            "extension host of " + player.id() + (process.isAlive() ? " did not become ready" : " exited with code "
                                    + process.exitValue()) + " while starting (see " + logFile + ")");
                }
                try {
                    hello.get(5, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException ignored) {
                    // poll again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CallFailedException(ErrorCode.CANCELLED, "interrupted while starting " + player.id());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new CallFailedException(ErrorCode.CRASHED, String.valueOf(e.getCause()));
                }
            }
        } catch (CallFailedException e) {
            bus.remove(endpoint);
            endpoint.close();
            process.destroyForcibly();
            BusPaths.deleteRecursively(listener.dir());
            throw e;
        }
        context.trace().mark("start.ready", System.nanoTime());
        joinQuota(quota, process, null, player, share); // the JVM a sandbox wrapper started meanwhile
        quota.ifPresent(q -> process.onExit().thenRun(q::close));
        HostProcess h = new HostProcess(player, process, endpoint, listener.dir(), started, System.nanoTime(), sandboxed, limits);
        h.writesArchive = ClassDataSharing.writes(cds);
        return h;
    }

    /** {@code nice -n N} where the OS has it and a lower priority was asked for. */
    private static List<String> niceness(int niceness) {
        if (niceness <= 0 || System.getProperty("os.name", "").startsWith("Windows")) {
            return List.of();
        }
        for (String dir : List.of("/usr/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, "nice"))) {
                return List.of(dir + "/nice", "-n", Integer.toString(niceness));
            }
        }
        return List.of();
    }

    /** Puts the host's processes (a sandbox wrapper and the JVM under it) into its CPU quota group. */
    private static void joinQuota(Optional<CpuQuota> quota, Process process, KernelBroker broker, Player player, double share) {
        if (quota.isEmpty()) {
            if (broker != null && share < 1.0) {
                broker.log(player.id(), "CPU share " + share + " is a JVM hint only: no control group can be made here");
            }
            return;
        }
        try {
            quota.get().add(process.toHandle());
            for (ProcessHandle child : process.descendants().toList()) {
                quota.get().add(child);
            }
            if (broker != null) {
                broker.log(player.id(), "CPU limited to " + share + " of the machine by " + quota.get().describe());
            }
        } catch (IOException e) {
            if (broker != null) {
                broker.log(player.id(), "could not apply the CPU quota: " + e.getMessage());
            }
        }
    }

    /** Asks the host to exit, waits briefly, then kills it. */
    void stop(KernelBus bus) {
        dead = true;
        try {
            endpoint.sendShutdown();
        } catch (RuntimeException ignored) {
            // channel already broken
        }
        try {
            if (!process.waitFor(writesArchive ? 20 : 2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        release(bus);
    }

    void release(KernelBus bus) {
        bus.remove(endpoint);
        endpoint.close();
        BusPaths.deleteRecursively(channelDir);
    }
}
