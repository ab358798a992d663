package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.kernel.bus.HostClasspath;
import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.settings.SettingsSchema;
import dev.symphony.kernel.settings.SettingsService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Configuration of a {@link Kernel}: fluent setters; {@link #conclude()} fills defaults. */
public final class KernelContext {
    /** The engine version extensions' {@code engine} ranges are checked against. */
    public static final String ENGINE_VERSION = "0.1.0";

    private SymphonyPaths paths;
    private Path workspace;
    private Path userHome;
    private final List<Path> developmentRoots = new ArrayList<>();
    private final List<Path> bundledRoots = new ArrayList<>();
    private String hostClasspath;
    private Duration hangTimeout;
    /**
     * How long a busy host may send nothing before it is killed as hung. A host heartbeats every 250 ms while it has
     * work, but on a loaded machine a healthy host's JVM can go a second and more without running at all (0.9 and
     * 1.25 s seen on two cores under a build, and hosts killed so in the test suite): 750 ms, the figure before,
     * killed working hosts — a language server's with its state — where a user compiles. A hang is still found
     * within ~3.2 s (checked every 200 ms).
     */
    public static final Duration DEFAULT_HANG_TIMEOUT = Duration.ofSeconds(3);
    private long dataQuotaBytes;
    private long requestBytesPerSecond;
    private Duration hostStartTimeout;
    private Sandbox.Mode sandbox;
    private final List<String> hostJvmArgs = new ArrayList<>();
    private int hostNiceness;
    private Function<String, JsonNode> settings;
    private dev.symphony.kernel.secrets.KernelSecrets secrets;
    private KernelTrace trace;

    /** Set by the installed product's launcher: the folder of the extensions it ships. */
    public static final String BUNDLED_PROPERTY = "symphony.bundled.extensions";

    /**
     * The context the IDE and the CLI share: the user's installed extensions (SYMPHONY_HOME or the
     * OS data folder), those bundled with an installed product ({@value #BUNDLED_PROPERTY}) and, in a
     * source checkout, the built modules under {@code sample-extensions/} in PF4J development mode.
     */
    public static KernelContext standard() {
        KernelContext context = new KernelContext().paths(SymphonyPaths.resolve());
        String bundled = System.getProperty(BUNDLED_PROPERTY);
        if (bundled != null && !bundled.isBlank()) {
            context.bundledRoot(Path.of(bundled).toAbsolutePath().normalize());
        }
        HostClasspath.RepositoryRoot.find().ifPresent(repo -> context.developmentRoot(repo.resolve("sample-extensions")));
        return context;
    }

    public KernelContext paths(SymphonyPaths paths) {
        this.paths = paths;
        return this;
    }

    public KernelContext workspace(Path workspace) {
        this.workspace = workspace;
        return this;
    }

    /**
     * The folder manifests' {@code ${home}} globs name (default: the {@code user.home} of this JVM). Only what a
     * manifest grants under it is read, by the kernel, for the extension; tests point it at a scratch folder.
     */
    public KernelContext userHome(Path home) {
        this.userHome = home;
        return this;
    }

    public Path userHome() {
        return userHome != null ? userHome : Path.of(System.getProperty("user.home"));
    }

    /** A folder whose sub-folders are extension source modules (PF4J development mode), e.g. {@code sample-extensions}. */
    public KernelContext developmentRoot(Path dir) {
        developmentRoots.add(dir);
        return this;
    }

    /** A read-only folder of unpacked extension archives shipped with the product (approved as shipped). */
    public KernelContext bundledRoot(Path dir) {
        bundledRoots.add(dir);
        return this;
    }

    public KernelContext hostClasspath(String classpath) {
        this.hostClasspath = classpath;
        return this;
    }

    /**
     * A host with no message (heartbeats included) for this long while calls to it are in flight is killed as hung;
     * by default {@link #DEFAULT_HANG_TIMEOUT}.
     */
    public KernelContext hangTimeout(Duration timeout) {
        this.hangTimeout = timeout;
        return this;
    }

    /** The most an extension's data folder may hold, before a start and while its host runs ({@link DataFolderWatch}). */
    public KernelContext dataQuota(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a data quota must be positive, not " + bytes);
        }
        this.dataQuotaBytes = bytes;
        return this;
    }

    public long dataQuotaBytes() {
        return dataQuotaBytes;
    }

    /** The bytes a second of requests one host may send the kernel on the bus ({@link HostQuota}). */
    public KernelContext requestBytesPerSecond(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a bus quota must be positive, not " + bytes);
        }
        this.requestBytesPerSecond = bytes;
        return this;
    }

    public long requestBytesPerSecond() {
        return requestBytesPerSecond;
    }

    public KernelContext hostStartTimeout(Duration timeout) {
        this.hostStartTimeout = timeout;
        return this;
    }

    public KernelContext sandbox(Sandbox.Mode mode) {
        this.sandbox = mode;
        return this;
    }

    /** Extra JVM options for every host (tests, diagnostics). */
    public KernelContext hostJvmArg(String arg) {
        hostJvmArgs.add(arg);
        return this;
    }

    /**
     * Where extension settings ({@code EXTENSION_ID.key} in settings.json) are read: the IDE passes
     * its live settings service. Without one, the kernel reads the user's and the workspace's
     * settings files once, on an extension's first request.
     */
    public KernelContext settings(Function<String, JsonNode> lookup) {
        this.settings = lookup;
        return this;
    }

    /** Where the HTTP broker finds the secrets it adds to requests; default: the user's store, then the kernel's environment. */
    public KernelContext secrets(dev.symphony.kernel.secrets.KernelSecrets secrets) {
        this.secrets = secrets;
        return this;
    }

    public dev.symphony.kernel.secrets.KernelSecrets secrets() {
        return secrets;
    }

    /** Marks where streamed model output spends its time (benchmarks); hosts then report theirs too. Default: none. */
    public KernelContext trace(KernelTrace trace) {
        this.trace = trace;
        return this;
    }

    public KernelTrace trace() {
        return trace;
    }

    /**
     * Starts hosts at a lower CPU priority ({@code nice}, Unix only; their CPU groups at the matching weight) until
     * {@link Kernel#normalHostPriority()}: the IDE's window then never waits for an extension host, not even while
     * several start beside it. Default 0 (normal).
     */
    public KernelContext hostNiceness(int niceness) {
        this.hostNiceness = niceness;
        return this;
    }

    public int hostNiceness() {
        return hostNiceness;
    }

    public KernelContext conclude() {
        if (paths == null) {
            paths = SymphonyPaths.resolve();
        }
        if (workspace == null) {
            workspace = Path.of("").toAbsolutePath();
        }
        if (hostClasspath == null) {
            hostClasspath = HostClasspath.resolve();
        }
        if (hangTimeout == null) {
            hangTimeout = DEFAULT_HANG_TIMEOUT;
        }
        if (requestBytesPerSecond == 0) {
            requestBytesPerSecond = HostQuota.REQUEST_BYTES_PER_SECOND;
        }
        if (dataQuotaBytes == 0) {
            dataQuotaBytes = DataQuota.BYTES;
        }
        if (hostStartTimeout == null) {
            hostStartTimeout = Duration.ofSeconds(30);
        }
        if (sandbox == null) {
            sandbox = Sandbox.Mode.fromProperty();
        }
        if (trace == null) {
            trace = KernelTrace.NONE;
        }
        if (secrets == null) {
            secrets = dev.symphony.kernel.secrets.KernelSecrets.standard(paths);
        }
        if (settings == null) {
            SymphonyPaths home = paths;
            Path root = workspace;
            var files = new AtomicReference<SettingsService>();
            settings = key -> files.updateAndGet(s -> s != null ? s : new SettingsService(
                    SettingsSchema.core(), home.userSettingsFile(), SettingsService.workspaceFileOf(root))).get(key);
        }
        return this;
    }

    public SymphonyPaths paths() {
        return paths;
    }

    public Path workspace() {
        return workspace;
    }

    public List<Path> developmentRoots() {
        return List.copyOf(developmentRoots);
    }

    public List<Path> bundledRoots() {
        return List.copyOf(bundledRoots);
    }

    public String hostClasspath() {
        return hostClasspath;
    }

    public Duration hangTimeout() {
        return hangTimeout;
    }

    public Duration hostStartTimeout() {
        return hostStartTimeout;
    }

    public Sandbox.Mode sandbox() {
        return sandbox;
    }

    public Function<String, JsonNode> settings() {
        return settings;
    }

    public List<String> hostJvmArgs() {
        return List.copyOf(hostJvmArgs);
    }
}
