package dev.symphony.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.symphony.contract.CallFailedException;
import dev.symphony.contract.ErrorCode;
import dev.symphony.contract.manifest.ExtensionManifest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Where a capability call is validated: the input and output JSON Schemas the manifests declare, each
 * compiled on its first use (the manifest check already proved them valid schemas; compiling all of them
 * at start-up delayed the first host). The kernel checks every call through one instance; the SDK's test
 * harness uses the same class, so an extension's tests see the kernel's verdicts.
 */
public final class CapabilitySchemas {
    private final ConcurrentHashMap<String, LazySchema> schemas = new ConcurrentHashMap<>();

    /** Registers the schemas of every capability of {@code manifest} (replacing what its id had). */
    public void register(ExtensionManifest manifest) {
        unregister(manifest.id());
        for (ExtensionManifest.Capability c : manifest.capabilities()) {
            schemas.put(key(manifest.id(), c.name()) + "/in", new LazySchema(c.input()));
            schemas.put(key(manifest.id(), c.name()) + "/out", new LazySchema(c.output()));
        }
    }

    public void unregister(String extensionId) {
        schemas.keySet().removeIf(k -> k.startsWith(extensionId + "/"));
    }

    /** Throws INVALID_INPUT naming every problem (with its JSON path) when {@code input} does not match. */
    public void checkInput(String extensionId, String capability, JsonNode input) {
        validate(key(extensionId, capability), "/in", input, ErrorCode.INVALID_INPUT, "input of ");
    }

    /** Throws EXTENSION_ERROR naming every problem when a unary call's {@code output} does not match. */
    public void checkOutput(String extensionId, String capability, JsonNode output) {
        validate(key(extensionId, capability), "/out", output, ErrorCode.EXTENSION_ERROR, "output of ");
    }

    private static String key(String extensionId, String capability) {
        return extensionId + "/" + capability;
    }

    private void validate(String key, String direction, JsonNode value, ErrorCode code, String what) {
        LazySchema schema = schemas.get(key + direction);
        if (schema == null) {
            throw new CallFailedException(ErrorCode.UNKNOWN_CAPABILITY, "no schema registered for " + key + direction);
        }
        Set<ValidationMessage> problems = schema.validate(value);
        if (!problems.isEmpty()) {
            throw new CallFailedException(code, what + key + " does not match its schema: "
                    + problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
    }
}
