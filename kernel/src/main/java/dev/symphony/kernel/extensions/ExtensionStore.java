package dev.symphony.kernel.extensions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.kernel.fs.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Installed extensions under {@code <data>/extensions/<id>/} (exploded archives) and their
 * per-user state in {@code <data>/extensions/state.json}: enabled or not, and the digest of the
 * permissions the user approved (a changed permission set needs a new approval). Shared by the IDE
 * and every CLI command.
 */
public final class ExtensionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public ExtensionStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path folderOf(String id) {
        return dir.resolve(id);
    }

    /** Folders of installed extensions (those holding a manifest). */
    public List<Path> installed() {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve("symphony-extension.json"))).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public synchronized boolean enabled(String id) {
        return state().path(id).path("enabled").asBoolean(true);
    }

    public synchronized void setEnabled(String id, boolean enabled) {
        ObjectNode s = state();
        s.withObject("/" + id).put("enabled", enabled);
        save(s);
    }

    public synchronized boolean approved(ExtensionManifest manifest) {
        return permissionsDigest(manifest).equals(state().path(manifest.id()).path("approvedPermissions").asText());
    }

    public synchronized void approve(ExtensionManifest manifest) {
        ObjectNode s = state();
        s.withObject("/" + manifest.id()).put("approvedPermissions", permissionsDigest(manifest)).put("enabled", true);
        save(s);
    }

    /** The version of {@code id} the user marked trusted to run without an OS sandbox, if any. */
    public synchronized java.util.Optional<String> trusted(String id) {
        String v = state().path(id).path("trustedVersion").asText("");
        return v.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(v);
    }

    /** Marks {@code version} of {@code id} trusted (null: no longer trusted). A new version needs trusting again. */
    public synchronized void trust(String id, String version) {
        ObjectNode s = state();
        if (version == null) {
            s.withObject("/" + id).remove("trustedVersion");
        } else {
            s.withObject("/" + id).put("trustedVersion", version);
        }
        save(s);
    }

    public synchronized void forget(String id) {
        ObjectNode s = state();
        s.remove(id);
        save(s);
    }

    static String permissionsDigest(ExtensionManifest manifest) {
        try {
            byte[] canonical = JSON.writeValueAsBytes(manifest.raw().path("permissions"));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode state() {
        Path file = dir.resolve("state.json");
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return n instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void save(ObjectNode state) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.writeString(dir.resolve("state.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("state.json"), e);
        }
    }
}
