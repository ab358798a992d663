package dev.symphony.agent.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.symphony.kernel.secrets.EncryptedSecretFile;
import dev.symphony.kernel.secrets.MachineKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoints' copies at rest: encrypted, named without revealing their content, refused when damaged or foreign. */
class BlobStoreTest {
    @TempDir
    Path dir;

    static final byte[] SECRET = "OPENAI_API_KEY=sk-very-secret-value\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void copiesAreEncryptedDeduplicatedAndNamedByAKeyedHash() throws IOException {
        BlobStore store = new BlobStore(dir, BlobStore.newKey());
        String name = store.put(SECRET);
        assertEquals(name, store.put(SECRET.clone()), "equal contents, one copy");
        assertNotEquals(BlobStore.hash(SECRET), name, "a plain SHA-256 would confirm a guessed file");
        List<Path> files = files();
        assertEquals(1, files.size());
        byte[] onDisk = Files.readAllBytes(files.get(0));
        assertFalse(new String(onDisk, StandardCharsets.ISO_8859_1).contains("sk-very-secret"), "nothing readable at rest");
        assertArrayEquals(SECRET, store.read(name));
        assertNotEquals(name, new BlobStore(dir.resolve("other"), BlobStore.newKey()).name(SECRET), "names depend on the key");
    }

    @Test
    void aDamagedSwappedOrForeignCopyIsRefusedByName() throws IOException {
        byte[] key = BlobStore.newKey();
        BlobStore store = new BlobStore(dir, key);
        String a = store.put("a\n".getBytes(StandardCharsets.UTF_8));
        String b = store.put("b\n".getBytes(StandardCharsets.UTF_8));
        IOException foreign = assertThrows(IOException.class, () -> new BlobStore(dir, BlobStore.newKey()).read(a));
        assertTrue(foreign.getMessage().contains("another key"), foreign.getMessage());

        Path fileA = dir.resolve(a.substring(0, 2)).resolve(a);
        Path fileB = dir.resolve(b.substring(0, 2)).resolve(b);
        Files.copy(fileB, fileA, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IOException swapped = assertThrows(IOException.class, () -> store.read(a));
        assertTrue(swapped.getMessage().contains(fileA.toString()), swapped.getMessage());

        byte[] bytes = Files.readAllBytes(fileB);
        bytes[bytes.length - 1] ^= 1;
        Files.write(fileB, bytes);
        assertThrows(IOException.class, () -> store.read(b));
        assertArrayEquals("a\n".getBytes(StandardCharsets.UTF_8), new BlobStore(dir.resolve("again"), key).read(
                new BlobStore(dir.resolve("again"), key).put("a\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theKeyIsMadeOnceAndKeptWithTheUsersSecretsNotBesideTheCopies() throws IOException {
        Path config = dir.resolve("config");
        // no keychain and a secret file without a passphrase: MachineKeys keeps it in a 0600 file of the config folder
        MachineKeys keys = new MachineKeys(() -> new EncryptedSecretFile(config.resolve("secrets.enc"), Optional::empty),
                config.resolve("keys"));
        byte[] first = CheckpointKeys.load(keys);
        assertEquals(32, first.length);
        assertArrayEquals(first, CheckpointKeys.load(keys), "made once, then read");
        Path file = config.resolve("keys").resolve("checkpoints.key");
        assertTrue(Files.isRegularFile(file));
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
