package dev.symphony.pit.artifact.api;

import java.util.Optional;

/**
 * Where an {@link ArtifactStore}'s AES-256 key is kept — never in the folder it encrypts. The IDE and the CLI pass
 * one backed by the user's secret store (the OS keychain, the passphrase-encrypted file, or a 0600 file in the
 * config folder, outside the data folder); without one, {@link ArtifactKeyFactory#file} beside the store's folder.
 */
public interface ArtifactKeySource {
    /** The key's 32 bytes, or empty when none was saved yet. Throws {@link ArtifactStoreException} when it cannot tell. */
    Optional<byte[]> load();

    /** Keeps a new key (the store's first, or one moved out of an old store's folder). */
    void save(byte[] key);

    /** Where the key is kept, for messages (never the key). */
    String where();
}
