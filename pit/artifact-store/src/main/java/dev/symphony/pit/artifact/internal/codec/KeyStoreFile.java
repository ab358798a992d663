package dev.symphony.pit.artifact.internal.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;

import dev.symphony.pit.artifact.api.ArtifactKeySource;
import dev.symphony.pit.artifact.api.ArtifactStoreException;

/**
 * A store's AES-256 key in a file of its own (the {@link ArtifactKeySource#file} source, and the format of the
 * {@value #LEGACY_NAME} file that older stores kept inside their folder). Created with owner-only permissions (POSIX
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
 * Honest scope: encryption at rest protects copies of the store's folder made without the key (backups,
 * synced archive folders, a disk image of the data folder). It does not protect against code running as the
 * same user.
 */
public final class KeyStoreFile implements ArtifactKeySource {
    /** The key file older stores kept inside their own folder; moved out on first open ({@link StoreKey}). */
    public static final String LEGACY_NAME = "keystore";
    private static final long MAGIC = 0x53594D4B45593031L; // "SYMKEY01"
    private static final int LENGTH = 8 + 32 + 4;

    private final Path file;

    public KeyStoreFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<byte[]> load() {
        try {
            return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
        } catch (IOException e) {
            throw new ArtifactStoreException("cannot read the artifact key file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(byte[] key) {
        try {
            Files.createDirectories(file.getParent());
            write(file, key);
        } catch (IOException e) {
            throw new ArtifactStoreException("cannot write the artifact key file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String where() {
        return "the key file " + file;
    }

    /** The key in {@code file}; throws {@link ArtifactStoreException} for a file that is not a key file. */
    public static byte[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
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
            return Arrays.copyOfRange(bytes, 8, 40);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void write(Path file, byte[] key) throws IOException {
        byte[] bytes = new byte[LENGTH];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.putLong(0, MAGIC);
        System.arraycopy(key, 0, bytes, 8, 32);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, 40);
        buffer.putInt(40, (int) crc.getValue());

        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
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
