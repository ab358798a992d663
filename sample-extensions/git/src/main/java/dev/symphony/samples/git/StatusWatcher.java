package dev.symphony.samples.git;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks for a new status when something changes on disk: every folder of the work tree but ignored ones, and
 * {@code .git} itself (its {@code HEAD} and {@code index} change when git runs in a terminal), watched with the OS's
 * file events; a burst of changes becomes one refresh {@link #QUIET_MS} after the last. Idle, it sleeps in the watch
 * service. Where the OS runs out of watches (Linux's {@code max_user_watches}) the rest of the tree is not watched and
 * the view's refresh button is the way.
 */
final class StatusWatcher implements AutoCloseable {
    static final long QUIET_MS = 300;
    private final Path root;
    private final WatchService service;
    private final Runnable onChange;
    private final Set<Path> ignored = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();

    private StatusWatcher(Path root, WatchService service, Runnable onChange) {
        this.root = root;
        this.service = service;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "git-watch");
        thread.setDaemon(true);
    }

    /** A watcher of the work tree that watches nothing until {@link #start()}. */
    static StatusWatcher create(Path root, Runnable onChange) {
        try {
            return new StatusWatcher(root, FileSystems.getDefault().newWatchService(), onChange);
        } catch (IOException e) {
            return new StatusWatcher(root, null, onChange); // no watching here: refresh by hand
        }
    }

    /**
     * Starts watching, once: the tree is registered on the watcher's own thread (a walk of every folder, seconds in a
     * large tree, so it comes after the first status rather than before it), then one more refresh covers what
     * changed before the watches were in place.
     */
    void start() {
        if (service != null && started.compareAndSet(false, true)) {
            thread.start();
        }
    }

    /** Folders the status says are ignored are not watched from now on (build output changes all the time). */
    void skip(GitStatus status) {
        for (GitStatus.Entry e : status.entries()) {
            if (e.ignored()) {
                ignored.add(root.resolve(e.path()).normalize());
            }
        }
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (ignored.contains(d)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return d.getFileName() != null && d.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void run() {
        try {
            try {
                registerTree(root);
            } catch (IOException e) {
                // out of watches: the rest stays unwatched
            }
            onChange.run();
            while (true) {
                WatchKey key = service.take();
                boolean relevant = drain(key);
                WatchKey more;
                while ((more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** True unless every event is one git makes in {@code .git} while it holds a lock (the lock file itself). */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            Path child = event.context() instanceof Path p ? dir.resolve(p) : null;
            if (child == null || !child.toString().endsWith(".lock")) {
                relevant = true;
            }
            if (child != null && event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)
                    && !ignored.contains(child) && !dir.equals(root.resolve(".git"))) {
                try {
                    registerTree(child);
                } catch (IOException e) {
                    // out of watches: the rest stays unwatched
                }
            }
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() {
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            // closing
        }
        thread.interrupt();
    }
}
