package dev.symphony.kernel.extensions;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The total of each running host's data folder, held to its quota while the host runs ({@link DataQuota} caps each
 * file and checks the total before a start; this binds the sum of many files written by one running host). The OS
 * tells the kernel when something under the folder changes (inotify on Linux through {@link WatchService}: no timer,
 * an idle host costs nothing); the folder is then measured, at most every {@link #MEASURE_INTERVAL_MILLIS} while
 * writes go on. A host whose folder passes its quota is stopped, naming the extension, the folder, its size and the
 * quota ({@code onOverQuota}). What it can write between two measurements (disk speed × the interval, each file at
 * most the per-file cap) is the overshoot; the next start is refused until the folder is under the quota again.
 * Where the platform polls instead of watching (no inotify), changes are noticed late but still noticed.
 */
final class DataFolderWatch implements AutoCloseable {
    static final long MEASURE_INTERVAL_MILLIS = 250;

    /** One running host's folder; {@code stopped} once it was stopped over its quota. */
    private record Watched(Path root, long quota, Consumer<String> stop, Set<WatchKey> keys, AtomicBoolean stopped) {
    }

    private final WatchService service;
    /** Why folders are not watched (the OS gave no watch service: e.g. the user's inotify instances are used up). */
    private final String problem;
    private final Map<WatchKey, Watched> byKey = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    DataFolderWatch() {
        WatchService made = null;
        String why = null;
        try {
            made = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            why = "the data folder's total is checked only before each start, not while the host runs: no watch service ("
                    + e.getMessage() + ")";
        }
        this.service = made;
        this.problem = why;
        this.thread = new Thread(this::loop, "data-quota");
        thread.setDaemon(true);
        if (service != null) {
            thread.start();
        }
    }

    /** Null while folders are watched; else why not, for the host's log. */
    String problem() {
        return problem;
    }

    /**
     * Watches {@code root} until {@link #forget} is called with the returned handle; {@code stop} is called once, with
     * the reason (naming the folder, its size and the quota), when the folder holds more than {@code quota} bytes.
     */
    Object watch(Path root, long quota, Consumer<String> stop) {
        if (service == null) {
            return null;
        }
        Watched w = new Watched(root, quota, stop, ConcurrentHashMap.newKeySet(), new AtomicBoolean());
        registerTree(w, root);
        measure(w); // what it wrote before the first watch was registered
        return w;
    }

    /** Stops watching a host's folder (it exited or was stopped). */
    void forget(Object handle) {
        if (handle instanceof Watched w) {
            w.stopped().set(true);
            for (WatchKey k : w.keys()) {
                byKey.remove(k);
                k.cancel();
            }
        }
    }

    private void loop() {
        try {
            while (!closed) {
                Set<Watched> changed = new HashSet<>();
                collect(service.take(), changed);
                // writes usually come in bursts: gather what else changed for a moment, then measure each folder once
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MEASURE_INTERVAL_MILLIS);
                for (long left; (left = until - System.nanoTime()) > 0; ) {
                    WatchKey more = service.poll(left, TimeUnit.NANOSECONDS);
                    if (more == null) {
                        break;
                    }
                    collect(more, changed);
                }
                changed.forEach(this::measure);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void collect(WatchKey key, Set<Watched> changed) {
        Watched w = byKey.get(key);
        for (var event : key.pollEvents()) {
            if (w == null) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                registerTree(w, w.root()); // events were lost: new folders may be unwatched
            } else if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path dir) {
                Path created = dir.resolve((Path) event.context());
                if (Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS)) {
                    registerTree(w, created);
                }
            }
        }
        if (w != null) {
            changed.add(w);
        }
        if (!key.reset()) {
            byKey.remove(key); // its folder is gone
        }
    }

    private void registerTree(Watched w, Path top) {
        try (var dirs = Files.walk(top)) { // links are not followed: a link out of the folder is not watched or counted
            dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).forEach(d -> {
                try {
                    WatchKey k = d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                    w.keys().add(k);
                    byKey.put(k, w);
                } catch (IOException | ClosedWatchServiceException gone) {
                    // removed meanwhile, or the kernel is closing
                }
            });
        } catch (IOException | java.io.UncheckedIOException gone) {
            // the folder went away while it was walked: nothing to watch there
        }
    }

    private void measure(Watched w) {
        if (w.stopped().get()) {
            return;
        }
        long used = DataQuota.usage(w.root());
        if (used > w.quota() && w.stopped().compareAndSet(false, true)) {
            w.stop().accept("stopped while it ran: its data folder " + w.root() + " holds " + (used >> 20) + " MB, over its quota of "
                    + (w.quota() >> 20) + " MB; delete what it does not need there, then call it again");
        }
    }

    @Override
    public void close() {
        closed = true;
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (IOException ignored) {
            // nothing to free beyond the descriptor
        }
        thread.interrupt();
    }
}
