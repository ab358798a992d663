package dev.symphony.conductor.run.serve;

import dev.symphony.kernel.fs.DirectoryWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The {@code file.saved} trigger's source: watches a workspace folder tree with the kernel's
 * {@link DirectoryWatcher} (one OS watch per folder; folders created later are watched as they appear) and
 * reports each saved regular file once its changes settle ({@link #SETTLE_MS} without another change: an
 * editor's save is often create + modify, or write to a temporary file + rename). Hidden folders and build
 * output ({@code .git}, {@code .symphony}, {@code target}, {@code node_modules}) are not watched.
 */
final class FileSavedWatcher implements AutoCloseable {
    static final long SETTLE_MS = 150;
    private static final Set<String> SKIPPED = Set.of("target", "node_modules");
    private final Path root;
    private final BiConsumer<String, Path> onSaved;
    private final DirectoryWatcher watcher;
    private final ScheduledExecutorService settle = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "melody-serve-files");
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    /** {@code onSaved} gets the path relative to the root ({@code /}-separated) and the absolute path. */
    FileSavedWatcher(Path root, BiConsumer<String, Path> onSaved) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.onSaved = onSaved;
        this.watcher = new DirectoryWatcher("melody-serve-watch", this::changed);
        watchTree(this.root);
    }

    private void watchTree(Path dir) {
        try (Stream<Path> dirs = Files.walk(dir, 16)) {
            dirs.filter(Files::isDirectory).filter(this::watchable).forEach(watcher::watch);
        } catch (IOException | java.io.UncheckedIOException e) {
            // a folder vanished while walking: what exists is watched
        }
    }

    private boolean watchable(Path dir) {
        Path rel = root.relativize(dir.toAbsolutePath().normalize());
        for (Path part : rel) {
            String name = part.toString();
            if (name.startsWith(".") || SKIPPED.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private void changed(Path folder, Path entry) {
        if (entry.equals(folder) || Files.isDirectory(entry)) {
            if (watchable(entry)) {
                watchTree(entry); // a new folder (or lost events): watch it and what is already in it
            }
            return;
        }
        ScheduledFuture<?> next = settle.schedule(() -> settled(entry), SETTLE_MS, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(entry, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void settled(Path file) {
        pending.remove(file);
        if (Files.isRegularFile(file)) {
            onSaved.accept(root.relativize(file).toString().replace('\\', '/'), file);
        }
    }

    @Override
    public void close() throws IOException {
        settle.shutdownNow();
        watcher.close();
    }
}
