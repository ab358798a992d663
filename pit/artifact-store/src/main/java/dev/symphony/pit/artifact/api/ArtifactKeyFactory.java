package dev.symphony.pit.artifact.api;

import java.nio.file.Path;

import dev.symphony.pit.artifact.internal.codec.KeyStoreFile;

/** Makes the built-in {@link ArtifactKeySource}s. */
public final class ArtifactKeyFactory {
    private ArtifactKeyFactory() {
    }

    /** A key file (mode 0600, magic + key + CRC32C, written atomically); it must lie outside the store's folder. */
    public static ArtifactKeySource file(Path keyFile) {
        return new KeyStoreFile(keyFile);
    }
}
