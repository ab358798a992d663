package dev.symphony.ui.tabs;

import dev.symphony.editor.file.DiskFingerprint;
import dev.symphony.editor.file.ExternalChangeWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Tells the tabs when an open file changes on disk (another program, a {@code git checkout}). One
 * daemon thread blocks on the OS's file events, so nothing runs while nothing changes; it starts
 * with the first file watched. Our own saves show up too: the tabs compare with what they know.
 */
final class DiskChanges implements AutoCloseable {
    private final Consumer<Path> onChange;
    private ExternalChangeWatcher watcher;

    /** {@code onChange} runs on the watching thread. */
    DiskChanges(Consumer<Path> onChange) {
        this.onChange = onChange;
    }

    synchronized void watch(Path file, DiskFingerprint known) throws IOException {
        if (watcher == null) {
            watcher = new ExternalChangeWatcher((path, before, now) -> onChange.accept(path));
            ExternalChangeWatcher w = watcher;
            Thread t = new Thread(() -> {
                try {
                    while (w.awaitWork(60_000) >= 0) {
                        // events are reported through the listener
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "disk-changes");
            t.setDaemon(true);
            t.start();
        }
        watcher.track(file, known);
    }

    synchronized void unwatch(Path file) {
        if (watcher != null) {
            watcher.untrack(file);
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            try {
                watcher.close(); // ends the thread's wait
            } catch (IOException ignored) {
                // the OS handle is gone either way
            }
            watcher = null;
        }
    }
}
