package dev.symphony.pit.artifact.internal.codec;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import dev.symphony.pit.artifact.api.ArtifactStoreException;

/**
 * Turns content into its stored form and back. Stored form: {@code nonce(12) | AES-256-GCM(body) | tag(16)}
 * where body is the Deflate stream when {@link #FLAG_COMPRESSED} is set, else the raw bytes (incompressible
 * content is not inflated by compression). The SHA-256 of the raw content is the GCM associated data, so a
 * stored blob cannot be swapped for another one's. One instance per store thread (Deflater, Cipher and
 * MessageDigest are reused).
 */
public final class ContentCodec {
    public static final int FLAG_COMPRESSED = 1;
    public static final int HASH_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    public static final int OVERHEAD = NONCE_LENGTH + TAG_BITS / 8;

    private final SecretKey key;
    private final Deflater deflater;
    private final boolean compress;
    private final Inflater inflater = new Inflater(true);
    private final MessageDigest sha256;
    private final Cipher cipher;
    private final SecureRandom random = new SecureRandom();
    private final byte[] nonce = new byte[NONCE_LENGTH];
    private byte[] scratch = new byte[8192];

    /** The stored bytes of the last {@link #encode}: {@code storedBytes()[0 .. storedLength())}. */
    private byte[] stored = new byte[8192];
    private int storedLength;
    private int storedFlags;

    public ContentCodec(SecretKey key, int compressionLevel) {
        this.key = key;
        this.deflater = new Deflater(compressionLevel, true);
        this.compress = compressionLevel > 0;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (NoSuchAlgorithmException | javax.crypto.NoSuchPaddingException e) {
            throw new IllegalStateException("this JVM lacks SHA-256 or AES/GCM, which every Java 17 has", e);
        }
    }

    public void hash(byte[] raw, byte[] hashOut) {
        sha256.update(raw);
        try {
            sha256.digest(hashOut, 0, HASH_LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compresses (when it helps) and encrypts {@code raw}; results via {@link #stored()} etc. */
    public void encode(byte[] raw, byte[] hash) {
        byte[] body = raw;
        int bodyLength = raw.length;
        storedFlags = 0;
        if (compress && raw.length > 64) {
            int compressed = deflate(raw);
            if (compressed < raw.length - raw.length / 16) {
                body = scratch;
                bodyLength = compressed;
                storedFlags = FLAG_COMPRESSED;
            }
        }
        random.nextBytes(nonce);
        ensureStored(NONCE_LENGTH + bodyLength + TAG_BITS / 8);
        System.arraycopy(nonce, 0, stored, 0, NONCE_LENGTH);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(hash, 0, HASH_LENGTH);
            storedLength = NONCE_LENGTH + cipher.doFinal(body, 0, bodyLength, stored, NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new ArtifactStoreException("encrypting content failed: " + e.getMessage(), e);
        }
    }

    public byte[] stored() {
        return stored;
    }

    public int storedLength() {
        return storedLength;
    }

    public int storedFlags() {
        return storedFlags;
    }

    /**
     * Decrypts, inflates and verifies stored content. {@code where} names the artifact and file in errors.
     */
    public byte[] decode(byte[] in, int offset, int length, int flags, long rawLength, byte[] hash, int hashOffset,
                         String where) {
        if (length < OVERHEAD) {
            throw new ArtifactStoreException("stored content of " + where + " is truncated (" + length + " bytes)");
        }
        byte[] body;
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, offset, NONCE_LENGTH));
            cipher.updateAAD(hash, hashOffset, HASH_LENGTH);
            body = cipher.doFinal(in, offset + NONCE_LENGTH, length - NONCE_LENGTH);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new ArtifactStoreException("content of " + where + " failed its integrity check (GCM tag): it was "
                    + "altered on disk or the key store file is not the one it was written with", e);
        } catch (GeneralSecurityException e) {
            throw new ArtifactStoreException("decrypting content of " + where + " failed: " + e.getMessage(), e);
        }
        byte[] raw = (flags & FLAG_COMPRESSED) != 0 ? inflate(body, rawLength, where) : body;
        if (raw.length != rawLength) {
            throw new ArtifactStoreException("content of " + where + " has " + raw.length + " bytes, expected " + rawLength);
        }
        byte[] actual = new byte[HASH_LENGTH];
        hash(raw, actual);
        if (!Arrays.equals(actual, 0, HASH_LENGTH, hash, hashOffset, hashOffset + HASH_LENGTH)) {
            throw new ArtifactStoreException("content of " + where + " does not match its SHA-256");
        }
        return raw;
    }

    private int deflate(byte[] raw) {
        deflater.reset();
        deflater.setInput(raw);
        deflater.finish();
        int total = 0;
        while (!deflater.finished()) {
            if (total == scratch.length) {
                if (total >= raw.length) {
                    return Integer.MAX_VALUE; // larger than the input: store raw
                }
                scratch = Arrays.copyOf(scratch, scratch.length * 2);
            }
            total += deflater.deflate(scratch, total, scratch.length - total);
        }
        return total;
    }

    private byte[] inflate(byte[] body, long rawLength, String where) {
        if (rawLength > Integer.MAX_VALUE - 16) {
            throw new ArtifactStoreException("content of " + where + " is too large to inflate: " + rawLength);
        }
        byte[] raw = new byte[(int) rawLength];
        inflater.reset();
        inflater.setInput(body);
        try {
            int n = 0;
            while (n < raw.length && !inflater.finished()) {
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != raw.length) {
                throw new ArtifactStoreException("content of " + where + " inflated to " + n + " bytes, expected " + rawLength);
            }
        } catch (DataFormatException e) {
            throw new ArtifactStoreException("content of " + where + " is not a valid Deflate stream", e);
        }
        return raw;
    }

    private void ensureStored(int capacity) {
        if (stored.length < capacity) {
            stored = new byte[Math.max(capacity, stored.length * 2)];
        }
    }
}
