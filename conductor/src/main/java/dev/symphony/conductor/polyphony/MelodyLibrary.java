package dev.symphony.conductor.polyphony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.symphony.kernel.fs.AtomicFiles;
import dev.symphony.kernel.marketplace.MelodyPackage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Every version of a Melody imported from an index, kept under {@code <data>/polyphony/ID/}: the Melody's bytes as
 * published ({@code VERSION.melody.json}) and {@code history.json} (version, SHA-256, publisher, key fingerprint,
 * index, when), newest last.
 */
public final class MelodyLibrary {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;

    public MelodyLibrary(Path root) {
        this.root = root;
    }

    public record Entry(String version, String sha256, String publisher, String fingerprint, String index, String imported) {
    }

    /** The versions of {@code id} imported so far, oldest first (none: empty). */
    public List<Entry> history(String id) throws IOException {
        Path file = root.resolve(id).resolve("history.json");
        List<Entry> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        JsonNode list = JSON.readTree(file.toFile());
        if (list == null || !list.isArray()) {
            throw new IOException(file + " is not a list of imported versions");
        }
        for (JsonNode n : list) {
            out.add(new Entry(n.path("version").asText(), n.path("sha256").asText(), n.path("publisher").asText(),
                    n.path("fingerprint").asText(), n.path("index").asText(), n.path("imported").asText()));
        }
        return out;
    }

    /** The stored bytes of a version, as published. */
    public Path copy(String id, String version) {
        return root.resolve(id).resolve(version + ".melody.json");
    }

    /** Keeps {@code melody} as {@code meta}'s version and records it in the history; returns the kept copy. */
    public Path keep(MelodyPackage.Meta meta, byte[] melody, String fingerprint, String index) throws IOException {
        Path copy = copy(meta.id(), meta.version());
        AtomicFiles.write(copy, melody);
        List<Entry> history = history(meta.id());
        history.removeIf(e -> e.version().equals(meta.version()));
        history.add(new Entry(meta.version(), sha256(melody), meta.publisher(), fingerprint, index, Instant.now().toString()));
        ArrayNode list = JSON.createArrayNode();
        history.forEach(e -> list.addObject().put("version", e.version()).put("sha256", e.sha256()).put("publisher", e.publisher())
                .put("fingerprint", e.fingerprint()).put("index", e.index()).put("imported", e.imported()));
        AtomicFiles.write(root.resolve(meta.id()).resolve("history.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(list));
        return copy;
    }

    /** True when {@code bytes} are exactly some imported version of {@code id} (the user has not changed them). */
    public boolean isImported(String id, byte[] bytes) throws IOException {
        String sha = sha256(bytes);
        return history(id).stream().anyMatch(e -> e.sha256().equals(sha));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
