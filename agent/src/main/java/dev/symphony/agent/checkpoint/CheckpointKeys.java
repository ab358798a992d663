package dev.symphony.agent.checkpoint;

import dev.symphony.kernel.paths.SymphonyPaths;
import dev.symphony.kernel.secrets.MachineKeys;
import dev.symphony.kernel.secrets.SecretStoreException;
import java.io.IOException;

/**
 * The key checkpoints' copies are encrypted with ({@link BlobStore}), kept with the user's secrets by the kernel's
 * {@link MachineKeys} under the name {@value #NAME}, like the artifact store's key: the OS keychain through
 * java-keyring (Secret Service, macOS Keychain, Windows Credential Manager) where one is usable; else the
 * passphrase-encrypted secret file when {@code SYMPHONY_PASSPHRASE} unlocks it; else a file of its own, mode 0600, in
 * the config folder ({@code <config>/keys/checkpoints.key}) — never in the data folder the copies are in. Made on first
 * use; a key that may be in a locked secret file is an error, not a reason to make a new one.
 */
public final class CheckpointKeys {
    static final String NAME = "checkpoints";

    private CheckpointKeys() {
    }

    /** The key, made and kept on first use; an IOException says where it could not be read or kept. */
    public static byte[] load(SymphonyPaths paths) throws IOException {
        return load(MachineKeys.standard(paths));
    }

    static byte[] load(MachineKeys keys) throws IOException {
        try {
            byte[] key = keys.load(NAME).orElse(null);
            if (key == null) {
                key = BlobStore.newKey();
                keys.save(NAME, key);
            }
            if (key.length != 32) {
                throw new IOException("the checkpoints' key in " + keys.where(NAME) + " has " + key.length + " bytes, not 32");
            }
            return key;
        } catch (SecretStoreException e) {
            throw new IOException("the checkpoints' key cannot be read or kept (" + keys.where(NAME) + "): " + e.getMessage(), e);
        }
    }
}
