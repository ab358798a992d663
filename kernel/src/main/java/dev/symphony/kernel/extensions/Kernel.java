package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.Reply;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.VersionRange;
import dev.symphony.contract.protocol.CallProtocol;
import dev.symphony.contract.protocol.ModelProtocol;
import dev.symphony.contract.schema.CapabilitySchemas;
import dev.symphony.kernel.audit.AuditLog;
import dev.symphony.kernel.bus.KernelBus;
import dev.symphony.kernel.settings.SettingDescriptor;
import dev.symphony.kernel.settings.SettingsSchema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The microkernel's extension side: the registry of Players, calls into extensions over the bus
 * (schema-checked both ways, audited), inter-extension calls (declared dependencies only,
 * rate-limited), hot enable/disable/reload. {@link #start} discovers and validates; hosts start
 * lazily on first use, or at start for {@code onStartup} extensions when asked. Instrument capabilities
 * have a model state ({@link #modelState}, {@link #onModelState}, {@link #warmUp}). Every call goes through
 * {@link #call} (unary) or {@link #stream} (streamed), whose rules {@link KernelCalls} holds.
 */
public final class Kernel implements AutoCloseable {
    private final KernelContext context;
    private final ExtensionStore store;
    private final AuditLog audit;
    private final KernelBus bus;
    private final CapabilitySchemas schemas = new CapabilitySchemas();
    private final Lifecycle lifecycle;
    private final KernelBroker broker;
    private final Supervisor supervisor;
    private final Map<String, Player> players = new ConcurrentHashMap<>();
    private final ModelStates models;
    private final KernelCalls calls;
    private volatile List<ExtensionManifest> catalogue = List.of();
    private boolean closed;

    private Kernel(KernelContext context) {
        this.context = context.conclude();
        this.store = new ExtensionStore(context.paths().data("extensions"));
        this.audit = new AuditLog(context.paths().data("audit"));
        this.bus = new KernelBus();
        this.lifecycle = new Lifecycle(context, store, schemas);
        this.models = new ModelStates(context.paths().data("models"));
        this.broker = new KernelBroker(this, audit, context.paths().data("logs").resolve("extensions"), context.secrets(),
                context.requestBytesPerSecond(), context.trace());
        this.supervisor = new Supervisor(context, bus, audit, broker, models, players.values());
        this.calls = new KernelCalls(supervisor, schemas, audit, models);
        this.events = new Listeners<>("extension-events",
                (e, failure) -> broker.log(e.extensionId(), "a listener of event '" + e.name() + "' failed: " + failure), MAX_WAITING_EVENTS);
    }

    /** Discovers and validates every extension; starts none. */
    public static Kernel start(KernelContext context) {
        Kernel k = new Kernel(context);
        k.players.putAll(k.lifecycle.discover());
        k.lifecycle.validateAll(k.players);
        k.catalogueChanged();
        return k;
    }

    /**
     * The usable extensions' manifests by id — enabled, valid, and approved when installed — found without
     * starting a kernel (no hosts, threads, audit or logs): for listings that must stay cheap, such as the
     * launcher's {@code --help}. Dependencies are not resolved here; {@link #start} does that.
     */
    public static Map<String, ExtensionManifest> scan(KernelContext context) {
        KernelContext c = context.conclude();
        Lifecycle lifecycle = new Lifecycle(c, new ExtensionStore(c.paths().data("extensions")), new CapabilitySchemas());
        Map<String, ExtensionManifest> usable = new java.util.TreeMap<>();
        lifecycle.discover().forEach((id, p) -> lifecycle.usableManifest(p).ifPresent(m -> usable.put(id, m)));
        return usable;
    }

    /**
     * Starts the hosts of enabled {@code onStartup} extensions (the IDE does this; the CLI does not),
     * all at once: each start is mostly a JVM start waiting on its own process. Returns when every
     * one is ready or has failed; the ids of those now running.
     */
    public List<String> activateStartupExtensions() {
        List<Player> startup = new ArrayList<>();
        for (Player p : players.values()) {
            if (p.state == PlayerState.VALIDATED && p.manifest.activatesOnStartup()) {
                startup.add(p);
            }
        }
        List<CompletableFuture<String>> starts = new ArrayList<>();
        for (Player p : startup) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    supervisor.ensureRunning(p);
                    return p.id();
                } catch (RuntimeException e) {
                    broker.log(p.id(), "could not start at startup: " + e.getMessage());
                    return null; // the others go on
                }
            }, task -> {
                Thread t = new Thread(task, "start-" + p.id());
                t.setDaemon(true);
                t.start();
            }));
        }
        List<String> started = new ArrayList<>();
        for (var start : starts) {
            String id = start.join();
            if (id != null) {
                started.add(id);
            }
        }
        return started;
    }

    /**
     * Ends the start-up priority ({@link KernelContext#hostNiceness}): hosts started from now on run at normal CPU
     * priority, and running hosts' CPU groups get the normal weight (see {@link HostPriority}). The workbench calls
     * it once its window is up.
     */
    public void normalHostPriority() {
        supervisor.normalPriority();
    }

    public List<Player> players() {
        List<Player> list = new ArrayList<>(players.values());
        list.sort(java.util.Comparator.comparing(Player::id));
        return list;
    }

    public Optional<Player> player(String id) {
        return Optional.ofNullable(players.get(id));
    }

    /**
     * The manifests the registry holds (every Player whose manifest could be read), in id order: built once
     * per change of the installed extensions (start, enable, reload), the same list object until the next
     * change, so a caller may keep what it derives from it as long as it gets the same list back.
     */
    public List<ExtensionManifest> catalogue() {
        return catalogue;
    }

    private void catalogueChanged() {
        catalogue = players().stream().map(Player::manifest).filter(java.util.Objects::nonNull).toList();
    }

    public ExtensionStore store() {
        return store;
    }

    /** Where this kernel's user state lives (the trust store of publisher keys is in its config folder). */
    public dev.symphony.kernel.paths.SymphonyPaths paths() {
        return context.paths();
    }

    public AuditLog audit() {
        return audit;
    }

    Supervisor supervisor() {
        return supervisor;
    }

    KernelBus bus() {
        return bus;
    }

    KernelTrace trace() {
        return context.trace();
    }

    /** The classpath extension hosts run on (the SDK and its libraries); tools an extension contributes run on it too. */
    public String hostClasspath() {
        return context.hostClasspath();
    }

    /** Starts the host of {@code id} now (activation event, benchmarks); returns its process id. */
    public long activate(String id) {
        return supervisor.ensureRunning(require(id)).pid();
    }

    /**
     * The one way to call a capability and wait for its answer, for every kind: the input is checked
     * against the capability's schema, the host started if needed, the call audited, and the host's
     * {@link Reply} (output, tokens, declared cost) checked against the output schema. Throws
     * {@link CallFailedException}.
     */
    public Reply call(CapabilityCall call) {
        Player p = require(call.extension());
        boolean failed = true;
        try {
            Reply reply = calls.call(call, p);
            failed = false;
            return reply;
        } finally {
            p.usage.called(failed);
        }
    }

    /** The one way to call a capability as a stream; each chunk must come within the call's timeout. */
    public KernelStream stream(CapabilityCall call) {
        Player p = require(call.extension());
        boolean failed = true;
        try {
            KernelStream stream = calls.stream(call, p);
            failed = false;
            return stream;
        } finally {
            p.usage.called(failed);
        }
    }

    /**
     * The model state of an Instrument capability in this kernel: IDLE until its host warms it (or after the
     * host ended), LOADING, WARM, or FAILED with the warm-up's message. Empty for other capabilities.
     */
    public Optional<ModelStatus> modelState(String id, String capability) {
        Player p = require(id);
        if (capabilityOf(p, capability).kind() != ExtensionManifest.Kind.INSTRUMENT) {
            return Optional.empty();
        }
        return Optional.of(models.get(id, capability));
    }

    /**
     * Calls {@code listener} with every model state change of every Instrument capability, in order, on one
     * kernel thread (not the bus pump); a slow listener delays only later notifications. Close the returned
     * handle to stop listening.
     */
    public AutoCloseable onModelState(Consumer<ModelStatus> listener) {
        return models.listen(listener);
    }

    /** An event an extension announced ({@code services().events().emit(name, payload)}). */
    public interface ExtensionEventListener {
        void onEvent(String extensionId, String name, JsonNode payload);
    }

    private record ExtensionEvent(String extensionId, String name, JsonNode payload) {}

    private final Listeners<ExtensionEvent> events;

    /**
     * Calls {@code listener} with every event extensions announce, in order, on one kernel thread (not
     * the bus pump). Close the returned handle to stop listening.
     */
    public AutoCloseable onExtensionEvent(ExtensionEventListener listener) {
        return events.add(e -> listener.onEvent(e.extensionId(), e.name(), e.payload()));
    }

    /** Extension events waiting for slow listeners at most; later ones are dropped (and logged) until they catch up. */
    static final int MAX_WAITING_EVENTS = 10_000;

    void extensionEvent(String extensionId, String name, JsonNode payload) {
        if (!events.publish(new ExtensionEvent(extensionId, name, payload)) && events.dropped() % 1000 == 1) {
            broker.log(extensionId, "event '" + name + "' dropped: the kernel's listeners are " + MAX_WAITING_EVENTS
                    + " events behind (" + events.dropped() + " dropped in all)");
        }
    }

    /**
     * The model state of {@code id}'s {@code capability} as recorded on disk by whichever kernel last ran its
     * host (this one, the IDE's, a {@code symphony call}'s), with its latest transitions; what
     * {@code symphony ext list --json} shows. A non-IDLE state whose host has ended reads as IDLE.
     */
    public Optional<com.fasterxml.jackson.databind.node.ObjectNode> recordedModelState(String id, String capability) {
        return ModelStates.recorded(context.paths().data("models"), id, capability);
    }

    /** {@link #warmUp(String, String, String)} on behalf of the kernel itself. */
    public CompletableFuture<ModelStatus> warmUp(String id, String capability) {
        return warmUp("kernel", id, capability);
    }

    /**
     * Loads the model of an Instrument capability ahead of use: starts the host if needed and asks it to run
     * the capability's warm-up (at most one runs; a call arriving meanwhile waits for it). Completes with the
     * WARM state (its {@code loadMs}), or exceptionally with a {@link CallFailedException} (a failed warm-up:
     * EXTENSION_ERROR and its message; the host tries again at the next call or warm-up). Bounded by the
     * capability's timeout. {@code join()} it to block.
     */
    public CompletableFuture<ModelStatus> warmUp(String caller, String id, String capability) {
        return calls.warmUp(caller, require(id), capability);
    }

    void modelEvent(Player p, ModelProtocol.State state) {
        models.report(p, state);
    }

    /**
     * The value of one of {@code p}'s contributed settings: {@code ID.key} from the settings files
     * when it is valid against the extension's schema (an invalid value is logged to the
     * extension's log and the default used), else the declared default; null for undeclared keys.
     */
    JsonNode extensionSetting(Player p, String key) {
        SettingsSchema schema = p.settings;
        String name = p.id() + "." + key;
        var declared = schema == null ? Optional.<SettingDescriptor>empty() : schema.setting(name);
        if (declared.isEmpty()) {
            return null;
        }
        JsonNode value = p.manifest() != null && SettingFiles.declares(p.manifest(), key) // files it may read: the user's choice only
                ? SettingFiles.userValue(context.paths().userSettingsFile(), p.id(), key) : context.settings().apply(name);
        if (value != null) {
            var problems = schema.validate(JsonNodeFactory.instance.objectNode().set(name, value));
            if (problems.isEmpty()) {
                return value;
            }
            broker.log(p.id(), "setting '" + name + "' " + value + " is invalid (" + problems.get(0).message()
                    + "); using the default " + declared.get().defaultValue());
        }
        return declared.get().defaultValue();
    }

    /** A one-way event to the host of {@code id} (e.g. a UI event for an Addon). */
    public void sendEvent(String id, JsonNode payload) {
        HostProcess h = supervisor.ensureRunning(require(id));
        BusFailures.onBus(() -> {
            h.endpoint.sendEvent(PayloadCodec.encode(payload));
            return null;
        });
    }

    /** An extension calling another through the kernel: declared dependency, rate limit, schemas, the caller's permissions. */
    JsonNode callFromExtension(Acting caller, CallProtocol.ExtensionCall c) {
        return calls.fromExtension(caller, c, players.get(c.extension()));
    }

    /** Who a brokered request of {@code host} acts for, from the delegation token it carries (null: itself). */
    Acting acting(Player host, String onBehalfOf) {
        return calls.acting(host, onBehalfOf);
    }

    /** Hot disable: stops the host; calls fail until enabled again. Persisted for IDE and CLI. */
    public void disable(String id) {
        Player p = require(id);
        store.setEnabled(id, false);
        p.state = PlayerState.DISABLED;
        supervisor.stop(p);
        audit.record("user", "ext.disable", id, true, null);
    }

    /** Hot enable (also the way to restart a Player with a manual restart policy). */
    public void enable(String id) {
        Player p = require(id);
        store.setEnabled(id, true);
        supervisor.stop(p);
        p.restarts = 0;
        lifecycle.validate(p, players);
        catalogueChanged();
        audit.record("user", "ext.enable", id, true, null);
    }

    /**
     * Finds extensions installed since this kernel started (the workbench's "Install from File…") and validates
     * them; returns the ids it added. Known extensions are left as they are.
     */
    public synchronized List<String> discoverNew() {
        List<String> added = new ArrayList<>();
        lifecycle.discover().forEach((id, p) -> {
            if (players.putIfAbsent(id, p) == null) {
                added.add(id);
            }
        });
        for (String id : added) {
            lifecycle.validate(players.get(id), players);
        }
        if (!added.isEmpty()) {
            catalogueChanged();
        }
        return added;
    }

    /**
     * Forgets an installed extension: stops its host, deletes its folder and its approval. Bundled extensions and
     * source modules cannot be removed (disable them).
     */
    public synchronized void remove(String id) throws java.io.IOException {
        Player p = require(id);
        if (p.origin() != Player.Origin.INSTALLED) {
            throw new IllegalStateException(id + (p.development() ? " is a module of this source checkout" : " ships with Symphony")
                    + " and cannot be removed; disable it instead");
        }
        disable(id);
        players.remove(id);
        try (var files = java.nio.file.Files.walk(store.folderOf(id))) {
            for (java.nio.file.Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
        }
        store.forget(id);
        catalogueChanged();
        audit.record("user", "ext.remove", id, true, null);
    }

    /** The file each host's stdout, stderr and log lines go to. */
    public java.nio.file.Path logFile(String id) {
        return broker.logFile(require(id).id());
    }

    /**
     * After an installed extension's files were replaced (an update or a rollback in a running workbench): stops the
     * host of the old version and reads the extension again, so its next call runs the new one.
     */
    public synchronized void reinstalled(String id) {
        Player old = players.get(id);
        if (old != null) {
            supervisor.stop(old);
        }
        Player fresh = lifecycle.discover().get(id);
        if (fresh == null) {
            players.remove(id);
        } else {
            players.put(id, fresh);
            lifecycle.validate(fresh, players);
        }
        catalogueChanged();
    }

    /** Hot reload: stops the host and re-reads the manifest from disk; the next call starts the new code. */
    public void reload(String id) {
        Player p = require(id);
        supervisor.stop(p);
        lifecycle.validate(p, players);
        catalogueChanged();
        audit.record("user", "ext.reload", id, true, null);
    }

    private Player require(String id) {
        Player p = players.get(id);
        if (p == null) {
            throw new CallFailedException(ErrorCode.UNKNOWN_CAPABILITY, "no extension " + id);
        }
        return p;
    }

    static ExtensionManifest.Capability capabilityOf(Player p, String capability) {
        if (p.manifest == null) {
            throw new CallFailedException(ErrorCode.CLOSED, p.id() + " failed validation: " + p.problem);
        }
        return p.manifest.capability(capability).orElseThrow(() -> new CallFailedException(ErrorCode.UNKNOWN_CAPABILITY,
                p.id() + " has no capability '" + capability + "'"));
    }

    /**
     * Stops every host and frees the bus. Idempotent, and safe from a shutdown hook while another thread is
     * closing: the second caller waits until the hosts are stopped.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        supervisor.close();
        for (Player p : players.values()) {
            supervisor.stop(p);
        }
        supervisor.closeSpawner();
        broker.close();
        models.close();
        events.close();
        bus.close();
        audit.close();
    }
}
