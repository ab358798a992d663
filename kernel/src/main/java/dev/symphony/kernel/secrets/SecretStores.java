package dev.symphony.kernel.secrets;

import dev.symphony.kernel.paths.SymphonyPaths;

import java.util.Optional;
import java.util.function.Supplier;

/** Opens the user's secret store: the OS keychain where one is usable, else the passphrase-encrypted file. */
public final class SecretStores {
    /** {@code SYMPHONY_SECRET_STORE=file} skips the keychain (tests, or a user who prefers the file). */
    public static final String BACKEND_ENV = "SYMPHONY_SECRET_STORE";

    private SecretStores() {
    }

    public static SecretStore open(SymphonyPaths paths, Supplier<Optional<char[]>> passphrase) {
        if (!"file".equals(System.getenv(BACKEND_ENV))) {
            Optional<SecretStore> keychain = KeychainSecrets.open(paths);
            if (keychain.isPresent()) {
                return keychain.get();
            }
        }
        return new EncryptedSecretFile(KernelSecrets.fileUnder(paths), passphrase);
    }
}
