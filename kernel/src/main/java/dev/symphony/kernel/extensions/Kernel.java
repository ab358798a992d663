package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.symphony.ipc.api.CallFailedException;
import dev.symphony.ipc.api.ErrorCode;
import dev.symphony.ipc.api.PayloadCodec;
import dev.symphony.ipc.manifest.ExtensionManifest;
import dev.symphony.ipc.manifest.VersionRange;
import dev.symphony.ipc.protocol.CallProtocol;
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

/**
 * The microkernel's extension side: the registry of Players, calls into extensions over the bus
 * (schema-checked both ways, audited), inter-extension calls (declared dependencies only,
 * rate-limited), hot enable/disable/reload. {@link #start} discovers and validates; hosts start
 * lazily on first use, or at start for {@code onStartup} extensions when asked.
 */
public final class Kernel implements AutoCloseable {
    private final KernelContext context;
    private final ExtensionStore store;
    private final AuditLog audit;
    private final KernelBus bus;
    private final SchemaCache schemas = new SchemaCache();
    private final Lifecycle lifecycle;
    private final KernelBroker broker;
    private final Supervisor supervisor;
    private final RateLimiter rateLimiter = new RateLimiter(System::nanoTime);
    private final Map<String, Player> players = new ConcurrentHashMap<>();

    private Kernel(KernelContext context) {
        this.context = context.conclude();
        this.store = new ExtensionStore(context.paths().data("extensions"));
        this.audit = new AuditLog(context.paths().data("audit"));
        this.bus = new KernelBus();
        this.lifecycle = new Lifecycle(context, store, schemas);
        this.broker = new KernelBroker(this, audit, context.paths().data("logs").resolve("extensions"));
        this.supervisor = new Supervisor(context, bus, audit, broker, players.values());
    }

