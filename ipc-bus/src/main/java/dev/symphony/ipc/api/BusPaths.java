package dev.symphony.ipc.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Where channel folders live: {@code /dev/shm} when it exists (queue files are then RAM only),
 * else the OS temp folder. One sub-folder per user and per kernel process, so a crashed kernel's
 * leftovers can be recognised ({@link #deleteStale}) and two users never share files.
 */
public final class BusPaths {
    private BusPaths() {
    }

    /** The root for this user's bus folders. */
    public static Path root() {
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return base.resolve("symphony-bus-" + user);
    }

    /** The folder for channels of the kernel with this process id. */
    public static Path forKernel(long pid) {
        return root().resolve(Long.toString(pid));
    }

    /** Deletes the folders of kernels that are no longer running; returns how many were removed. */
    public static int deleteStale(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> kernels = Files.list(root)) {
            for (Path dir : (Iterable<Path>) kernels::iterator) {
                String name = dir.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                deleteRecursively(dir);
                removed++;
            }
        } catch (IOException e) {
            return removed;
        }
        return removed;
    }

    /**
     * Best-effort recursive delete (queue files may still be mapped by a dying peer, and another
     * thread may be deleting the same folder: entries that vanish meanwhile are skipped).
     */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    deleteQuietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    deleteQuietly(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // the folder vanished while walking; the next deleteStale gets anything left
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // mapped on Windows, or not empty because a peer is still writing; the next deleteStale gets it
        }
    }
}
