package dev.symphony.kernel.secrets;

import java.util.Optional;
import java.util.SortedSet;

/**
 * Where the user's secrets (API keys, the artifact store's key) are kept: the OS keychain where one is usable,
 * else a passphrase-encrypted file ({@link EncryptedSecretFile}). Values are never printed, logged or audited;
 * only names are.
 */
public interface SecretStore {
    /** The secret's value, or empty when there is none by that name. */
    Optional<String> get(String name) throws SecretStoreException;

    void set(String name, String value) throws SecretStoreException;

    /** True when a secret by that name was there. */
    boolean remove(String name) throws SecretStoreException;

    SortedSet<String> names() throws SecretStoreException;

    /** Where the secrets are kept, for messages (never a value). */
    String where();

    /** Secret names: letters, digits, {@code _ . -}, starting with a letter, at most 100 characters. */
    static String checkName(String name) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("'" + name + "' is not a secret name (letters, digits, _ . -, starting with a letter, at most 100)");
        }
        return name;
    }
}
