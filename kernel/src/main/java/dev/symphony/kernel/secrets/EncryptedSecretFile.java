package dev.symphony.kernel.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Secrets in one file (mode 0600), encrypted with AES-256-GCM under a key derived from the user's passphrase
 * with PBKDF2-HMAC-SHA256 (the JDK's; {@value #ITERATIONS} iterations, OWASP's 2023 figure, a 16-byte random
 * salt kept in the file). The key is never stored: it exists only in this process's memory while the store is
 * open. The file is JSON: {@code {"format","kdf","iterations","salt","nonce","data"}}; the header fields are
 * the cipher's associated data, so changing any of them fails the tag check. A fresh nonce on every write;
 * written to a temporary file and renamed, so a crash leaves the old or the new file, never half of one.
 */
public final class EncryptedSecretFile implements SecretStore {
    static final String FORMAT = "symphony-secrets-1";
    static final String KDF = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Supplier<Optional<char[]>> passphrase;
    private final int newFileIterations;
    private SecretKey key;
    private byte[] salt;
    private int iterations;

    /** {@code passphrase} is asked once, when the file is first opened or created. */
    public EncryptedSecretFile(Path file, Supplier<Optional<char[]>> passphrase) {
        this(file, passphrase, ITERATIONS);
    }

    EncryptedSecretFile(Path file, Supplier<Optional<char[]>> passphrase, int newFileIterations) {
        this.file = file;
        this.passphrase = passphrase;
        this.newFileIterations = newFileIterations;
    }

    @Override
    public synchronized Optional<String> get(String name) throws SecretStoreException {
        JsonNode v = read().get(name);
        return v == null ? Optional.empty() : Optional.of(v.asText());
    }

    @Override
    public synchronized void set(String name, String value) throws SecretStoreException {
        ObjectNode all = read();
        all.put(SecretStore.checkName(name), value);
        write(all);
    }

    @Override
    public synchronized boolean remove(String name) throws SecretStoreException {
        ObjectNode all = read();
        boolean was = all.remove(name) != null;
        if (was) {
            write(all);
        }
        return was;
    }

    @Override
    public synchronized SortedSet<String> names() throws SecretStoreException {
        SortedSet<String> out = new TreeSet<>();
        for (Iterator<String> it = read().fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    public Path file() {
        return file;
    }

    @Override
    public String where() {
        return "the encrypted file " + file;
    }

    private ObjectNode read() throws SecretStoreException {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode f = JSON.readTree(Files.readAllBytes(file));
            if (!FORMAT.equals(f.path("format").asText()) || !KDF.equals(f.path("kdf").asText())) {
                throw new SecretStoreException(file + " is not a Symphony secret file (format " + f.path("format") + ")");
            }
            byte[] fileSalt = Base64.getDecoder().decode(f.path("salt").asText());
            int fileIterations = f.path("iterations").asInt();
            if (fileIterations < 10_000 || fileSalt.length < 16) {
                throw new SecretStoreException(file + " has a weak or broken key derivation header; refusing it");
            }
            unlock(fileSalt, fileIterations);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Base64.getDecoder().decode(f.path("nonce").asText())));
            c.updateAAD(aad(fileSalt, fileIterations));
            byte[] plain = c.doFinal(Base64.getDecoder().decode(f.path("data").asText()));
            try {
                return (ObjectNode) JSON.readTree(plain);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            key = null;
            throw new SecretStoreException("the passphrase does not open " + file + " (or the file was changed)");
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new SecretStoreException(file + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("cannot decrypt " + file + ": " + e, e);
        }
    }

    private void unlock(byte[] fileSalt, int fileIterations) throws SecretStoreException, GeneralSecurityException {
        if (key != null && Arrays.equals(fileSalt, salt) && fileIterations == iterations) {
            return;
        }
        char[] p = passphrase.get().orElseThrow(() -> new SecretStoreException("the secret store " + file
                + " is locked: set " + Passphrase.ENV + " or run the command at a terminal to be asked for the passphrase"));
        try {
            PBEKeySpec spec = new PBEKeySpec(p, fileSalt, fileIterations, 256);
            byte[] k = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            spec.clearPassword();
            key = new SecretKeySpec(k, "AES");
            Arrays.fill(k, (byte) 0);
            salt = fileSalt;
            iterations = fileIterations;
        } finally {
            Arrays.fill(p, '\0');
        }
    }

    private void write(ObjectNode all) throws SecretStoreException {
        try {
            if (key == null) { // a new file: a new salt, and the passphrase asked for the first time
                byte[] s = new byte[16];
                RANDOM.nextBytes(s);
                unlock(s, newFileIterations);
            }
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(salt, iterations));
            byte[] plain = JSON.writeValueAsBytes(all);
            byte[] sealed = c.doFinal(plain);
            Arrays.fill(plain, (byte) 0);
            ObjectNode f = JSON.createObjectNode().put("format", FORMAT).put("kdf", KDF).put("iterations", iterations)
                    .put("salt", Base64.getEncoder().encodeToString(salt))
                    .put("nonce", Base64.getEncoder().encodeToString(nonce))
                    .put("data", Base64.getEncoder().encodeToString(sealed));
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(f)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | GeneralSecurityException e) {
            throw new SecretStoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] aad(byte[] salt, int iterations) {
        return (FORMAT + "|" + KDF + "|" + iterations + "|" + Base64.getEncoder().encodeToString(salt)).getBytes(StandardCharsets.UTF_8);
    }
}
