package dev.symphony.agent.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Content-addressed, encrypted bytes in one folder ({@code ab/abcdef…}). A blob's name is an HMAC-SHA256 of its
 * content under a key derived from the store's key, so equal contents are stored once and the names say nothing about
 * the contents to whoever lacks the key (a plain SHA-256 would confirm a guessed file). Its bytes are
 * {@code "SYC1" | 12-byte nonce | AES-256-GCM(content)} with the name as associated data, written to a temporary file
 * and moved into place; a read checks the tag and the name, so a damaged or swapped blob is refused rather than
 * restored. The 32-byte key comes from {@link CheckpointKeys} (the user's secret store), never from this folder.
 */
public final class BlobStore implements Blobs {
    private static final byte[] MAGIC = "SYC1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path root;
    private final SecretKeySpec aes;
    private final SecretKeySpec names;

    public BlobStore(Path root, byte[] key) throws IOException {
        if (key.length != 32) {
            throw new IllegalArgumentException("a checkpoint key has 32 bytes, not " + key.length);
        }
        this.root = Files.createDirectories(root);
        this.aes = new SecretKeySpec(derive(key, "symphony checkpoint contents"), "AES");
        this.names = new SecretKeySpec(derive(key, "symphony checkpoint names"), "HmacSHA256");
    }

    /** A fresh random key (tests; {@link CheckpointKeys} keeps the window's). */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public Path root() {
        return root;
    }

    /** The SHA-256 of {@code bytes} in hex (for comparing files; blobs are named by {@link #name}). */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name {@code bytes} are stored under: the keyed hash of their content. */
    public String name(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(names);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores {@code bytes} (once per content) and returns their name. */
    @Override
    public String put(byte[] bytes) throws IOException {
        String name = name(bytes);
        Path target = path(name);
        if (Files.exists(target)) {
            return name;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), name.substring(0, 8), ".tmp");
        try {
            Files.write(tmp, seal(name, bytes));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return name;
    }

    /** The bytes stored under {@code name}; an IOException names the blob when it is missing, damaged or not ours. */
    @Override
    public byte[] read(String name) throws IOException {
        Path file = path(name);
        byte[] sealed;
        try {
            sealed = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("the checkpoint's copy " + name + " is missing from " + root, e);
        }
        byte[] bytes = open(file, name, sealed);
        if (!MessageDigest.isEqual(name(bytes).getBytes(StandardCharsets.US_ASCII), name.getBytes(StandardCharsets.US_ASCII))) {
            throw new IOException("the checkpoint's copy " + file + " is damaged (its content does not match its name)");
        }
        return bytes;
    }

    private byte[] seal(String name, byte[] bytes) throws IOException {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(bytes);
            return ByteBuffer.allocate(MAGIC.length + NONCE + sealed.length).put(MAGIC).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IOException("the checkpoint's copy cannot be encrypted: " + e.getMessage(), e);
        }
    }

    private byte[] open(Path file, String name, byte[] sealed) throws IOException {
        if (sealed.length < MAGIC.length + NONCE + TAG_BITS / 8 || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("the checkpoint's copy " + file + " is damaged (not an encrypted checkpoint copy)");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(TAG_BITS, sealed, MAGIC.length, NONCE));
            c.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
            return c.doFinal(sealed, MAGIC.length + NONCE, sealed.length - MAGIC.length - NONCE);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IOException("the checkpoint's copy " + file + " is damaged or was made with another key (its tag differs)", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("the checkpoint's copy " + file + " cannot be decrypted: " + e.getMessage(), e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path path(String name) {
        if (!name.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a checkpoint copy's name: " + name);
        }
        return root.resolve(name.substring(0, 2)).resolve(name);
    }
}
