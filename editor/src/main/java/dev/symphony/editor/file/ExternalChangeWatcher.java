package dev.symphony.editor.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;

/**
 * Notices when open files change on disk. Poll-driven like an Agrona agent: {@link #doWork()} drains
 * file-system events without blocking and reports each tracked file whose fingerprint moved. It
 * never touches buffers itself: the listener offers reload or diff to the user.
 */
public final class ExternalChangeWatcher implements Closeable {

    /** Called on the polling thread for every tracked file that changed. */
    @FunctionalInterface
    public interface Listener {
        void onExternalChange(Path file, DiskFingerprint known, DiskFingerprint now);
    }

    private final WatchService watcher;
    private final Listener listener;
    private final Map<Path, DiskFingerprint> tracked = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Path, WatchKey> dirs = new HashMap<>(); // only under track's lock

    public ExternalChangeWatcher(Listener listener) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        this.listener = listener;
    }

    /** Starts (or refreshes, e.g. after our own save) tracking {@code file} at fingerprint {@code known}. */
    public synchronized void track(Path file, DiskFingerprint known) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        tracked.put(abs, known);
        Path dir = abs.getParent();
        if (!dirs.containsKey(dir)) {
            dirs.put(dir, dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE));
        }
    }

    public void untrack(Path file) {
        tracked.remove(file.toAbsolutePath().normalize());
    }

    /**
     * Blocks until the OS reports an event (or {@code timeoutMillis} pass), then drains like
     * {@link #doWork()}: a thread that waits here costs no CPU while nothing changes. Returns -1
     * once the watcher is closed.
     */
    public int awaitWork(long timeoutMillis) throws InterruptedException {
        WatchKey first;
        try {
            first = watcher.poll(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (ClosedWatchServiceException e) {
            return -1;
        }
        return drain(first);
    }

    /** Drains pending events; returns how many tracked files were reported as changed. */
    public int doWork() {
        try {
            return drain(watcher.poll());
        } catch (ClosedWatchServiceException e) {
            return 0;
        }
    }

    private int drain(WatchKey firstKey) {
        int changed = 0;
        WatchKey key = firstKey;
        try {
            for (; key != null; key = watcher.poll()) {
                Path dir = (Path) key.watchable();
                boolean overflow = false;
                for (var event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        overflow = true;
                        continue;
                    }
                    Path file = dir.resolve((Path) event.context());
                    changed += check(file);
                }
                if (overflow) {
                    changed += checkAll();
                }
                key.reset();
            }
        } catch (ClosedWatchServiceException e) {
            return changed;
        }
        return changed;
    }

    /** Re-checks every tracked file (e.g. when the window regains focus: watchers can miss events). */
    public int checkAll() {
        int changed = 0;
        for (Path p : tracked.keySet().toArray(new Path[0])) {
            changed += check(p);
        }
        return changed;
    }

    private synchronized int check(Path file) {
        DiskFingerprint known = tracked.get(file);
        if (known == null) {
            return 0;
        }
        DiskFingerprint now = DiskFingerprint.ofQuietly(file);
        if (now.equals(known)) {
            return 0;
        }
        tracked.put(file, now);
        listener.onExternalChange(file, known, now);
        return 1;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
