package dev.symphony.sdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.schema.JsonSchemas;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.protocol.BrokerProtocol;
import dev.symphony.contract.protocol.ModelProtocol;
import dev.symphony.sdk.internal.ModelWarmUps;
import dev.symphony.sdk.api.Instrument;
import dev.symphony.contract.protocol.LogProtocol;
import dev.symphony.sdk.api.CallContext;
import dev.symphony.sdk.api.ExtensionException;
import dev.symphony.sdk.api.SymphonyExtension;
import dev.symphony.sdk.internal.CapabilityRegistry;
import dev.symphony.sdk.internal.Invocation;
import dev.symphony.sdk.services.Broker;
import dev.symphony.sdk.services.KernelServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs an extension in the test's own JVM: the manifest is validated as the kernel would, inputs and
 * outputs are checked against the capability schemas, and file access goes through the same
 * permission rules (performed locally instead of by a kernel). For the real process boundary, use the
 * kernel's integration tests.
 */
public final class ExtensionHarness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExtensionManifest manifest;
    private final CapabilityRegistry registry = new CapabilityRegistry();
    private final KernelServices services;
    private final List<String> denials = new CopyOnWriteArrayList<>();
    private final List<ModelProtocol.State> modelStates = new CopyOnWriteArrayList<>();
    private final ModelWarmUps warmUps = new ModelWarmUps(modelStates::add);

    public ExtensionHarness(Path manifestFile, SymphonyExtension extension, Path workspace) throws Exception {
        this.manifest = ManifestReader.read(Files.readAllBytes(manifestFile), manifestFile.toString());
        var roots = new PermissionChecker.Roots(workspace, workspace.resolve("home"), workspace.resolve("extension-data"));
        PermissionChecker checker = new PermissionChecker(manifest.permissions(), roots);
        this.services = new KernelServices(new LocalBroker(checker), checker, roots);
        extension.register(registry);
        registry.verify(manifest);
    }

    public ExtensionManifest manifest() {
        return manifest;
    }

    /**
     * Calls a capability; Instruments answer {@code {"text", "tokens"}} (the kernel's caller also gets the
     * tokens and cost beside the output). An Instrument is warmed up first, once, as the host does.
     */
    public JsonNode call(String capability, JsonNode input) throws Exception {
        var cap = check(capability, input);
        warmIfInstrument(capability);
        JsonNode out = Invocation.invoke(registry.get(capability), input, context(capability), null, new Invocation.Counters());
        if (!cap.streaming()) {
            validate(cap.output(), out, "output of " + capability);
        }
        return out;
    }

    /** Calls a capability as a stream and returns its chunks. */
    public List<JsonNode> stream(String capability, JsonNode input) throws Exception {
        check(capability, input);
        warmIfInstrument(capability);
        List<JsonNode> chunks = new ArrayList<>();
        Invocation.invoke(registry.get(capability), input, context(capability), chunks::add, new Invocation.Counters());
        return chunks;
    }

    /** Warms an Instrument capability's model now, as the kernel's {@code warmUp} asks a host to; returns its load ms. */
    public long warmUp(String capability) {
        if (!(registry.get(capability) instanceof Instrument instrument)) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, "'" + capability + "' is not an Instrument");
        }
        return warmUps.ensureWarm(capability, instrument, context(capability));
    }

    /** The model state transitions so far (LOADING, WARM, FAILED), as a host reports them to the kernel. */
    public List<ModelProtocol.State> modelStates() {
        return List.copyOf(modelStates);
    }

    private void warmIfInstrument(String capability) {
        if (registry.get(capability) instanceof Instrument instrument) {
            warmUps.ensureWarm(capability, instrument, context(capability));
        }
    }

    /** Operations the permission rules refused so far (as the kernel's audit log would record them). */
    public List<String> denials() {
        return List.copyOf(denials);
    }

    private ExtensionManifest.Capability check(String capability, JsonNode input) {
        var cap = manifest.capability(capability).orElseThrow(() ->
                new ExtensionException(ErrorCode.UNKNOWN_CAPABILITY, "no capability '" + capability + "'"));
        validate(cap.input(), input, "input of " + capability);
        return cap;
    }

    private static void validate(JsonNode schema, JsonNode value, String what) {
        Set<ValidationMessage> problems = JsonSchemas.compile(schema).validate(value);
        if (!problems.isEmpty()) {
            throw new ExtensionException(ErrorCode.INVALID_INPUT, what + " does not match its schema: " + problems);
        }
    }

    private CallContext context(String capability) {
        return new CallContext() {
            @Override
            public String extensionId() {
                return manifest.id();
            }

            @Override
            public String capability() {
                return capability;
            }

            @Override
            public boolean cancelled() {
                return Thread.currentThread().isInterrupted();
            }

            @Override
            public KernelServices services() {
                return services;
            }
        };
    }

    /** Performs file requests locally under the same permission rules the kernel applies. */
    private final class LocalBroker implements Broker {
        private final PermissionChecker checker;

        LocalBroker(PermissionChecker checker) {
            this.checker = checker;
        }

        @Override
        public JsonNode request(String op, Object args) {
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
                        JsonNode defaults = manifest.contributes().settings();
                        return JSON.createObjectNode().set("value",
                                defaults == null ? null : defaults.path("properties").path(a.path("key").asText()).get("default"));
                    }
                    default -> throw new ExtensionException(ErrorCode.PERMISSION_DENIED,
                            op + " is not available in the in-process harness");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private ExtensionException deny(String op, Path path) {
            denials.add(op + " " + path);
            return new ExtensionException(ErrorCode.PERMISSION_DENIED, op + " of " + path + " denied");
        }

        @Override
        public void event(LogProtocol.HostEvent event) {
            if ("denied".equals(event.kind())) {
                denials.add(event.message());
            }
        }
    }
}
