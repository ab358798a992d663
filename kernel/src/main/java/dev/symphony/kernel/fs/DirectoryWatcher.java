package dev.symphony.kernel.fs;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Watches folders (not recursively) on one daemon thread that sleeps in the OS until something
 * changes, and reports each change as (watched folder, changed entry). When the OS lost events
 * (overflow) the entry is the folder itself: anything in it may have changed.
 */
public final class DirectoryWatcher implements AutoCloseable {
    private final WatchService service;
    private final Map<Path, WatchKey> keys = new ConcurrentHashMap<>();
    private final BiConsumer<Path, Path> onChange;
    private final Thread thread;

    public DirectoryWatcher(String name, BiConsumer<Path, Path> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.onChange = onChange;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Starts watching {@code folder} (no-op if it is already watched or does not exist). */
    public void watch(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        keys.computeIfAbsent(key, f -> {
            try {
                return f.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            } catch (IOException e) {
                return null; // gone or unreadable: nothing to watch
            }
        });
    }

    public void unwatch(Path folder) {
        WatchKey key = keys.remove(folder.toAbsolutePath().normalize());
        if (key != null) {
            key.cancel();
        }
    }

    public boolean isWatching(Path folder) {
        return keys.containsKey(folder.toAbsolutePath().normalize());
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        onChange.accept(folder, folder);
                    } else {
                        onChange.accept(folder, folder.resolve((Path) event.context()));
                    }
                }
                if (!key.reset()) {
                    keys.remove(folder, key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the thread ends
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
