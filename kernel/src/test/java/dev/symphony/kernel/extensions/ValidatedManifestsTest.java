package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ValidatedManifestsTest {
    static byte[] probeManifest() throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources/test-plugins/probe/symphony-extension.json"));
    }

    @Test
    void aManifestThatPassedIsRememberedAndReadTheSameNextTime(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("cache/validated.txt");
        byte[] bytes = probeManifest();
        ExtensionManifest first = new ValidatedManifests(file).read(bytes, "probe");
        List<String> keys = Files.readAllLines(file);
        assertEquals(1, keys.size());
        assertTrue(keys.get(0).matches("[0-9a-f]{64}"), keys.get(0));
        ExtensionManifest again = new ValidatedManifests(file).read(bytes, "probe"); // a later kernel, from the file
        assertEquals(first, again);
        assertEquals(keys, Files.readAllLines(file), "nothing new to remember");
    }

    @Test
    void aChangedByteIsCheckedInFullAndABadManifestIsNeverRemembered(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("validated.txt");
        ValidatedManifests cache = new ValidatedManifests(file);
        byte[] good = probeManifest();
        cache.read(good, "probe");
        String bad = new String(good, StandardCharsets.UTF_8).replaceFirst("\"version\"\\s*:\\s*\"[^\"]*\"", "\"version\": 7");
        assertNotEquals(new String(good, StandardCharsets.UTF_8), bad);
        for (int i = 0; i < 2; i++) {
            ManifestException e = assertThrows(ManifestException.class, () -> cache.read(bad.getBytes(StandardCharsets.UTF_8), "bad"));
            assertTrue(e.getMessage().contains("$.version"), e.getMessage());
        }
        assertEquals(1, Files.readAllLines(file).size());
    }

    @Test
    void anUnreadableCacheMeansAFullCheck(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("validated.txt");
        Files.writeString(file, "not a key\n\u0000\n");
        assertNotNull(new ValidatedManifests(file).read(probeManifest(), "probe"));
        assertEquals(1, Files.readAllLines(file).size(), "the junk lines are dropped");
    }
}
