package dev.symphony.samples.tinylm;

import ai.djl.ndarray.NDManager;
import dev.symphony.samples.tinylm.model.CharLm;
import dev.symphony.samples.tinylm.model.DjlRuntime;
import dev.symphony.samples.tinylm.model.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The model, loaded on first use: starting DJL's PyTorch engine takes seconds (and, the first time on a machine,
 * unpacking the natives), so neither the host's start nor the extension's registration pays for it. The
 * Instrument's {@code warmUp} calls {@link #get()}: the host runs it before the first call, or when the kernel asks,
 * and reports Loading until it returns, Warm after.
 */
public final class LazyModel implements AutoCloseable {
    /** The parameters shipped with the extension, produced by the training command (see README). */
    public static final String SHIPPED_RESOURCE = "/dev/symphony/samples/tinylm/model/tiny-lm.params";
    private final Callable<InputStream> source;
    private final String name;
    private CharLm model;
    private long loadMillis = -1;

    public LazyModel(Callable<InputStream> source, String name) {
        this.source = source;
        this.name = name;
    }

    public static LazyModel shipped() {
        return new LazyModel(() -> {
            InputStream in = LazyModel.class.getResourceAsStream(SHIPPED_RESOURCE);
            if (in == null) {
                throw new IOException("the shipped model " + SHIPPED_RESOURCE + " is missing from the class path");
            }
            return in;
        }, SHIPPED_RESOURCE);
    }

    public synchronized boolean loaded() {
        return model != null;
    }

    /** How long the load took, or -1 before it happened. */
    public synchronized long loadMillis() {
        return loadMillis;
    }

    public synchronized CharLm get() throws Exception {
        if (model == null) {
            long started = System.nanoTime();
            // In an extension host the working folder is the extension's data folder: writable even in the sandbox.
            Path fallbackCache = Path.of("").toAbsolutePath().resolve("djl-cache");
            model = DjlRuntime.call(fallbackCache, true, () -> {
                NDManager manager = NDManager.newBaseManager("PyTorch");
                try (InputStream in = source.call()) {
                    return ModelFile.load(in, manager, name);
                } catch (Exception | Error e) {
                    manager.close();
                    throw e;
                }
            });
            loadMillis = (System.nanoTime() - started) / 1_000_000;
        }
        return model;
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
