package dev.symphony.pit.artifact.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import dev.symphony.pit.artifact.api.ArtifactStoreException;
import dev.symphony.pit.artifact.internal.codec.FileSync;

/**
 * The cold tier: one file per archived content, {@code <archive>/<hh>/<sha256>.blob}, holding the same
 * encrypted stored form as the log (the archive folder can be synced elsewhere without the key).
 *
 * <pre>
 *  0 magic "SYMARC01" | 8 codecFlags:i | 12 rawLength:l | 20 storedLength:i | 24 crc32c(stored):i | 28 stored...
 * </pre>
 * Written to a temporary file, fsynced and renamed, so an archive file is either complete or absent.
 */
final class ArchiveFolder {
    private static final long MAGIC = 0x53594D4152433031L;
    private static final int HEADER = 28;

    private final Path dir;

    ArchiveFolder(Path dir) {
        this.dir = dir;
    }

    Path file(String hashHex) {
        return dir.resolve(hashHex.substring(0, 2)).resolve(hashHex + ".blob");
    }

    void write(String hashHex, int codecFlags, long rawLength, byte[] stored, int storedLength) {
        Path file = file(hashHex);
        Path tmp = file.resolveSibling(hashHex + ".blob.tmp");
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        CRC32C crc = new CRC32C();
        crc.update(stored, 0, storedLength);
        header.putLong(MAGIC).putInt(codecFlags).putLong(rawLength).putInt(storedLength).putInt((int) crc.getValue());
        header.flip();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer body = ByteBuffer.wrap(stored, 0, storedLength);
                while (header.hasRemaining() || body.hasRemaining()) {
                    out.write(new ByteBuffer[] {header, body});
                }
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            FileSync.directory(file.getParent());
        } catch (IOException e) {
            throw new ArtifactStoreException("cannot write archive file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The stored bytes of an archived content; {@code flagsOut[0]} receives its codec flags. */
    byte[] read(String hashHex, int[] flagsOut, String where) {
        Path file = file(hashHex);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ArtifactStoreException("the archived content of " + where + " is missing: " + file
                    + " (was the archive folder moved or cleaned by hand?)", e);
        } catch (IOException e) {
            throw new ArtifactStoreException("cannot read archive file " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER || header.getLong(0) != MAGIC || header.getInt(20) != bytes.length - HEADER) {
            throw new ArtifactStoreException("archive file " + file + " of " + where + " is not a complete Symphony archive file");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER, bytes.length - HEADER);
        if ((int) crc.getValue() != header.getInt(24)) {
            throw new ArtifactStoreException("archive file " + file + " of " + where + " is corrupt (checksum mismatch)");
        }
        flagsOut[0] = header.getInt(8);
        return java.util.Arrays.copyOfRange(bytes, HEADER, bytes.length);
    }

    void delete(String hashHex) {
        try {
            Files.deleteIfExists(file(hashHex));
        } catch (IOException e) {
            throw new ArtifactStoreException("cannot delete archive file " + file(hashHex) + ": " + e.getMessage(), e);
        }
    }
}
