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
     * Runs {@code work} with DJL set up. {@code fallbackCache} receives the natives only when the cache DJL would
     * use ({@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}) is not a real folder here: an OS sandbox hides the
     * user's folders. Null: never move the cache (the training command, tests).
     */
    public static <T> T call(Path fallbackCache, boolean singleThread, Callable<T> work) throws Exception {
        setIfAbsent("ai.djl.offline", "true");
        if (singleThread) {
            // One token at a time through a 256-wide GRU, more threads only add synchronization; and on a shared
            // 2-core machine two spinning OpenMP threads made a training epoch 15x slower (4 s -> 64 s).
            setIfAbsent("ai.djl.pytorch.num_threads", "1");
            setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        }
        if (fallbackCache != null && !visible(configuredCache()) && System.getenv("ENGINE_CACHE_DIR") == null) {
            // DJL reads the environment before system properties, so an inherited DJL_CACHE_DIR cannot be
            // replaced; ENGINE_CACHE_DIR (where the natives go) is looked up first and can.
            String dir = fallbackCache.toAbsolutePath().toString();
            System.setProperty("ENGINE_CACHE_DIR", dir);
            setIfAbsent("DJL_CACHE_DIR", dir);
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

    /**
     * The cache DJL would use: {@code DJL_CACHE_DIR} (environment, then property), else {@code ~/.djl.ai} (in a
     * host, whose home is its data folder, that folder's); null when there is no real home ({@code user.home} "?").
     */
    private static Path configuredCache() {
        String configured = System.getenv("DJL_CACHE_DIR");
        if (configured == null) {
            configured = System.getProperty("DJL_CACHE_DIR");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path home = Path.of(System.getProperty("user.home", ""));
        return home.isAbsolute() && Files.isDirectory(home) ? home.resolve(".djl.ai") : null;
    }

    /**
     * True when {@code dir} is a real folder this process can use. A configured folder must already exist: inside
     * the sandbox the user's folders are not mounted, and creating the path would land on a RAM-backed tmpfs
     * (430 MB of natives per host start).
     */
    private static boolean visible(Path dir) {
        if (dir == null || !dir.isAbsolute()) {
            return false;
        }
        if (Files.isDirectory(dir)) {
            return Files.isWritable(dir) || Files.isDirectory(dir.resolve("pytorch"));
        }
        return !"?".equals(System.getProperty("user.home")) && usable(dir);
    }

    private static boolean usable(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir);
        } catch (Exception e) {
            return false;
        }
    }
}
