package dev.symphony.kernel.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.symphony.contract.manifest.Version;
import dev.symphony.kernel.signing.ArchiveSignature;
import dev.symphony.kernel.signing.ArchiveSigner;
import dev.symphony.kernel.signing.PublisherKey;
import dev.symphony.kernel.signing.SignatureException;
import dev.symphony.kernel.signing.SignaturePolicy;
import dev.symphony.kernel.signing.TrustedPublishers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A published Melody (Polyphony): a zip of exactly {@value #META} (id, version, publisher, name, description,
 * categories, the extensions it needs) and {@value #MELODY} (the Melody's bytes as its author wrote them), signed
 * like an extension archive, so a changed or added entry, a stripped signature or a key of another publisher is
 * refused. The kernel does not read the Melody itself; the conductor validates it.
 */
public final class MelodyPackage {
    public static final String META = "polyphony.json";
    public static final String MELODY = "melody.json";
    static final String FORMAT = "symphony-melody-package/1";
    static final int MAX_ENTRY_BYTES = 4 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENTRIES = Set.of(META, MELODY, ArchiveSignature.ENTRY, "META-INF/");

    private MelodyPackage() {
    }

    /** What {@value #META} says. */
    public record Meta(String id, String version, String publisher, String displayName, String description,
                       List<String> categories, List<MelodyListing.Requirement> requires) {
        public String fileName() {
            return id + "-" + version + ".melody.zip";
        }
    }

    /** An opened, verified package. */
    public record Opened(Meta meta, byte[] melody, ArchiveSignature.Verified signer) {
    }

    /** True when {@code zip} is a Melody package rather than an extension archive. */
    public static boolean isPackage(ZipFile zip) {
        return zip.getEntry(META) != null;
    }

    /** Writes {@code melody} with {@code meta} into {@code dir/}{@link Meta#fileName()}, signed with {@code key}. */
    public static Path write(Path dir, Meta meta, byte[] melody, PublisherKey key) throws IOException {
        if (!meta.publisher().equals(key.publisher())) {
            throw new IllegalArgumentException("the key belongs to '" + key.publisher() + "', not to the Melody's publisher '" + meta.publisher() + "'");
        }
        if (!MelodyListing.ID.matcher(meta.id()).matches()) {
            throw new IllegalArgumentException("'" + meta.id() + "' is not a Melody id (" + MelodyListing.ID + ")");
        }
        Version.parse(meta.version());
        if (melody.length > MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("the Melody is larger than " + (MAX_ENTRY_BYTES >> 20) + " MB");
        }
        Path target = dir.resolve(meta.fileName());
        Path temp = Files.createTempFile(dir, "." + meta.fileName() + ".", ".packing");
        try {
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temp))) {
                put(out, META, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(metaJson(meta)));
                put(out, MELODY, melody);
            }
            ArchiveSigner.sign(temp, key);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ArchiveSigner.PACKED_TIME);
        out.putNextEntry(e);
        out.write(bytes);
        out.closeEntry();
    }

    static ObjectNode metaJson(Meta m) {
        ObjectNode n = JSON.createObjectNode().put("format", FORMAT).put("id", m.id()).put("version", m.version())
                .put("publisher", m.publisher()).put("displayName", m.displayName()).put("description", m.description());
        m.categories().forEach(n.putArray("categories")::add);
        MelodyListing.writeRequirements(n.putArray("requires"), m.requires());
        return n;
    }

    /** Reads only {@value #META} of a package (signature checked), for building an index. */
    public static Meta readMeta(ZipFile zip, String where) throws IOException, IndexException {
        checkSigned(zip, where);
        return meta(read(zip, META, where), where + "!/" + META);
    }

    /**
     * Opens a package for import: its signature must hold and its key must be a trusted key of the publisher its
     * {@value #META} names; it may hold nothing but its two entries. Throws naming what failed.
     */
    public static Opened open(Path archive, TrustedPublishers trust) throws IndexException {
        String where = archive.getFileName().toString();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ArchiveSignature.Verified signer = checkSigned(zip, where);
            Meta meta = meta(read(zip, META, where), where + "!/" + META);
            SignaturePolicy.Decision d = SignaturePolicy.decide(Optional.of(signer), meta.publisher(), trust, false, where);
            if (d.kind() != SignaturePolicy.Kind.TRUSTED) {
                throw new IndexException(d.refused() ? d.message() : where + ": " + d.message()
                        + "\nA Melody is imported only from a trusted publisher: `symphony ext trust add KEY.pub` first.");
            }
            return new Opened(meta, read(zip, MELODY, where), signer);
        } catch (IOException e) {
            throw new IndexException(where + " is not a readable Melody package: " + e.getMessage());
        }
    }

    private static ArchiveSignature.Verified checkSigned(ZipFile zip, String where) throws IOException, IndexException {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
            if (!ENTRIES.contains(e.getName())) {
                throw new IndexException(where + " holds '" + e.getName() + "', which a Melody package may not (only " + META + " and " + MELODY + ")");
            }
        }
        try {
            return ArchiveSignature.verify(zip, where).orElseThrow(() -> new IndexException(where
                    + " is not signed (a signature stripped from a signed package looks the same): refused"));
        } catch (SignatureException e) {
            throw new IndexException(e.getMessage());
        }
    }

    private static byte[] read(ZipFile zip, String name, String where) throws IOException, IndexException {
        ZipEntry e = zip.getEntry(name);
        if (e == null || e.isDirectory()) {
            throw new IndexException(where + " has no " + name);
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
            if (bytes.length > MAX_ENTRY_BYTES) {
                throw new IndexException(where + "!/" + name + " is larger than " + (MAX_ENTRY_BYTES >> 20) + " MB");
            }
            return bytes;
        }
    }

    static Meta meta(byte[] bytes, String where) throws IndexException {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IndexException(where + " is not JSON: " + e.getMessage());
        }
        if (n == null || !FORMAT.equals(n.path("format").asText())) {
            throw new IndexException(where + ": $.format is not '" + FORMAT + "'");
        }
        String version = ExtensionIndex.text(n, "version", where + ": $", null);
        try {
            Version.parse(version);
        } catch (RuntimeException e) {
            throw new IndexException(where + ": $.version: " + e.getMessage());
        }
        String id = ExtensionIndex.text(n, "id", where + ": $", MelodyListing.ID);
        return new Meta(id, version, ExtensionIndex.text(n, "publisher", where + ": $", null), n.path("displayName").asText(id),
                n.path("description").asText(""), ExtensionIndex.strings(n.path("categories")),
                MelodyListing.requirements(n.path("requires"), where + ": $.requires"));
    }
}
