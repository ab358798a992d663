package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * File operations on a path that was checked, which cannot be redirected after the check: the path is
 * walked from the root one folder at a time, each opened relative to the one before and without following
 * a link ({@link SecureDirectoryStream}: {@code openat} with {@code O_NOFOLLOW} on Linux and macOS), and the
 * file itself is opened the same way, then checked (a regular file, its size from the opened file). A link
 * swapped in anywhere along the path after the check makes the operation fail instead of following it.
 * Where the platform has no such streams (Windows) the last component is still opened without following a
 * link, and the folders are not protected (docs/security.md).
 */
final class NoFollowFiles {
    /** Thrown when the path changed between the check and the operation (a link appeared, a file became a folder). */
    static final class Redirected extends IOException {
        private static final long serialVersionUID = 1L;

        Redirected(Path path, String what) {
            super(path + " changed after it was checked (" + what + "); refusing to follow it");
        }
    }

    private NoFollowFiles() {
    }

    static boolean protectsFolders() {
        try (DirectoryStream<Path> root = Files.newDirectoryStream(rootOf(Path.of("").toAbsolutePath()))) {
            return root instanceof SecureDirectoryStream;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads {@code real} (absolute, normalized, the real path at check time) as UTF-8, at most {@code max} bytes. */
    static String read(Path real, long max) throws IOException {
        try (Walk w = Walk.to(real.getParent(), false)) {
            Path name = real.getFileName();
            BasicFileAttributes a = w.attributes(name);
            if (a == null) {
                throw new NoSuchFileException(real.toString());
            }
            if (!a.isRegularFile()) {
                throw new Redirected(real, a.isSymbolicLink() ? "it is a link now" : "it is not a regular file");
            }
            try (SeekableByteChannel ch = w.open(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
                long size = ch.size(); // of the file actually opened
                if (size > max) {
                    throw new TooLarge(real, max);
                }
                ByteBuffer buf = ByteBuffer.allocate((int) size + 1);
                while (buf.hasRemaining() && ch.read(buf) >= 0) {
                    // until the end, or one byte past the size it had
                }
                if (buf.position() > size) {
                    throw new TooLarge(real, max);
                }
                return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Writes {@code text} to {@code real}, creating missing folders; never through a link. */
    static void write(Path real, String text) throws IOException {
        try (Walk w = Walk.to(real.getParent(), true)) {
            Path name = real.getFileName();
            BasicFileAttributes a = w.attributes(name);
            if (a != null && !a.isRegularFile()) {
                throw new Redirected(real, a.isSymbolicLink() ? "it is a link now" : "it is not a regular file");
            }
            try (SeekableByteChannel ch = w.open(name, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS))) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    /** The names in folder {@code real}, read from the folder opened without following links. */
    static List<String> list(Path real) throws IOException {
        try (Walk w = Walk.to(real, false)) {
            List<String> out = new ArrayList<>();
            for (Path p : w.dir) {
                out.add(p.getFileName().toString());
            }
            out.sort(null);
            return out;
        }
    }

    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(Path path, long max) {
            super(path + " is larger than " + (max >> 20) + " MB");
        }
    }

    private static Path rootOf(Path p) {
        return p.getRoot();
    }

    /** An open folder reached from the root without following links. */
    private static final class Walk implements AutoCloseable {
        final DirectoryStream<Path> dir;
        final Path path;

        private Walk(DirectoryStream<Path> dir, Path path) {
            this.dir = dir;
            this.path = path;
        }

        static Walk to(Path folder, boolean create) throws IOException {
            Path root = rootOf(folder);
            DirectoryStream<Path> current = Files.newDirectoryStream(root);
            Path at = root;
            try {
                for (Path segment : root.relativize(folder)) {
                    at = at.resolve(segment);
                    DirectoryStream<Path> next;
                    if (current instanceof SecureDirectoryStream<Path> secure) {
                        next = openChild(secure, segment, at, create);
                    } else {
                        next = openChildInsecure(at, create);
                    }
                    current.close();
                    current = next;
                }
                return new Walk(current, at);
            } catch (IOException | RuntimeException e) {
                current.close();
                throw e;
            }
        }

        private static DirectoryStream<Path> openChild(SecureDirectoryStream<Path> parent, Path segment, Path at, boolean create)
                throws IOException {
            BasicFileAttributeView view = parent.getFileAttributeView(segment, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes a;
            try {
                a = view.readAttributes();
            } catch (NoSuchFileException missing) {
                if (!create) {
                    throw missing;
                }
                try {
                    Files.createDirectory(at); // if a link redirects this, the open below refuses what it finds
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // made meanwhile: opened (and checked) below like any other
                }
                a = view.readAttributes();
            }
            if (a.isSymbolicLink()) {
                throw new Redirected(at, "a folder on its path is a link now");
            }
            try {
                return parent.newDirectoryStream(segment, LinkOption.NOFOLLOW_LINKS);
            } catch (FileSystemException e) {
                throw new Redirected(at, "a folder on its path is no longer a folder: " + e.getReason());
            }
        }

        private static DirectoryStream<Path> openChildInsecure(Path at, boolean create) throws IOException {
            if (create && !Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(at);
            }
            if (Files.isSymbolicLink(at)) {
                throw new Redirected(at, "a folder on its path is a link now");
            }
            return Files.newDirectoryStream(at);
        }

        /** The attributes of {@code name} in this folder, not following a link; null when it does not exist. */
        BasicFileAttributes attributes(Path name) throws IOException {
            try {
                if (dir instanceof SecureDirectoryStream<Path> secure) {
                    return secure.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
                }
                return Files.readAttributes(path.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        SeekableByteChannel open(Path name, Set<OpenOption> options) throws IOException {
            try {
                if (dir instanceof SecureDirectoryStream<Path> secure) {
                    return secure.newByteChannel(name, options);
                }
                return Files.newByteChannel(path.resolve(name), options);
            } catch (FileSystemException e) {
                if (e.getReason() != null && e.getReason().contains("symbolic link")) {
                    throw new Redirected(path.resolve(name), "it is a link now");
                }
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            dir.close();
        }
    }
}
