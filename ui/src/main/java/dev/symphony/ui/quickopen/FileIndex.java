package dev.symphony.ui.quickopen;

import dev.symphony.editor.workspace.WalkOptions;
import dev.symphony.editor.workspace.WorkspaceWalker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The workspace's files as '/'-separated paths from its root, for Quick Open. Built by one walk
 * ({@link #rebuild}, off the JavaFX thread); a folder the watcher reports changed is re-listed
 * ({@link #refreshFolder}). Thread-safe: changes are made under a lock and published as an
 * immutable sorted list, which {@link #snapshot} hands out without copying (each Quick Open
 * keystroke takes one; copying 100,000 paths out of a concurrent set cost more than ranking them).
 */
final class FileIndex {

    private final TreeSet<String> files = new TreeSet<>();
    private volatile List<String> published = List.of();
    private volatile Path root;
    private volatile WalkOptions options = WalkOptions.defaults();
    private volatile long builtNanos;

    /** Walks {@code root} from scratch (blocking; call off the JavaFX thread). */
    void rebuild(Path newRoot, WalkOptions walkOptions) throws IOException {
        long t0 = System.nanoTime();
        List<String> found = new ArrayList<>();
        new WorkspaceWalker(newRoot, walkOptions).walk(() -> false, (file, relative, size) -> found.add(relative));
        Collections.sort(found);
        List<String> sorted = Collections.unmodifiableList(found);
        synchronized (files) {
            root = newRoot.toAbsolutePath().normalize();
            options = walkOptions;
            files.clear();
            files.addAll(sorted);
            published = sorted;
        }
        builtNanos = System.nanoTime() - t0;
    }

    /** Re-lists one folder's files (not its subfolders' contents): what a watcher event names. */
    void refreshFolder(Path folder) throws IOException {
        Path r = root;
        if (r == null || !folder.toAbsolutePath().normalize().startsWith(r)) {
            return;
        }
        String prefix = folder.equals(r) ? "" : r.relativize(folder.toAbsolutePath().normalize()).toString().replace('\\', '/') + "/";
        List<String> listed = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            WorkspaceWalker walker = new WorkspaceWalker(r, options);
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && walker.accepts(p)) {
                        listed.add(prefix + p.getFileName());
                    }
                }
            }
        }
        synchronized (files) {
            if (r != root) {
                return; // rebuilt for another root meanwhile
            }
            files.removeIf(f -> f.startsWith(prefix) && f.indexOf('/', prefix.length()) < 0);
            files.addAll(listed);
            published = List.copyOf(files);
        }
    }

    /** The files, sorted; an immutable list that later changes do not touch. */
    List<String> snapshot() {
        return published;
    }

    Path root() {
        return root;
    }

    int size() {
        return published.size();
    }

    double buildMillis() {
        return builtNanos / 1e6;
    }
}
