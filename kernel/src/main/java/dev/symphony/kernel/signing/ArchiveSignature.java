package dev.symphony.kernel.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The signature of an extension archive: the entry {@value #ENTRY}, a JSON document listing every other
 * entry (name, file or folder, size, SHA-256 of its bytes) with the publisher's name and public key, and an
 * Ed25519 signature over an unambiguous binary encoding of all of that. Checking it reads every entry's
 * bytes, so an entry added, removed, renamed or changed after signing, and an altered list, are refused,
 * each with a message naming what failed. An archive without the entry is unsigned: what the caller does
 * with that (refuse unless the user allowed unsigned archives) is its policy, so stripping the signature
 * is no way around it.
 */
public final class ArchiveSignature {
    public static final String ENTRY = "META-INF/symphony-signature.json";
    static final String FORMAT = "symphony-signature/1";
    private static final int MAX_DOCUMENT_BYTES = 8 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One signed entry; {@code sha256} is empty for a folder. */
    record Signed(String name, boolean directory, long size, String sha256) {
    }

    /** A signature that holds: made with {@code key}, whose maker calls itself {@code publisher}. */
    public record Verified(String publisher, PublicKey key) {
        public String fingerprint() {
            return PublisherKey.fingerprint(key);
        }
    }

    private ArchiveSignature() {
    }

    /**
     * Checks {@code zip}'s signature against its entries. Empty: the archive carries no signature.
     * Throws naming what failed ({@code where} names the archive in messages).
     */
    public static Optional<Verified> verify(ZipFile zip, String where) throws IOException, SignatureException {
        ZipEntry sig = zip.getEntry(ENTRY);
        if (sig == null) {
            return Optional.empty();
        }
        if (sig.isDirectory()) {
            throw new SignatureException(where + ": " + ENTRY + " is a folder, not a signature");
        }
        JsonNode doc;
        try (InputStream in = zip.getInputStream(sig)) {
            byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new SignatureException(where + ": " + ENTRY + " is larger than " + (MAX_DOCUMENT_BYTES >> 20) + " MB");
            }
            doc = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new SignatureException(where + ": " + ENTRY + " is not JSON: " + e.getOriginalMessage());
        }
        if (doc == null || !FORMAT.equals(doc.path("format").asText()) || !PublisherKey.ALGORITHM.equals(doc.path("algorithm").asText())) {
            throw new SignatureException(where + ": " + ENTRY + " is not a " + FORMAT + " " + PublisherKey.ALGORITHM + " signature");
        }
        String publisher = doc.path("publisher").asText();
        PublicKey key = PublisherKey.decode(doc.path("publicKey").asText(), where + ": " + ENTRY + " $.publicKey");
        if (doc.has("fingerprint") && !doc.path("fingerprint").asText().equals(PublisherKey.fingerprint(key))) {
            throw new SignatureException(where + ": " + ENTRY + " $.fingerprint is not the fingerprint of its $.publicKey");
        }
        List<Signed> signed = entries(doc.path("entries"), where);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(doc.path("signature").asText());
        } catch (IllegalArgumentException e) {
            throw new SignatureException(where + ": " + ENTRY + " $.signature is not base64");
        }
        if (!PublisherKey.verify(key, canonical(publisher, key, signed), signature)) {
            throw new SignatureException(where + ": the signature does not match the signed list of entries "
                    + "(" + ENTRY + " was altered after signing, or signed by another key than it names)");
        }
        compare(signed, digest(zip), where);
        return Optional.of(new Verified(publisher, key));
    }

    private static List<Signed> entries(JsonNode list, String where) throws SignatureException {
        if (!list.isArray()) {
            throw new SignatureException(where + ": " + ENTRY + " $.entries is not a list");
        }
        List<Signed> out = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = where + ": " + ENTRY + " $.entries[" + i + "]";
            String name = e.path("name").asText(null);
            boolean dir = "directory".equals(e.path("type").asText());
            String sha = e.path("sha256").asText("");
            if (name == null || !e.path("size").canConvertToLong() || e.path("size").asLong() < 0
                    || !(dir ? sha.isEmpty() : sha.matches("[0-9a-f]{64}")) || !(dir || "file".equals(e.path("type").asText()))) {
                throw new SignatureException(at + " is not {name, type: file|directory, size, sha256}");
            }
            if (previous != null && previous.compareTo(name) >= 0) {
                throw new SignatureException(at + " is out of order or repeated ('" + name + "')");
            }
            previous = name;
            out.add(new Signed(name, dir, e.path("size").asLong(), sha));
        }
        return out;
    }

    private static void compare(List<Signed> signed, Map<String, Signed> actual, String where) throws SignatureException {
        Map<String, Signed> expected = new LinkedHashMap<>();
        signed.forEach(s -> expected.put(s.name(), s));
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                throw new SignatureException(where + ": entry '" + name + "' was added after signing (the signature does not cover it)");
            }
        }
        for (Signed s : signed) {
            Signed a = actual.get(s.name());
            if (a == null) {
                throw new SignatureException(where + ": entry '" + s.name() + "' was removed after signing");
            }
            if (!a.equals(s)) {
                throw new SignatureException(where + ": entry '" + s.name() + "' was changed after signing (its "
                        + (a.directory() != s.directory() ? "type" : a.size() != s.size() ? "size" : "SHA-256") + " differs from what was signed)");
            }
        }
    }

    /** Every entry but the signature, by name, with its bytes' digest (reads every byte). */
    static Map<String, Signed> digest(ZipFile zip) throws IOException {
        Map<String, Signed> out = new java.util.TreeMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            if (e.getName().equals(ENTRY)) {
                continue;
            }
            if (e.isDirectory()) {
                out.put(e.getName(), new Signed(e.getName(), true, 0, ""));
                continue;
            }
            try (InputStream in = new DigestInputStream(zip.getInputStream(e), sha256())) {
                long size = in.transferTo(OutputStream.nullOutputStream());
                out.put(e.getName(), new Signed(e.getName(), false, size,
                        HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest())));
            }
        }
        return out;
    }

    /** The signature document for {@code entries} (sorted by name), signed with {@code key}. */
    static byte[] document(PublisherKey key, List<Signed> entries) throws IOException {
        ObjectNode doc = JSON.createObjectNode().put("format", FORMAT).put("algorithm", PublisherKey.ALGORITHM)
                .put("publisher", key.publisher()).put("publicKey", PublisherKey.encode(key.publicKey()))
                .put("fingerprint", key.fingerprint());
        ArrayNode list = doc.putArray("entries");
        for (Signed s : entries) {
            ObjectNode n = list.addObject().put("name", s.name()).put("type", s.directory() ? "directory" : "file").put("size", s.size());
            if (!s.directory()) {
                n.put("sha256", s.sha256());
            }
        }
        doc.put("signature", Base64.getEncoder().encodeToString(key.sign(canonical(key.publisher(), key.publicKey(), entries))));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    }

    /** Length-prefixed fields, so no two different lists encode alike. */
    static byte[] canonical(String publisher, PublicKey key, List<Signed> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            field(out, FORMAT);
            field(out, publisher);
            field(out, PublisherKey.encode(key));
            out.writeInt(entries.size());
            for (Signed s : entries) {
                field(out, s.name());
                out.writeBoolean(s.directory());
                out.writeLong(s.size());
                field(out, s.sha256());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
