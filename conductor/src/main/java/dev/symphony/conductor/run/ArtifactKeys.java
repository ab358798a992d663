package dev.symphony.conductor.run;

import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.secrets.MachineKeys;
import dev.symphony.kernel.secrets.SecretStoreException;
import dev.symphony.pit.artifact.api.ArtifactKeySource;
import dev.symphony.pit.artifact.api.ArtifactStoreException;

import java.util.Optional;

/** The artifact store's key kept with the user's secrets ({@link MachineKeys}: keychain, encrypted file, or a 0600 file in the config folder). */
public final class ArtifactKeys implements ArtifactKeySource {
    static final String NAME = "artifact-store";
    private final MachineKeys keys;

    private ArtifactKeys(MachineKeys keys) {
        this.keys = keys;
    }

    public static ArtifactKeySource of(SymphonyPaths paths) {
        return new ArtifactKeys(MachineKeys.standard(paths));
    }

    @Override
    public Optional<byte[]> load() {
        try {
            return keys.load(NAME);
        } catch (SecretStoreException e) {
            throw new ArtifactStoreException("the artifact store's key cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(byte[] key) {
        try {
            keys.save(NAME, key);
        } catch (SecretStoreException e) {
            throw new ArtifactStoreException("the artifact store's key cannot be kept: " + e.getMessage(), e);
        }
    }

    @Override
    public String where() {
        return keys.where(NAME);
    }
}
