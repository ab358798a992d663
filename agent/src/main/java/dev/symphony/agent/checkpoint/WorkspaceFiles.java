package dev.symphony.agent.checkpoint;

import dev.symphony.editor.workspace.WalkOptions;
import dev.symphony.editor.workspace.WorkspaceWalker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of one workspace as checkpoints see them: {@link #state} of one file and {@link #snapshot} of them all
 * (regular files; {@code .git}, what the ignore files leave out, symbolic links and what cannot be read are left alone), their contents put in the
 * {@link Blobs}. A file whose size, modification time and file key are those of the state already known is not
 * read again, unless it was modified within {@link #RACY_NANOS} of when it was last read (an edit in the same
 * clock tick would keep its time).
 */
public final class WorkspaceFiles {
    static final long RACY_NANOS = 2_000_000_000L;
    /** Hidden files are files too; ignore files are respected; {@code .git} (a folder, or a worktree's file) never. */
    public static final WalkOptions WALK = WalkOptions.defaults().withHidden(true).withExtraExcludes(List.of(".git"));
    private final Path root;
    private final Blobs blobs;
    /** What was read, with when it was read: the shortcut for the next snapshot. */
    private final Map<String, Known> known = new HashMap<>();

    private record Known(FileState state, long readAtNanos) {
    }

    public WorkspaceFiles(Path root, Blobs blobs) {
        this.root = root.toAbsolutePath().normalize();
        this.blobs = blobs;
    }

    public Path root() {
        return root;
    }

    /** The path of {@code file} relative to the root, with {@code /}; throws when it is outside the root. */
    public String relative(Path file) {
        Path abs = root.resolve(file).normalize();
        if (!abs.startsWith(root) || abs.equals(root)) {
            throw new IllegalArgumentException(file + " is not a file of the workspace " + root);
        }
        return root.relativize(abs).toString().replace('\\', '/');
    }

    /** One file's state now ({@link FileState#ABSENT} when it is not a regular file). */
    public synchronized FileState state(String relative) throws IOException {
        Path file = root.resolve(relative);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return FileState.ABSENT;
        }
        return attrs.isRegularFile() ? read(relative, file, attrs) : FileState.ABSENT;
    }

    /**
     * Every regular file of the workspace with its state, by relative path — but what the workspace's ignore files
     * leave out ({@link #WALK}: {@code .gitignore} in a git repository, {@code .ignore}, {@code .rgignore}, the
     * repository's {@code info/exclude}; build output and dependency folders, as the Search view skips them) and
     * {@code .git}: checkpoints stay small and fast, and a command's changes there are not undone.
     */
    public synchronized Map<String, FileState> snapshot() throws IOException {
        Map<String, FileState> out = new TreeMap<>();
        try {
            new WorkspaceWalker(root, WALK).walk(() -> false, new WorkspaceWalker.Visitor() {
                @Override
                public void file(Path file, String rel, long size) {
                    try {
                        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                        if (attrs.isRegularFile()) {
                            out.put(rel, read(rel, file, attrs));
                        }
                    } catch (NoSuchFileException | java.nio.file.AccessDeniedException gone) {
                        // deleted while we walked (absent), or not ours to read (left out, so a restore leaves it alone)
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void error(Path path, IOException e) {
                    if (!(e instanceof NoSuchFileException) && !(e instanceof java.nio.file.AccessDeniedException)) {
                        throw new UncheckedIOException(new IOException("the checkpoint cannot read " + path + ": " + e.getMessage(), e));
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    private FileState read(String rel, Path file, BasicFileAttributes attrs) throws IOException {
        long modified = attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
        Known k = known.get(rel);
        if (k != null && k.state().size() == attrs.size() && k.state().modifiedNanos() == modified
                && java.util.Objects.equals(k.state().fileKey(), attrs.fileKey()) && k.readAtNanos() - modified > RACY_NANOS) {
            return k.state();
        }
        long readAt = System.currentTimeMillis() * 1_000_000L;
        byte[] bytes = Files.readAllBytes(file);
        FileState s = new FileState(blobs.put(bytes), bytes.length, modified, attrs.fileKey());
        known.put(rel, new Known(s, readAt));
        return s;
    }

    /** Makes {@code relative} hold {@code target}'s bytes (atomically, creating folders) or deletes it when absent. */
    public synchronized void write(String relative, FileState target) throws IOException {
        Path file = root.resolve(relative);
        known.remove(relative);
        if (!target.exists()) {
            Files.deleteIfExists(file);
            return;
        }
        byte[] bytes = blobs.read(target.hash());
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".symphony-restore", ".tmp");
        try {
            Files.write(tmp, bytes);
            keepPermissions(file, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A restored script stays executable: the file's permissions go to its replacement (where the file system has them). */
    private static void keepPermissions(Path from, Path to) {
        try {
            if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system, or not ours to change: the default permissions stay
        }
    }
}
