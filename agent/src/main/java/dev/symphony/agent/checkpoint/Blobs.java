package dev.symphony.agent.checkpoint;

import java.io.IOException;

/**
 * Where checkpoints keep the contents of files, by content: {@link StoreBlobs} in the Pit's artifact store (kept across
 * windows, pruned by the stale manager), or a {@link BlobStore} folder of one window.
 */
public interface Blobs {
    /** Stores {@code bytes} (once per content) and returns the name they are read back by. */
    String put(byte[] bytes) throws IOException;

    /** The bytes stored under {@code name}; an IOException names the copy when it is missing, damaged or pruned. */
    byte[] read(String name) throws IOException;
}
