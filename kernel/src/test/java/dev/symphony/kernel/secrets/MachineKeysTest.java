package dev.symphony.kernel.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Symphony's own keys: in the secret store when it is open, else a 0600 file in the config folder; never lost to a locked store. */
class MachineKeysTest {
    static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) (i * 7 + 1);
        }
    }

    @Test
    void withoutAPassphraseTheKeyGoesToAnOwnerOnlyFileInTheConfigFolder(@TempDir Path tmp) throws Exception {
        Path secrets = tmp.resolve("config/secrets/secrets.enc");
        Path keys = tmp.resolve("config/keys");
        MachineKeys k = new MachineKeys(() -> EncryptedSecretFileTest.open(secrets, null), keys);
        assertEquals(Optional.empty(), k.load("artifact-store"));
        k.save("artifact-store", KEY);
        assertArrayEquals(KEY, k.load("artifact-store").orElseThrow());
        Path file = keys.resolve("artifact-store.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.exists(secrets));
        assertArrayEquals(KEY, new MachineKeys(() -> EncryptedSecretFileTest.open(secrets, "later a passphrase"), keys)
                .load("artifact-store").orElseThrow(), "found whatever the setting is now");
    }

    @Test
    void withAPassphraseTheKeyIsInTheEncryptedStoreAndALockedStoreIsAnErrorNotANewKey(@TempDir Path tmp) throws Exception {
        Path secrets = tmp.resolve("config/secrets/secrets.enc");
        Path keys = tmp.resolve("config/keys");
        new MachineKeys(() -> EncryptedSecretFileTest.open(secrets, "pass"), keys).save("artifact-store", KEY);
        assertFalse(Files.exists(keys.resolve("artifact-store.key")));
        assertArrayEquals(KEY, new MachineKeys(() -> EncryptedSecretFileTest.open(secrets, "pass"), keys).load("artifact-store").orElseThrow());
        SecretStoreException locked = assertThrows(SecretStoreException.class,
                () -> new MachineKeys(() -> EncryptedSecretFileTest.open(secrets, null), keys).load("artifact-store"));
        assertTrue(locked.getMessage().contains(Passphrase.ENV), locked.getMessage());
    }
}
