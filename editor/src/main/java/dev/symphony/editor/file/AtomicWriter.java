package dev.symphony.editor.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that a crash leaves either the old or the new content, never a mix: write a
 * temporary file in the same folder, fsync it, copy the old file's permissions onto it, rename it
 * over the target, fsync the folder. A symbolic link is followed, so the link itself survives.
 */
public final class AtomicWriter {

    /** Writes bytes to the given stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final AtomicLong TEMP_NAMES = new AtomicLong(System.nanoTime());
    private static final Set<PosixFilePermission> OWNER_ONLY = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private AtomicWriter() {
    }

    public static void write(Path target, Body body) throws IOException {
        Path real = Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
        Path dir = real.getParent();
        Path tmp = createTemporary(dir, "." + real.getFileName() + ".");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            copyPermissions(real, tmp);
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            syncDirectory(dir);
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * A new, empty file {@code prefix + RANDOM + ".tmp"} in {@code dir}, readable by its owner only
     * (as {@link Files#createTempFile} makes it). Named from a per-process counter rather than by
     * {@code createTempFile}, whose {@code SecureRandom} loads and seeds the security providers: about
     * a hundred classes and a read of the system's entropy, in every {@code symphony edit --replace}.
     * Base 32, not 36: {@code Long.toUnsignedString} prints a negative long in base 36 through a {@code BigInteger}.
     */
    static Path createTemporary(Path dir, String prefix) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(prefix + Long.toUnsignedString(TEMP_NAMES.getAndIncrement() * 0x9E3779B97F4A7C15L, 32) + ".tmp");
            try {
                if (posix) {
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(tmp);
                }
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (src == null || dst == null) {
            return;
        }
        Set<PosixFilePermission> perms;
        if (Files.exists(from)) {
            perms = src.readAttributes().permissions();
        } else {
            // A new file gets the usual rw-r--r-- rather than the 0600 of a temp file.
            perms = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        }
        dst.setPermissions(perms);
    }

    /** Makes the rename durable; not every platform lets a folder be opened, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: Windows cannot open directories; the rename itself is already atomic.
        }
    }
}
