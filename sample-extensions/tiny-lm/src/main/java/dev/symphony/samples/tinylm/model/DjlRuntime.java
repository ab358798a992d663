package dev.symphony.samples.tinylm.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Prepares DJL before its engine first starts, in whatever process this runs (an extension host, a test, the
 * training command): offline (nothing may download), a usable cache folder for the PyTorch natives, and the
 * class loader DJL's {@code ServiceLoader} must search (inside PF4J the thread's context loader is the host's,
 * which cannot see the engine in the plugin's {@code lib/}).
 */
public final class DjlRuntime {
    private DjlRuntime() {
    }

    /**
     * Runs {@code work} with DJL set up. {@code fallbackCache} is used for the natives only when neither
     * {@code DJL_CACHE_DIR} nor {@code ~/.djl.ai} can be written (an OS sandbox that hides the home folder).
     */
    public static <T> T call(Path fallbackCache, boolean singleThread, Callable<T> work) throws Exception {
        setIfAbsent("ai.djl.offline", "true");
        if (singleThread) {
            // One token at a time through a 256-wide GRU, more threads only add synchronization; and on a shared
            // 2-core machine two spinning OpenMP threads made a training epoch 15x slower (4 s -> 64 s).
            setIfAbsent("ai.djl.pytorch.num_threads", "1");
            setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        }
        if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null
                && !usable(homeCache()) && fallbackCache != null) {
            System.setProperty("DJL_CACHE_DIR", fallbackCache.toAbsolutePath().toString());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlRuntime.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** DJL's default {@code ~/.djl.ai}, or null when there is no real home (bubblewrap leaves user.home "?"). */
    private static Path homeCache() {
        Path home = Path.of(System.getProperty("user.home", ""));
        return home.isAbsolute() && Files.isDirectory(home) ? home.resolve(".djl.ai") : null;
    }

    private static boolean usable(Path dir) {
        if (dir == null) {
            return false;
        }
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (Exception e) {
            return false;
        }
    }
}
