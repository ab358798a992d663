package dev.symphony.kernel.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.kernel.fs.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The publisher keys the user trusts, {@code <config>/trusted-publishers.json}: for each, the fingerprint,
 * the public key, the publisher's name as it was when trusted, and when. The user manages it
 * ({@code symphony ext trust add|list|remove}, or yes at an install's first-use prompt); an archive signed
 * by a key not in it is not installed without asking.
 */
public final class TrustedPublishers {
    public static final String FILE_NAME = "trusted-publishers.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /** One trusted key. */
    public record Trusted(String fingerprint, String publisher, String publicKey, String added) {
    }

    public TrustedPublishers(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public synchronized List<Trusted> list() {
        List<Trusted> out = new ArrayList<>();
        for (JsonNode n : read().path("keys")) {
            out.add(new Trusted(n.path("fingerprint").asText(), n.path("publisher").asText(), n.path("publicKey").asText(),
                    n.path("added").asText()));
        }
        return out;
    }

    /** The trusted entry of this key, if the user trusts it (matched on the key itself, not only its fingerprint). */
    public Optional<Trusted> find(PublicKey key) {
        String fp = PublisherKey.fingerprint(key);
        String encoded = PublisherKey.encode(key);
        return list().stream().filter(t -> t.fingerprint().equals(fp) && t.publicKey().equals(encoded)).findFirst();
    }

    /** Adds the key (no-op if present); returns its entry. */
    public synchronized Trusted add(String publisher, PublicKey key) {
        Optional<Trusted> existing = find(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode doc = read();
        Trusted t = new Trusted(PublisherKey.fingerprint(key), publisher, PublisherKey.encode(key), Instant.now().toString());
        ((ArrayNode) doc.withArray("/keys")).addObject().put("fingerprint", t.fingerprint()).put("publisher", t.publisher())
                .put("publicKey", t.publicKey()).put("added", t.added());
        save(doc);
        return t;
    }

    /**
     * Removes the key whose fingerprint starts with {@code prefix} (at least 8 hexadecimal digits, spaces and a
     * {@code SHA256:} prefix ignored). Empty when none matches; throws when the prefix matches several.
     */
    public synchronized Optional<Trusted> remove(String prefix) {
        String p = normalize(prefix);
        if (p.length() < 8) {
            throw new IllegalArgumentException("give at least 8 hexadecimal digits of the fingerprint (see `symphony ext trust list`)");
        }
        List<Trusted> matches = list().stream().filter(t -> t.fingerprint().startsWith(p)).toList();
        if (matches.size() > 1) {
            throw new IllegalArgumentException(prefix + " matches " + matches.size() + " keys; give more of the fingerprint");
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = read();
        ArrayNode keys = (ArrayNode) doc.withArray("/keys");
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).path("fingerprint").asText().equals(matches.get(0).fingerprint())) {
                keys.remove(i);
                break;
            }
        }
        save(doc);
        return Optional.of(matches.get(0));
    }

    static String normalize(String fingerprint) {
        String s = fingerprint.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("sha256:")) {
            s = s.substring("sha256:".length());
        }
        return s.replaceAll("[\\s:]", "");
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!(n instanceof ObjectNode o) || !o.path("keys").isArray() && o.has("keys")) {
                throw new UncheckedIOException(new IOException(file + " is not a list of trusted publisher keys; fix or remove it"));
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read " + file + ": " + e.getMessage(), e));
        }
    }

    private void save(ObjectNode doc) {
        try {
            AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot write " + file + ": " + e.getMessage(), e));
        }
    }
}
