package dev.symphony.kernel.extensions;

import dev.symphony.contract.manifest.ExtensionManifest;
import dev.symphony.contract.manifest.ManifestException;
import dev.symphony.contract.manifest.ManifestReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Remembers which manifests passed {@link ManifestReader#read} (schema and semantic checks), by the
 * SHA-256 of the reader's {@link ManifestReader#fingerprint} and the manifest's exact bytes, in the
 * user's cache folder. A manifest seen before is read without running the JSON-Schema validator
 * again: the answer could not differ, and starting the validator library cost ~100 ms before the
 * first host could start. A changed byte, a changed schema or reader gives a new key, so such a
 * manifest is checked in full. Losing the file only costs that time once.
 */
final class ValidatedManifests {
    private final Path file;
    private Set<String> known;
    private byte[] fingerprint;

    ValidatedManifests(Path file) {
        this.file = file;
    }

    /** The manifest in {@code bytes}, checked in full unless these exact bytes passed before. */
    synchronized ExtensionManifest read(byte[] bytes, String source) throws ManifestException {
        String key = key(bytes);
        if (known().contains(key)) {
            return ManifestReader.readValidated(bytes);
        }
        ExtensionManifest m = ManifestReader.read(bytes, source);
        known.add(key);
        save();
        return m;
    }

    private Set<String> known() {
        if (known == null) {
            known = new HashSet<>();
            try {
                if (Files.isRegularFile(file)) {
                    for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                        if (line.matches("[0-9a-f]{64}")) {
                            known.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                // unreadable: everything is checked in full
            }
        }
        return known;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, known, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a cache: the next start checks this manifest in full again
        }
    }

    private String key(byte[] bytes) {
        try {
            if (fingerprint == null) {
                fingerprint = ManifestReader.fingerprint();
            }
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(fingerprint);
            d.update(bytes);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
