package dev.symphony.kernel.secrets;

import dev.symphony.kernel.paths.SymphonyPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keys Symphony makes for itself (the artifact store's encryption key), kept where the user's secrets are and
 * never in the data folder they protect: the OS keychain where one is usable; else the passphrase-encrypted secret
 * file when {@value Passphrase#ENV} unlocks it; else a file of its own, mode 0600, in the config folder
 * ({@code <config>/keys/NAME.key}), outside the data folder. Looked up in all of those places, so a key saved
 * under one setting is found under another; a key that may be in a locked secret file is an error, not a reason
 * to make a new one.
 */
public final class MachineKeys {
    private static final String PREFIX = "symphony.key.";
    private final Supplier<SecretStore> store;
    private final Path keysDir;

    public MachineKeys(Supplier<SecretStore> store, Path keysDir) {
        SecretStore[] opened = new SecretStore[1];
        this.store = () -> {
            synchronized (opened) {
                if (opened[0] == null) {
                    opened[0] = store.get();
                }
                return opened[0];
            }
        };
        this.keysDir = keysDir;
    }

    public static MachineKeys standard(SymphonyPaths paths) {
        return new MachineKeys(() -> SecretStores.open(paths, Passphrase::fromEnvironment), paths.configDir().resolve("keys"));
    }

    public Optional<byte[]> load(String name) throws SecretStoreException {
        Path file = file(name);
        if (Files.exists(file)) {
            try {
                return Optional.of(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
            } catch (IOException | IllegalArgumentException e) {
                throw new SecretStoreException("the key file " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
        SecretStore s = store.get();
        if (s instanceof EncryptedSecretFile f && !Files.exists(f.file())) {
            return Optional.empty();
        }
        return s.get(PREFIX + SecretStore.checkName(name)).map(v -> Base64.getDecoder().decode(v));
    }

    public void save(String name, byte[] key) throws SecretStoreException {
        SecretStore s = store.get();
        String encoded = Base64.getEncoder().encodeToString(key);
        try {
            s.set(PREFIX + SecretStore.checkName(name), encoded);
            return;
        } catch (SecretStoreException locked) {
            if (!(s instanceof EncryptedSecretFile)) {
                throw locked;
            }
        }
        try { // no keychain and no passphrase: a file of its own, outside the data folder
            Files.createDirectories(keysDir);
            Path tmp = keysDir.resolve(name + ".key.tmp");
            Files.deleteIfExists(tmp);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, encoded + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SecretStoreException("cannot write the key file " + file(name) + ": " + e.getMessage(), e);
        }
    }

    /** Where the key is (or would be) kept, for messages. */
    public String where(String name) {
        return Files.exists(file(name)) ? "the key file " + file(name) : store.get().where();
    }

    private Path file(String name) {
        return keysDir.resolve(SecretStore.checkName(name) + ".key");
    }
}
