package dev.symphony.kernel.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.symphony.kernel.fs.AtomicFiles;
import dev.symphony.kernel.paths.SymphonyPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Secrets in the OS keychain through java-keyring (Secret Service on Linux, Keychain on macOS, Credential
 * Manager on Windows), under the service name {@value #SERVICE}. A keychain cannot list one service's
 * entries portably, so the names alone are kept in {@code <config>/secrets/keychain-names.json}.
 * Where no keychain is usable (a headless Linux has no Secret Service on its session bus) {@link #open}
 * is empty and the encrypted file is used instead.
 */
final class KeychainSecrets implements SecretStore {
    static final String SERVICE = "dev.symphony";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Keyring keyring;
    private final Path namesFile;

    private KeychainSecrets(Keyring keyring, Path namesFile) {
        this.keyring = keyring;
        this.namesFile = namesFile;
    }

    static Optional<SecretStore> open(SymphonyPaths paths) {
        try {
            Keyring k = Keyring.create();
            return Optional.of(new KeychainSecrets(k, paths.configDir().resolve("secrets").resolve("keychain-names.json")));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized Optional<String> get(String name) throws SecretStoreException {
        if (!names().contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, name));
        } catch (PasswordAccessException | RuntimeException e) {
            throw refused("read", name, e);
        }
    }

    @Override
    public synchronized void set(String name, String value) throws SecretStoreException {
        try {
            keyring.setPassword(SERVICE, SecretStore.checkName(name), value);
        } catch (PasswordAccessException | RuntimeException e) {
            throw refused("store", name, e);
        }
        SortedSet<String> all = names();
        all.add(name);
        writeNames(all);
    }

    @Override
    public synchronized boolean remove(String name) throws SecretStoreException {
        SortedSet<String> all = names();
        if (!all.remove(name)) {
            return false;
        }
        try {
            keyring.deletePassword(SERVICE, name);
        } catch (PasswordAccessException | RuntimeException e) {
            throw refused("remove", name, e);
        }
        writeNames(all);
        return true;
    }

    @Override
    public synchronized SortedSet<String> names() throws SecretStoreException {
        try {
            if (!Files.exists(namesFile)) {
                return new TreeSet<>();
            }
            return new TreeSet<>(Arrays.asList(JSON.readValue(namesFile.toFile(), String[].class)));
        } catch (IOException e) {
            throw new SecretStoreException("cannot read " + namesFile + ": " + e.getMessage(), e);
        }
    }

    private void writeNames(SortedSet<String> names) throws SecretStoreException {
        try {
            Files.createDirectories(namesFile.getParent());
            AtomicFiles.write(namesFile, JSON.writeValueAsBytes(names));
        } catch (IOException e) {
            throw new SecretStoreException("cannot write " + namesFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * The keychain said no, or its library failed on the way (a locked Secret Service whose unlock prompt cannot
     * show, headless or over SSH, answers nothing: the library then fails with a NullPointerException of its own).
     */
    private static SecretStoreException refused(String verb, String name, Exception e) {
        String why = e instanceof PasswordAccessException ? e.getMessage()
                : "it may be locked, and its prompt to unlock it cannot show here (" + e + ")";
        return new SecretStoreException("the OS keychain (service " + SERVICE + ") could not " + verb + " secret " + name
                + ": " + why + ". Unlock it and try again, or keep secrets in the encrypted file instead: "
                + SecretStores.BACKEND_ENV + "=file", e);
    }

    @Override
    public String where() {
        return "the OS keychain (service " + SERVICE + ")";
    }
}
