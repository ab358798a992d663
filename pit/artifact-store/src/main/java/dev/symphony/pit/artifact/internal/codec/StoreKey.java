package dev.symphony.pit.artifact.internal.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import dev.symphony.pit.artifact.api.ArtifactKeySource;
import dev.symphony.pit.artifact.api.ArtifactStoreException;

/**
 * The store's key from its {@link ArtifactKeySource}: created on first open; a key an older store kept inside
 * its own folder ({@value KeyStoreFile#LEGACY_NAME}) is moved to the source — saved, read back, compared, and
 * only then deleted from the folder — so existing artifacts stay readable and the key no longer sits beside them.
 */
public final class StoreKey {
    private StoreKey() {
    }

    public static SecretKey open(Path root, ArtifactKeySource source) {
        if (source instanceof KeyStoreFile f && f.file().startsWith(root.toAbsolutePath().normalize())) {
            throw new ArtifactStoreException("the artifact key file " + f.file() + " lies inside the store's folder "
                    + root + "; a key must never sit in the folder it encrypts");
        }
        Path legacy = root.resolve(KeyStoreFile.LEGACY_NAME);
        try {
            Optional<byte[]> kept = source.load();
            byte[] key;
            if (kept.isPresent()) {
                key = kept.get();
            } else {
                key = Files.exists(legacy) ? KeyStoreFile.read(legacy) : fresh();
                source.save(key);
                byte[] back = source.load().orElseThrow(() -> new ArtifactStoreException(
                        "the artifact key was saved to " + source.where() + " but cannot be read back"));
                if (!MessageDigest.isEqual(key, back)) {
                    throw new ArtifactStoreException("the artifact key read back from " + source.where() + " differs from the one saved");
                }
            }
            if (key.length != 32) {
                throw new ArtifactStoreException("the artifact key from " + source.where() + " has " + key.length + " bytes, not 32");
            }
            if (Files.exists(legacy)) {
                byte[] old = KeyStoreFile.read(legacy);
                boolean same = MessageDigest.isEqual(old, key);
                Arrays.fill(old, (byte) 0);
                if (!same) {
                    throw new ArtifactStoreException("the store " + root + " holds a key file (" + legacy + ") that differs from the key in "
                            + source.where() + "; refusing to guess which one encrypts its artifacts");
                }
                Files.delete(legacy);
                FileSync.directory(root);
            }
            SecretKey k = new SecretKeySpec(key, "AES");
            Arrays.fill(key, (byte) 0);
            return k;
        } catch (IOException e) {
            throw new ArtifactStoreException("cannot read the old key file " + legacy + ": " + e.getMessage(), e);
        }
    }

    private static byte[] fresh() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
