package dev.symphony.ui.quickopen;

import dev.symphony.editor.workspace.WalkOptions;
import dev.symphony.editor.workspace.WorkspaceWalker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * The workspace's files as '/'-separated paths from its root, for Quick Open. Built by one walk
 * ({@link #rebuild}, off the JavaFX thread); a folder the watcher reports changed is re-listed
 * ({@link #refreshFolder}). Thread-safe: the set is concurrent, {@link #snapshot} copies it.
 */
final class FileIndex {

    private final Set<String> files = new ConcurrentSkipListSet<>();
    private volatile Path root;
    private volatile WalkOptions options = WalkOptions.defaults();
    private volatile long builtNanos;

    /** Walks {@code root} from scratch (blocking; call off the JavaFX thread). */
    void rebuild(Path newRoot, WalkOptions walkOptions) throws IOException {
        long t0 = System.nanoTime();
        List<String> found = new ArrayList<>();
        new WorkspaceWalker(newRoot, walkOptions).walk(() -> false, (file, relative, size) -> found.add(relative));
        root = newRoot.toAbsolutePath().normalize();
        options = walkOptions;
        files.clear();
        files.addAll(found);
        builtNanos = System.nanoTime() - t0;
    }

    /** Re-lists one folder's files (not its subfolders' contents): what a watcher event names. */
    void refreshFolder(Path folder) throws IOException {
        Path r = root;
        if (r == null || !folder.toAbsolutePath().normalize().startsWith(r)) {
            return;
        }
        String prefix = folder.equals(r) ? "" : r.relativize(folder.toAbsolutePath().normalize()).toString().replace('\\', '/') + "/";
        files.removeIf(f -> f.startsWith(prefix) && f.indexOf('/', prefix.length()) < 0);
        if (!Files.isDirectory(folder)) {
            return;
        }
        WorkspaceWalker walker = new WorkspaceWalker(r, options);
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && walker.accepts(p)) {
                    files.add(prefix + p.getFileName());
                }
            }
        }
    }

    List<String> snapshot() {
        return new ArrayList<>(files);
    }

    Path root() {
        return root;
    }

    int size() {
        return files.size();
    }

    double buildMillis() {
        return builtNanos / 1e6;
    }
}