    /** Discovers and validates every extension; starts none. */
    public static Kernel start(KernelContext context) {
        Kernel k = new Kernel(context);
        k.players.putAll(k.lifecycle.discover());
        k.lifecycle.validateAll(k.players);
        return k;
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
                    return null; // the Player is FAILED with its problem; the others go on
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

    public List<Player> players() {
        List<Player> list = new ArrayList<>(players.values());
        list.sort(java.util.Comparator.comparing(Player::id));
        return list;
    }

    public Optional<Player> player(String id) {
        return Optional.ofNullable(players.get(id));
    }

    public ExtensionStore store() {
        return store;
    }

    public AuditLog audit() {
        return audit;
    }

    Supervisor supervisor() {
        return supervisor;
    }

    /** Starts the host of {@code id} now (activation event, benchmarks); returns its process id. */
    public long activate(String id) {
        return supervisor.ensureRunning(require(id)).pid();
    }

    /** Calls a capability with its manifest timeout. {@code caller} is who the audit log names. */
    public JsonNode call(String caller, String id, String capability, JsonNode input) {
        Player p = require(id);
        return call(caller, p, capability, input, Duration.ofMillis(capabilityOf(p, capability).timeoutMs()));
    }

    public JsonNode call(String caller, String id, String capability, JsonNode input, Duration timeout) {
        return call(caller, require(id), capability, input, timeout);
    }

    private JsonNode call(String caller, Player p, String capability, JsonNode input, Duration timeout) {
        ExtensionManifest.Capability cap = capabilityOf(p, capability);
        String key = p.id() + "/" + capability;
        schemas.validate(key + "/in", input, ErrorCode.INVALID_INPUT, "input of " + key);
        byte[] request = PayloadCodec.encode(new CallProtocol.Invoke(capability, input));
        for (int attempt = 0; ; attempt++) {
            HostProcess h = supervisor.ensureRunning(p);
            supervisor.callStarting();
            audit.record(caller, "call", key, true, null);
            try {
                JsonNode out = PayloadCodec.decode(h.endpoint.call(request, timeout));
                schemas.validate(key + "/out", out, ErrorCode.EXTENSION_ERROR, "output of " + key);
                return out;
            } catch (CallFailedException e) {
                boolean retry = e.code() == ErrorCode.CRASHED && attempt == 0
                        && p.manifest.restartPolicy().retryInFlight() && cap.kind() == ExtensionManifest.Kind.OPERATOR;
                if (!retry) {
                    throw e;
                }
            }
        }
    }

    /** Calls a capability as a stream; each chunk must come within {@code idleTimeout}. */
    public KernelStream stream(String caller, String id, String capability, JsonNode input, Duration idleTimeout) {
        Player p = require(id);
        capabilityOf(p, capability);
        String key = p.id() + "/" + capability;
        schemas.validate(key + "/in", input, ErrorCode.INVALID_INPUT, "input of " + key);
        HostProcess h = supervisor.ensureRunning(p);
        supervisor.callStarting();
        audit.record(caller, "stream", key, true, null);
        return new KernelStream(h.endpoint.openStream(PayloadCodec.encode(new CallProtocol.Invoke(capability, input)), idleTimeout));
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
        JsonNode value = context.settings().apply(name);
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
        supervisor.ensureRunning(require(id)).endpoint.sendEvent(PayloadCodec.encode(payload));
    }

    /** An extension calling another through the kernel: declared dependency, rate limit, schemas. */
    JsonNode callFromExtension(Player caller, CallProtocol.ExtensionCall c) {
        String resource = c.extension() + "/" + c.capability();
        var dep = caller.manifest.dependencies().stream().filter(d -> d.id().equals(c.extension())).findFirst();
        Player callee = players.get(c.extension());
        boolean declared = dep.isPresent() && callee != null && callee.manifest != null
                && VersionRange.parse(dep.get().version()).contains(callee.manifest.parsedVersion());
        if (!declared) {
            audit.record(caller.id(), "extension.call", resource, false, "not a declared dependency");
            throw new CallFailedException(ErrorCode.PERMISSION_DENIED, caller.id() + " may only call the extensions it declares"
                    + " as dependencies; " + c.extension() + " is not one");
        }
        if (!rateLimiter.tryAcquire(caller.id() + "->" + c.extension(), dep.get().callsPerSecond())) {
            audit.record(caller.id(), "extension.call", resource, false, "rate limit " + dep.get().callsPerSecond() + "/s");
            throw new CallFailedException(ErrorCode.BUSY, caller.id() + " exceeded " + dep.get().callsPerSecond()
                    + " calls per second to " + c.extension());
        }
        return call(caller.id(), callee, c.capability(), c.input(), Duration.ofMillis(capabilityOf(callee, c.capability()).timeoutMs()));
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
        audit.record("user", "ext.enable", id, true, null);
    }

    /** Hot reload: stops the host and re-reads the manifest from disk; the next call starts the new code. */
    public void reload(String id) {
        Player p = require(id);
        supervisor.stop(p);
        lifecycle.validate(p, players);
        audit.record("user", "ext.reload", id, true, null);
    }

    private Player require(String id) {
        Player p = players.get(id);
        if (p == null) {
            throw new CallFailedException(ErrorCode.UNKNOWN_CAPABILITY, "no extension " + id);
        }
        return p;
    }

    private static ExtensionManifest.Capability capabilityOf(Player p, String capability) {
        if (p.manifest == null) {
            throw new CallFailedException(ErrorCode.CLOSED, p.id() + " failed validation: " + p.problem);
        }
        return p.manifest.capability(capability).orElseThrow(() -> new CallFailedException(ErrorCode.UNKNOWN_CAPABILITY,
                p.id() + " has no capability '" + capability + "'"));
    }

    @Override
    public void close() {
        supervisor.close();
        for (Player p : players.values()) {
            supervisor.stop(p);
        }
        broker.close();
        bus.close();
        audit.close();
    }
}
