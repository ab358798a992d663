package dev.symphony.kernel.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test fixtures: an extension folder, packed and signed, and ways to rewrite a signed archive's entries. */
public final class SignedArchives {
    public static final String PUBLISHER = "dev.example";

    private SignedArchives() {
    }

    public static String manifest(String id, String version, String publisher) {
        return """
                {"id": "%s", "version": "%s", "publisher": "%s", "kind": "operator",
                 "entryClass": "x.Y", "engine": "[0.1.0,1.0.0)",
                 "capabilities": [{"name": "a", "input": {}, "output": {}}], "permissions": {}}
                """.formatted(id, version, publisher);
    }

    /** An extension folder with a manifest, two classes and a library. */
    public static Path folder(Path dir, String id, String version) throws IOException {
        Files.createDirectories(dir.resolve("classes/x"));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("symphony-extension.json"), manifest(id, version, PUBLISHER));
        Files.writeString(dir.resolve("classes/x/Y.class"), "not really a class " + version);
        Files.writeString(dir.resolve("classes/x/Z.class"), "another " + id);
        Files.write(dir.resolve("lib/dep.jar"), new byte[4096]);
        return dir;
    }

    public static Path signed(Path tmp, PublisherKey key, String id, String version) throws Exception {
        Path dir = folder(tmp.resolve(id + "-" + version + "-src"), id, version);
        Path archive = ArchivePacker.pack(dir, tmp.resolve(id + "-" + version + ".zip")).archive();
        ArchiveSigner.sign(archive, key);
        return archive;
    }

    /** Every entry's bytes, by name, in archive order. */
    public static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = z.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                try (InputStream in = z.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** Rewrites {@code zip} with {@code change} applied to its entries (signature entry kept as it was). */
    public static Path rewrite(Path zip, Path out, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = change.apply(read(zip));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
