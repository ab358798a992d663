package dev.symphony.kernel.extensions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Malicious and broken archives are refused before anything lands in the extensions folder. */
class ArchiveInstallerTest {
    @TempDir
    Path tmp;

    static final String MANIFEST = """
            {"id": "dev.example.ok", "version": "1.0.0", "publisher": "x", "kind": "operator",
             "entryClass": "x.Y", "engine": "[0.1.0,1.0.0)",
             "capabilities": [{"name": "a", "input": {}, "output": {}}], "permissions": {}}
            """;

    /** Writes a zip; entries whose value starts with "->" become Unix symbolic links to the rest. */
    Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write((e.getValue().startsWith("->") ? e.getValue().substring(2) : e.getValue()).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50) {
                int nameLen = b.getShort(i + 28) & 0xffff;
                String entry = new String(bytes, i + 46, nameLen, StandardCharsets.UTF_8);
                if (entries.getOrDefault(entry, "").startsWith("->")) {
                    b.putShort(i + 4, (short) (3 << 8 | 30)); // made by Unix
                    b.putInt(i + 38, 0120777 << 16);           // mode: symbolic link
                }
            }
        }
        Files.write(zip, bytes);
        return zip;
    }

    ArchiveInstaller installer() {
        return new ArchiveInstaller(new ExtensionStore(tmp.resolve("extensions")));
    }

    InstallException refused(Path archive) {
        return assertThrows(InstallException.class, () -> installer().prepare(archive, null));
    }

    void assertNothingInstalled() throws IOException {
        assertFalse(Files.exists(tmp.resolve("extensions")), "staging folders and the folder made for them are cleaned up");
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
    }

    @Test
    void aValidArchiveInstallsAndIsApproved() throws Exception {
        ArchiveInstaller installer = installer();
        var prepared = installer.prepare(zip("ok.zip", Map.of("symphony-extension.json", MANIFEST, "classes/x.txt", "x")), null);
        try (Stream<Path> s = Files.list(tmp.resolve("extensions"))) {
            assertEquals(1, s.count(), "before approval only the private staging folder exists");
        }
        Path dir = installer.commit(prepared);
        assertEquals("x", Files.readString(dir.resolve("classes/x.txt")));
        assertTrue(new ExtensionStore(tmp.resolve("extensions")).approved(prepared.manifest()));
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        InstallException e = refused(zip("slip.zip", Map.of("symphony-extension.json", MANIFEST, "../../evil.txt", "pwned")));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("escapes the extension folder"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void absolutePathsAreRefused() throws Exception {
        InstallException e = refused(zip("abs.zip", Map.of("symphony-extension.json", MANIFEST, "/tmp/evil.txt", "pwned")));
        assertTrue(e.getMessage().contains("absolute path"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void symlinksAreRefusedEvenInsideTheFolder() throws Exception {
        InstallException inner = refused(zip("inner.zip", Map.of("symphony-extension.json", MANIFEST, "classes/x.txt", "x",
                "classes/inner-link", "->x.txt")));
        assertTrue(inner.getMessage().contains("symbolic link"), inner.getMessage());
        InstallException e = refused(zip("link.zip", Map.of("symphony-extension.json", MANIFEST, "classes/passwd", "->../../../../etc/passwd")));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        e = refused(zip("link2.zip", Map.of("symphony-extension.json", MANIFEST, "classes/passwd", "->/etc/passwd")));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void aBadManifestIsRefusedWithJsonPaths() throws Exception {
        InstallException e = refused(zip("bad.zip", Map.of("symphony-extension.json",
                MANIFEST.replace("\"operator\"", "\"daemon\"").replace("\"permissions\": {}", "\"permissions\": {\"maxHeapMb\": 1}"))));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("$.kind"), e.getMessage());
        assertTrue(e.getMessage().contains("$.permissions.maxHeapMb"), e.getMessage());
        assertNothingInstalled();
    }

    @Test
    void digestsAreChecked() throws Exception {
        Path ok = zip("ok.zip", Map.of("symphony-extension.json", MANIFEST));
        String digest = ArchiveInstaller.sha256(ok);
        // another digest: its first digit changed (not "00" + the rest, which is the same one when it starts with 00:
        // one archive in 256, and the zip's timestamps make a new archive every run)
        String other = (digest.charAt(0) == '0' ? "1" : "0") + digest.substring(1);
        assertEquals(2, assertThrows(InstallException.class, () -> installer().prepare(ok, other)).exitCode());
        installer().abort(installer().prepare(ok, digest.toUpperCase()));
        Files.writeString(tmp.resolve("ok.zip.sha256"), "deadbeef  ok.zip\n");
        InstallException e = refused(ok);
        assertTrue(e.getMessage().contains("ok.zip.sha256"), e.getMessage());
        Files.writeString(tmp.resolve("ok.zip.sha256"), digest + "  ok.zip\n");
        installer().abort(installer().prepare(ok, null));
    }
}
