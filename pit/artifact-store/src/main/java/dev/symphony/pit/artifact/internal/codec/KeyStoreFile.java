package dev.symphony.pit.artifact.internal.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32C;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.symphony.pit.artifact.api.ArtifactStoreException;

/**
 * The store's AES-256 key, in {@code <root>/keystore}. Created once with owner-only permissions (POSIX
 * {@code rw-------}; on other systems the user-profile folder's ACL is what protects it), written to a
 * temporary file and renamed so a crash never leaves half a key. The key is never logged or printed:
 * nothing here has a {@code toString} that shows it, and errors name only the file.
 *
 * <pre>
 *  0        8          40         44
 *  +--------+----------+----------+
 *  | magic  | key (32) | crc32c   |
 *  +--------+----------+----------+
 * </pre>
 *
 * Honest scope: encryption at rest protects copies of the log and archive folder made without the key
 * file (backups, synced archive folders, a stolen disk image of the data folder without the home folder).
 * It does not protect against code running as the same user.
 */
public final class KeyStoreFile {
    public static final String FILE_NAME = "keystore";
    private static final long MAGIC = 0x53594D4B45593031L; // "SYMKEY01"
    private static final int LENGTH = 8 + 32 + 4;

    private KeyStoreFile() {
    }

    /** Loads the key, creating the key file if it does not exist yet. */
    public static SecretKey loadOrCreate(Path root) {
        Path file = root.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return load(file);
        } catch (IOException e) {
            throw new ArtifactStoreException("cannot read or create the artifact key store " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static SecretKey load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length != LENGTH || buffer.getLong(0) != MAGIC) {
            throw new ArtifactStoreException("the artifact key store " + file + " is not a Symphony key file ("
                    + bytes.length + " bytes); restore it from a backup — without it the artifacts cannot be read");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 40);
        if ((int) crc.getValue() != buffer.getInt(40)) {
            throw new ArtifactStoreException("the artifact key store " + file + " is corrupt (checksum mismatch)");
        }
        SecretKey key = new SecretKeySpec(bytes, 8, 32, "AES");
        Arrays.fill(bytes, (byte) 0);
        return key;
    }

    private static void create(Path file) throws IOException {
        byte[] bytes = new byte[LENGTH];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.putLong(0, MAGIC);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        System.arraycopy(key, 0, bytes, 8, 32);
        Arrays.fill(key, (byte) 0);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 40);
        buffer.putInt(40, (int) crc.getValue());

        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        createOwnerOnly(tmp);
        try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp); // another opener won the race; its key is the key
        }
        FileSync.directory(file.getParent());
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            Files.createFile(file, ownerOnly);
        } else {
            Files.createFile(file);
        }
    }
}
