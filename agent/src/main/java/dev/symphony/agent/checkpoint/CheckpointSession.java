package dev.symphony.agent.checkpoint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The checkpoints of one window, while it is open: one {@link Checkpoints} per folder, their copies encrypted in one
 * {@link BlobStore} under {@code <base>/<pid>-<n>} (equal contents stored once across folders), deleted when the
 * window closes. Folders left by a process that no longer runs (a crash) are deleted when the next one opens, so the
 * disk they use is bounded by what open windows recorded.
 */
public final class CheckpointSession implements AutoCloseable {
    private final Path folder;
    private final BlobStore blobs;
    private final Map<Path, Checkpoints> byFolder = new HashMap<>();

    private CheckpointSession(Path folder, byte[] key) throws IOException {
        this.folder = folder;
        this.blobs = new BlobStore(folder, key);
    }

    /** A session under {@code base}, its copies encrypted with {@code key} ({@link CheckpointKeys}). */
    public static CheckpointSession open(Path base, byte[] key) throws IOException {
        Files.createDirectories(base);
        long pid = ProcessHandle.current().pid();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base)) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash > 0 && name.substring(0, dash).matches("\\d{1,19}")) {
                    long owner = Long.parseLong(name.substring(0, dash));
                    if (owner != pid && !ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        delete(d);
                    }
                }
            }
        }
        for (int n = 0; ; n++) {
            Path folder = base.resolve(pid + "-" + n);
            if (!Files.exists(folder)) {
                return new CheckpointSession(Files.createDirectories(folder), key);
            }
        }
    }

    public Path folder() {
        return folder;
    }

    /** The checkpoints of {@code workspace} (the same object for as long as this session is open). */
    public synchronized Checkpoints of(Path workspace) {
        return byFolder.computeIfAbsent(workspace.toAbsolutePath().normalize(), w -> new Checkpoints(new WorkspaceFiles(w, blobs)));
    }

    @Override
    public synchronized void close() throws IOException {
        byFolder.clear();
        delete(folder);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
