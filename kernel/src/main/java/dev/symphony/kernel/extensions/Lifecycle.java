package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestException;
import dev.symphony.contract.manifest.ManifestReader;
import dev.symphony.contract.manifest.PermissionChecker;
import dev.symphony.contract.manifest.Version;
import dev.symphony.contract.manifest.VersionRange;
import dev.symphony.contract.schema.CapabilitySchemas;

import dev.symphony.kernel.settings.SettingsSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Discovery and the steps before activation: read and validate the manifest (PENDING →
 * VALIDATING), check the engine range, resolve dependencies, require the user's approval of the
 * permissions (installed extensions; a source checkout's own modules count as approved), set up
 * the sandbox folders, configure settings defaults, and register the capability schemas
 * (→ VALIDATED). Activation itself is lazy and belongs to the {@link Supervisor}.
 */
final class Lifecycle {
    private final KernelContext context;
    private final ExtensionStore store;
    private final CapabilitySchemas schemas;
    private final ValidatedManifests manifests;

    Lifecycle(KernelContext context, ExtensionStore store, CapabilitySchemas schemas) {
        this.context = context;
        this.store = store;
        this.schemas = schemas;
        this.manifests = new ValidatedManifests(context.paths().cache("manifests").resolve("validated.txt"));
    }

    /**
     * Installed extensions, then those bundled with the product, then source modules under the development
     * roots (the first found of an id wins: a user's install replaces a bundled version).
     */
    Map<String, Player> discover() {
        Map<String, Player> found = new LinkedHashMap<>();
        for (Path dir : store.installed()) {
            found.putIfAbsent(dir.getFileName().toString(), new Player(dir.getFileName().toString(), dir, Player.Origin.INSTALLED));
        }
        for (Path root : context.bundledRoots()) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.sorted().toList()) {
                    Path manifest = dir.resolve(ManifestReader.FILE_NAME);
                    if (Files.isRegularFile(manifest)) {
                        String id = idOf(manifest, dir);
                        found.putIfAbsent(id, new Player(id, dir, Player.Origin.BUNDLED));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        for (Path root : context.developmentRoots()) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> modules = Files.list(root)) {
                for (Path module : modules.sorted().toList()) {
                    Path manifest = module.resolve(ManifestReader.FILE_NAME);
                    if (Files.isRegularFile(manifest) && Files.isDirectory(module.resolve("target").resolve("classes"))) {
                        String id = idOf(manifest, module);
                        found.putIfAbsent(id, new Player(id, module, Player.Origin.SOURCE));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return found;
    }

    private static String idOf(Path manifest, Path module) {
        try {
            JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
            return n.path("id").asText(module.getFileName().toString());
        } catch (IOException e) {
            return module.getFileName().toString();
        }
    }

    /**
     * Validates every Player. The registry's order is the file system's, so a dependent may be seen
     * before its dependency's manifest was read: those that failed are validated once more.
     */
    void validateAll(Map<String, Player> all) {
        all.values().forEach(p -> validate(p, all));
        all.values().stream().filter(p -> p.state == PlayerState.FAILED).toList().forEach(p -> validate(p, all));
    }

    /**
     * The manifest of {@code p} when it is valid and may be used as is — enabled, and for an installed
     * extension approved — read as {@link #validate} reads it (the schema check cached by digest), with
     * nothing else checked or set up; empty otherwise.
     */
    Optional<ExtensionManifest> usableManifest(Player p) {
        try {
            Path file = p.dir().resolve(ManifestReader.FILE_NAME);
            ExtensionManifest m = manifests.read(Files.readAllBytes(file), file.toString());
            boolean usable = m.id().equals(p.id()) && store.enabled(p.id()) && (p.development() || store.approved(m));
            return usable ? Optional.of(m) : Optional.empty();
        } catch (ManifestException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Runs the validation steps for one Player; the rest of the registry is needed for dependencies. */
    void validate(Player p, Map<String, Player> all) {
        p.state = PlayerState.VALIDATING;
        p.problem = null;
        schemas.unregister(p.id());
        try {
            Path file = p.dir().resolve(ManifestReader.FILE_NAME);
            ExtensionManifest m = manifests.read(Files.readAllBytes(file), file.toString());
            p.manifest = m;
            if (!m.id().equals(p.id())) {
                throw new IllegalStateException("manifest id " + m.id() + " does not match the folder " + p.dir().getFileName());
            }
            if (!VersionRange.parse(m.engine()).contains(Version.parse(KernelContext.ENGINE_VERSION))) {
                throw new IllegalStateException("needs engine " + m.engine() + " but this is " + KernelContext.ENGINE_VERSION);
            }
            List<String> missing = new ArrayList<>();
            for (ExtensionManifest.Dependency d : m.dependencies()) {
                Player dep = all.get(d.id());
                if (dep == null || dep.manifest == null || !VersionRange.parse(d.version()).contains(dep.manifest.parsedVersion())) {
                    missing.add(d.id() + " " + d.version());
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("unresolved dependencies: " + String.join(", ", missing));
            }
            if (p.origin() == Player.Origin.INSTALLED && !store.approved(m)) {
                throw new IllegalStateException("its permissions are not approved: run `symphony ext install` again");
            }
            var roots = new PermissionChecker.Roots(context.workspace(), context.userHome(),
                    context.paths().data("extension-data").resolve(m.id()));
            Files.createDirectories(roots.extensionData());
            p.roots = roots;
            p.permissions = new PermissionChecker(m.permissions(), roots);
            p.settings = SettingsSchema.contributed(m.id(), m.contributes().settings());
            schemas.register(m);
            p.state = store.enabled(p.id()) ? PlayerState.VALIDATED : PlayerState.DISABLED;
        } catch (ManifestException e) {
            fail(p, e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(p, e.getMessage());
        }
    }

    private static void fail(Player p, String problem) {
        p.state = PlayerState.FAILED;
        p.problem = problem;
        p.permissions = null;
    }
}
