package dev.symphony.ui.chat.checkpoint;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed bytes in one folder ({@code ab/abcdef…}, the SHA-256 in hex): equal contents are stored once, a
 * blob is written to a temporary file and moved into place, and a read checks the hash, so a damaged blob is refused
 * rather than restored.
 */
public final class BlobStore {
    private final Path root;

    public BlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    public Path root() {
        return root;
    }

    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores {@code bytes} (once per content) and returns their hash. */
    public String put(byte[] bytes) throws IOException {
        String hash = hash(bytes);
        Path target = path(hash);
        if (Files.exists(target)) {
            return hash;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), hash.substring(0, 8), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return hash;
    }

    /** The bytes stored under {@code hash}; an IOException names the blob when it is missing or damaged. */
    public byte[] read(String hash) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path(hash));
        } catch (NoSuchFileException e) {
            throw new IOException("the checkpoint's copy " + hash + " is missing from " + root, e);
        }
        if (!hash(bytes).equals(hash)) {
            throw new IOException("the checkpoint's copy " + path(hash) + " is damaged (its SHA-256 differs)");
        }
        return bytes;
    }

    private Path path(String hash) {
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }
}
