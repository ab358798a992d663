package dev.symphony.contract.manifest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * A validated {@code symphony-extension.json} (see the schema {@code symphony-extension.schema.json}
 * beside this class for every field). Obtain one from {@link ManifestReader}; optional fields are
 * filled with their defaults there.
 */
public record ExtensionManifest(String id, String version, String publisher, String displayName,
                                String description, Kind kind, String entryClass, String engine,
                                List<Capability> capabilities, Permissions permissions, List<String> activation,
                                Contributions contributes, List<Dependency> dependencies,
                                RestartPolicy restartPolicy, JsonNode raw) {

    public enum Kind { INSTRUMENT, OPERATOR, ADDON }

    public enum RestartMode { IMMEDIATE, BACKOFF, MANUAL }

    public record Capability(String name, Kind kind, String description, JsonNode input, JsonNode output,
                             boolean streaming, long timeoutMs, Cost cost, Latency latency) {
    }

    public record Cost(double perCall, double perToken, String currency) {
    }

    public record Latency(double p50Ms, double p99Ms, double warmupMs) {
    }

    /**
     * What the extension may do through the kernel's brokered services. Path globs start with
     * {@code ${workspace}}, {@code ${home}} or {@code ${extensionData}}. {@code secrets}: the secrets the
     * kernel may add to this extension's brokered HTTP requests, each bound to one host.
     */
    public record Permissions(List<String> read, List<String> write, List<String> network, boolean processes,
                              int maxHeapMb, double maxCpuShare, List<SecretGrant> secrets) {
        public Permissions {
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }

        public Permissions(List<String> read, List<String> write, List<String> network, boolean processes,
                           int maxHeapMb, double maxCpuShare) {
            this(read, write, network, processes, maxHeapMb, maxCpuShare, List.of());
        }
    }

    /**
     * A secret (from the user's secret store, or the kernel's own environment for the well-known API key
     * names) that the kernel's HTTP broker adds as {@code header} — {@code format} with {@code {secret}}
     * replaced, e.g. {@code "Bearer {secret}"} — to requests this extension sends to {@code host}
     * ({@code name:port}, or a name meaning ports 80 and 443). The extension never sees the value.
     */
    public record SecretGrant(String name, String host, String header, String format) {
    }

    public record Contributions(List<Command> commands, JsonNode settings, List<Tool> tools) {
    }

    /**
     * A command-line tool the extension brings to the launcher ({@code symphony NAME ARGS}): {@code mainClass}'s
     * {@code main(String[])}, run in a JVM of its own on the extension's classes and libraries.
     */
    public record Tool(String name, String mainClass, String usage, String summary) {
    }

    public record Command(String id, String title, String capability) {
    }

    public record Dependency(String id, String version, double callsPerSecond) {
    }

    public record RestartPolicy(RestartMode mode, int maxRestarts, long initialBackoffMs, boolean retryInFlight) {
    }

    public Optional<Capability> capability(String name) {
        return capabilities.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Version parsedVersion() {
        return Version.parse(version);
    }

    public boolean activatesOnStartup() {
        return activation.contains("onStartup");
    }
}
