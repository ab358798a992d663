package dev.symphony.contract.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.symphony.contract.schema.JsonSchemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and validates {@code symphony-extension.json}: first against the JSON Schema (networknt
 * validator, draft 2020-12), then the rules a schema cannot express (unique capability names,
 * capability I/O schemas that are themselves valid schemas, parsable version ranges, commands that
 * name a capability; no key given twice). Every problem carries its JSON path. No plugin code is touched.
 */
public final class ManifestReader {
    public static final String FILE_NAME = "symphony-extension.json";
    /**
     * A key given twice is refused (Jackson would keep the last silently): a reviewer reading the file sees the
     * first {@code permissions}, the kernel would enforce the second.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Loaded on first validation only. */
    private static final class Schemas {
        static final JsonSchema MANIFEST_SCHEMA = loadManifestSchema();
    }

    private ManifestReader() {
    }

    private static JsonSchema loadManifestSchema() {
        try (InputStream in = ManifestReader.class.getResourceAsStream("symphony-extension.schema.json")) {
            return JsonSchemas.compile(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's JSON Schema, as shipped (for editors and authors). */
    public static InputStream schemaResource() {
        return ManifestReader.class.getResourceAsStream("symphony-extension.schema.json");
    }

    /**
     * What {@link #read} depends on besides the manifest's bytes: this class's code and the schema it
     * ships. Equal fingerprints and equal bytes give equal results, so a caller may remember which
     * manifests passed ({@code kernel}'s validated-manifest cache) and skip the validator for them.
     */
    public static byte[] fingerprint() {
        try (InputStream code = ManifestReader.class.getResourceAsStream("ManifestReader.class");
             InputStream schema = schemaResource()) {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            d.update(code.readAllBytes());
            d.update(schema.readAllBytes());
            return d.digest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The model of a manifest that the kernel has already validated (the extension host uses this:
     * loading the schema validator would add most of a second to every host start).
     */
    public static ExtensionManifest readValidated(byte[] json) {
        try {
            return toModel(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExtensionManifest read(byte[] json, String source) throws ManifestException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ManifestException(source, List.of(new ManifestException.Problem("$",
                    "not JSON (line " + (loc == null ? "?" : loc.getLineNr()) + ", column "
                            + (loc == null ? "?" : loc.getColumnNr()) + "): " + e.getOriginalMessage())));
        } catch (IOException e) {
            // not an I/O failure (the bytes are in memory): text Jackson took for UTF-16/32 that is not (found by fuzzing)
            throw new ManifestException(source, List.of(new ManifestException.Problem("$",
                    "not JSON text in UTF-8: " + e.getMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new ManifestException(source, List.of(new ManifestException.Problem("$", "empty file")));
        }
        List<ManifestException.Problem> problems = new ArrayList<>();
        for (ValidationMessage m : Schemas.MANIFEST_SCHEMA.validate(root)) {
            problems.add(new ManifestException.Problem(m.getInstanceLocation().toString(), strip(m)));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(ManifestException.Problem::path));
            throw new ManifestException(source, problems);
        }
        semanticChecks(root, problems);
        if (!problems.isEmpty()) {
            throw new ManifestException(source, problems);
        }
        return toModel(root);
    }

    private static String strip(ValidationMessage m) {
        String text = m.getMessage();
        String path = m.getInstanceLocation().toString();
        return text.startsWith(path + ": ") ? text.substring(path.length() + 2) : text;
    }

    private static void semanticChecks(JsonNode root, List<ManifestException.Problem> problems) {
        Set<String> names = new HashSet<>();
        JsonNode caps = root.path("capabilities");
        for (int i = 0; i < caps.size(); i++) {
            JsonNode cap = caps.get(i);
            String at = "$.capabilities[" + i + "]";
            if (!names.add(cap.path("name").asText())) {
                problems.add(new ManifestException.Problem(at + ".name", "duplicate capability name '" + cap.path("name").asText() + "'"));
            }
            for (String field : List.of("input", "output")) {
                for (ValidationMessage m : JsonSchemas.metaSchema().validate(cap.get(field))) {
                    problems.add(new ManifestException.Problem(at + "." + field + m.getInstanceLocation().toString().substring(1),
                            "not a valid JSON Schema: " + strip(m)));
                }
            }
        }
        JsonNode settings = root.path("contributes").path("settings");
        if (!settings.isMissingNode()) {
            for (ValidationMessage m : JsonSchemas.metaSchema().validate(settings)) {
                problems.add(new ManifestException.Problem("$.contributes.settings" + m.getInstanceLocation().toString().substring(1),
                        "not a valid JSON Schema: " + strip(m)));
            }
        }
        checkRange(root.path("engine").asText(), "$.engine", problems);
        JsonNode deps = root.path("dependencies");
        for (int i = 0; i < deps.size(); i++) {
            checkRange(deps.get(i).path("version").asText(), "$.dependencies[" + i + "].version", problems);
            if (deps.get(i).path("id").asText().equals(root.path("id").asText())) {
                problems.add(new ManifestException.Problem("$.dependencies[" + i + "].id", "an extension cannot depend on itself"));
            }
        }
        JsonNode commands = root.path("contributes").path("commands");
        for (int i = 0; i < commands.size(); i++) {
            if (!names.contains(commands.get(i).path("capability").asText())) {
                problems.add(new ManifestException.Problem("$.contributes.commands[" + i + "].capability",
                        "no capability named '" + commands.get(i).path("capability").asText() + "'"));
            }
        }
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        caps.forEach(cap -> kinds.put(cap.path("name").asText(), cap.path("kind").asText(root.path("kind").asText())));
        WorkbenchContributions.check(root, kinds, problems);
        DocumentSync.check(root, kinds, problems);
    }

    private static void checkRange(String text, String path, List<ManifestException.Problem> problems) {
        try {
            VersionRange.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new ManifestException.Problem(path, e.getMessage()));
        }
    }

    private static ExtensionManifest toModel(JsonNode root) {
        ExtensionManifest.Kind kind = kind(root.path("kind").asText());
        List<ExtensionManifest.Capability> caps = new ArrayList<>();
        for (JsonNode c : root.path("capabilities")) {
            JsonNode cost = c.path("cost");
            JsonNode latency = c.path("latency");
            caps.add(new ExtensionManifest.Capability(c.path("name").asText(),
                    c.has("kind") ? kind(c.path("kind").asText()) : kind, c.path("description").asText(""),
                    c.get("input"), c.get("output"), c.path("streaming").asBoolean(false),
                    c.path("timeoutMs").asLong(30_000),
                    new ExtensionManifest.Cost(cost.path("perCall").asDouble(0), cost.path("perToken").asDouble(0),
                            cost.path("currency").asText("credits")),
                    new ExtensionManifest.Latency(latency.path("p50Ms").asDouble(0), latency.path("p99Ms").asDouble(0),
                            latency.path("warmupMs").asDouble(0))));
        }
        JsonNode p = root.path("permissions");
        var permissions = new ExtensionManifest.Permissions(strings(p.path("read")), strings(p.path("write")),
                strings(p.path("network")), p.path("processes").asBoolean(false), p.path("maxHeapMb").asInt(256),
                p.path("maxCpuShare").asDouble(1.0), secretGrants(p.path("secrets")));
        List<ExtensionManifest.Command> commands = new ArrayList<>();
        for (JsonNode c : root.path("contributes").path("commands")) {
            commands.add(new ExtensionManifest.Command(c.path("id").asText(), c.path("title").asText(), c.path("capability").asText()));
        }
        List<ExtensionManifest.Tool> tools = new ArrayList<>();
        for (JsonNode t : root.path("contributes").path("tools")) {
            tools.add(new ExtensionManifest.Tool(t.path("name").asText(), t.path("mainClass").asText(),
                    t.path("usage").asText(), t.path("summary").asText()));
        }
        List<ExtensionManifest.Dependency> deps = new ArrayList<>();
        for (JsonNode d : root.path("dependencies")) {
            deps.add(new ExtensionManifest.Dependency(d.path("id").asText(), d.path("version").asText(),
                    d.path("callsPerSecond").asDouble(100)));
        }
        JsonNode r = root.path("restartPolicy");
        var restart = new ExtensionManifest.RestartPolicy(
                ExtensionManifest.RestartMode.valueOf(r.path("mode").asText("backoff").toUpperCase(Locale.ROOT)),
                r.path("maxRestarts").asInt(5), r.path("initialBackoffMs").asLong(200), r.path("retryInFlight").asBoolean(false));
        List<String> activation = root.has("activation") ? strings(root.path("activation")) : List.of("onCall");
        return new ExtensionManifest(root.path("id").asText(), root.path("version").asText(), root.path("publisher").asText(),
                root.path("displayName").asText(root.path("id").asText()), root.path("description").asText(""), kind,
                root.path("entryClass").asText(), root.path("engine").asText(), List.copyOf(caps), permissions, activation,
                new ExtensionManifest.Contributions(List.copyOf(commands), root.path("contributes").get("settings"), List.copyOf(tools)),
                List.copyOf(deps), restart, root);
    }

    private static ExtensionManifest.Kind kind(String text) {
        return ExtensionManifest.Kind.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static List<ExtensionManifest.SecretGrant> secretGrants(JsonNode grants) {
        List<ExtensionManifest.SecretGrant> out = new ArrayList<>();
        for (JsonNode g : grants) {
            out.add(new ExtensionManifest.SecretGrant(g.path("name").asText(), g.path("host").asText(),
                    g.path("header").asText("Authorization"), g.path("format").asText("Bearer {secret}")));
        }
        return List.copyOf(out);
    }
}
