package dev.symphony.sdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.Reply;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.CallProtocol;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.contract.protocol.ModelProtocol;
import dev.symphony.contract.schema.CapabilitySchemas;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.SymphonyExtension;
import dev.symphony.sdk.internal.CapabilityDispatcher;
import dev.symphony.sdk.internal.CapabilityRegistry;
import dev.symphony.sdk.services.Broker;
import dev.symphony.sdk.services.KernelServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs an extension in the test's own JVM through the host's own runtime: the manifest is validated as the
 * kernel does, calls are checked against the capability schemas by the kernel's own checker
 * ({@link CapabilitySchemas}) and run by the dispatcher an extension host runs (warm-ups, reply shape,
 * failures); only the bus is left out, and file access and brokered HTTP are performed locally under the same
 * permission rules instead of by a kernel (HTTP without secrets: the kernel holds them; settings are the declared
 * defaults unless {@link #setting} set one). For the real process boundary, use the kernel's integration tests.
 */
public final class ExtensionHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExtensionManifest manifest;
    private final CapabilitySchemas schemas = new CapabilitySchemas();
    private final CapabilityDispatcher dispatcher;
    private final List<String> denials = new CopyOnWriteArrayList<>();
    private final List<ModelProtocol.State> modelStates = new CopyOnWriteArrayList<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicLong callIds = new AtomicLong();
    private final java.util.Map<String, JsonNode> settings = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, AtomicLong> brokerRequests = new java.util.concurrent.ConcurrentHashMap<>();

    public ExtensionHarness(Path manifestFile, SymphonyExtension extension, Path workspace) throws Exception {
        this.manifest = ManifestReader.read(Files.readAllBytes(manifestFile), manifestFile.toString());
        var roots = new PermissionChecker.Roots(workspace, workspace.resolve("home"), workspace.resolve("extension-data"));
        PermissionChecker checker = new PermissionChecker(manifest.permissions(), roots);
        KernelServices services = new KernelServices(new LocalBroker(checker), checker, roots);
        CapabilityRegistry registry = new CapabilityRegistry();
        extension.register(registry);
        registry.verify(manifest);
        schemas.register(manifest);
        this.dispatcher = new CapabilityDispatcher(manifest, registry, services, modelStates::add);
    }

    public ExtensionManifest manifest() {
        return manifest;
    }

    /**
     * Calls a capability; Instruments answer {@code {"text", "tokens"}} (the kernel's caller also gets the
     * tokens and cost beside the output). An Instrument is warmed up first, once, as the host does.
     */
    public JsonNode call(String capability, JsonNode input) {
        return checked(() -> {
            CapabilityDispatcher.Call call = begin(capability, input);
            Reply reply = (Reply) dispatcher.answer(call, new CallProtocol.Invoke(capability, input));
            schemas.checkOutput(manifest.id(), capability, reply.output());
            return reply.output();
        });
    }

    /** Calls a capability as a stream and returns its chunks. */
    public List<JsonNode> stream(String capability, JsonNode input) {
        return checked(() -> {
            CapabilityDispatcher.Call call = begin(capability, input);
            List<JsonNode> chunks = new ArrayList<>();
            dispatcher.stream(call, new CallProtocol.Invoke(capability, input), chunks::add);
            return chunks;
        });
    }

    /**
     * Sets the extension's setting {@code key} (without its {@code EXTENSION_ID.} prefix) as the user's settings.json
     * would; a key never set reads as its declared default. Returns this harness.
     */
    public ExtensionHarness setting(String key, Object value) {
        settings.put(key, value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : JSON.valueToTree(value));
        return this;
    }

    /** Warms an Instrument capability's model now, as the kernel's {@code warmUp} asks a host to; returns its load ms. */
    public long warmUp(String capability) {
        return checked(() -> ((ModelProtocol.State) dispatcher.answer(begin(capability, null),
                CallProtocol.Invoke.warmUp(capability))).loadMs());
    }

    /** The model state transitions so far (LOADING, WARM, FAILED), as a host reports them to the kernel. */
    public List<ModelProtocol.State> modelStates() {
        return List.copyOf(modelStates);
    }

    /**
     * How many brokered requests of {@code op} ({@link BrokerProtocol}) the extension made so far: each is one bus
     * round trip to the kernel in a real host, on the path of the call that makes it.
     */
    public long brokerRequests(String op) {
        AtomicLong n = brokerRequests.get(op);
        return n == null ? 0 : n.get();
    }

    /** Operations the permission rules refused so far (as the kernel's audit log would record them). */
    public List<String> denials() {
        return List.copyOf(denials);
    }

    /** An event the extension announced ({@code services().events().emit}), e.g. a {@code workbench.*} request. */
    public record Event(String name, JsonNode payload) {
    }

    /** The events announced so far, in order (from any of the extension's threads). */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** A call of a declared capability whose input matches its schema, registered with the dispatcher. */
    private CapabilityDispatcher.Call begin(String capability, JsonNode input) {
        if (manifest.capability(capability).isEmpty()) {
            throw new ExtensionException(ErrorCode.UNKNOWN_CAPABILITY, manifest.id() + " has no capability '" + capability + "'");
        }
        if (input != null) {
            schemas.checkInput(manifest.id(), capability, input);
        }
        return dispatcher.begin(callIds.incrementAndGet(), capability, false);
    }

    /** The kernel's verdicts (a {@link CallFailedException}) reach the test as the extension's own exception type. */
    private static <T> T checked(Supplier<T> call) {
        try {
            return call.get();
        } catch (ExtensionException e) {
            throw e;
        } catch (CallFailedException e) {
            throw new ExtensionException(e.code(), e.getMessage(), e);
        }
    }

    /** Performs file requests locally under the same permission rules the kernel applies. */
    private final class LocalBroker implements Broker {
        private final PermissionChecker checker;

        LocalBroker(PermissionChecker checker) {
            this.checker = checker;
        }

        @Override
        public JsonNode request(String op, Object args) {
            brokerRequests.computeIfAbsent(op, o -> new AtomicLong()).incrementAndGet();
            JsonNode a = JSON.valueToTree(args);
            Path path = Path.of(a.path("path").asText("."));
            try {
                switch (op) {
                    case BrokerProtocol.FILES_READ -> {
                        if (!checker.canRead(path)) {
                            throw deny(op, path);
                        }
                        return JSON.createObjectNode().put("text", Files.readString(path));
                    }
                    case BrokerProtocol.FILES_WRITE -> {
                        if (!checker.canWrite(path)) {
                            throw deny(op, path);
                        }
                        Files.createDirectories(path.getParent());
                        Files.writeString(path, a.path("text").asText());
                        return JSON.createObjectNode();
                    }
                    case BrokerProtocol.SETTINGS_GET -> {
                        return JSON.createObjectNode().set("value", setting(a.path("key").asText()));
                    }
                    case BrokerProtocol.SETTINGS_GET_MANY -> {
                        com.fasterxml.jackson.databind.node.ObjectNode values = JSON.createObjectNode();
                        a.path("keys").forEach(k -> values.set(k.asText(), setting(k.asText())));
                        return JSON.createObjectNode().set("values", values);
                    }
                    default -> throw new ExtensionException(ErrorCode.PERMISSION_DENIED,
                            op + " is not available in the in-process harness");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The value {@link #setting} set, else the declared default (null when neither). */
        private JsonNode setting(String key) {
            JsonNode set = settings.get(key);
            if (set != null) {
                return set.deepCopy();
            }
            JsonNode defaults = manifest.contributes().settings();
            return defaults == null ? null : defaults.path("properties").path(key).get("default");
        }

        /** Brokered HTTP, sent from the test's JVM ({@link LocalHttpStream}); the SDK's client checked the permissions. */
        @Override
        public Stream stream(String op, Object args, java.time.Duration idleTimeout) {
            if (!BrokerProtocol.NETWORK_HTTP.equals(op)) {
                return Broker.super.stream(op, args, idleTimeout);
            }
            return LocalHttpStream.open((dev.symphony.contract.protocol.HttpProtocol.Request) args);
        }

        private ExtensionException deny(String op, Path path) {
            denials.add(op + " " + path);
            return new ExtensionException(ErrorCode.PERMISSION_DENIED, op + " of " + path + " denied");
        }

        @Override
        public void event(LogProtocol.HostEvent event) {
            if ("denied".equals(event.kind())) {
                denials.add(event.message());
            } else if (LogProtocol.EXTENSION_EVENT.equals(event.kind())) {
                events.add(new Event(event.message(), event.data()));
            }
        }
    }
}
