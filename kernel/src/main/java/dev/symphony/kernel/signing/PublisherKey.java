package dev.symphony.kernel.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A publisher's Ed25519 key pair (the JDK's {@code java.security} since 15: {@code KeyPairGenerator},
 * {@code Signature} "Ed25519"). The private file is JSON, created with mode 0600 and never
 * overwritten; {@code FILE.pub} holds the public half, which users add to their trusted publishers.
 */
public final class PublisherKey {
    static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_FORMAT = "symphony-publisher-key/1";
    private static final String PUBLIC_FORMAT = "symphony-publisher-public-key/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String publisher;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    private PublisherKey(String publisher, PublicKey publicKey, PrivateKey privateKey) {
        this.publisher = publisher;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    public static PublisherKey generate(String publisher) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new PublisherKey(publisher, pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no " + ALGORITHM, e);
        }
    }

    public String publisher() {
        return publisher;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String fingerprint() {
        return fingerprint(publicKey);
    }

    byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes FILE (mode 0600, refused if it exists) and FILE.pub. */
    public void write(Path file) throws IOException {
        Path pub = publicFile(file);
        if (Files.exists(file) || Files.exists(pub)) {
            throw new FileAlreadyExistsException(Files.exists(file) ? file.toString() : pub.toString(), null, "will not overwrite a key");
        }
        ObjectNode priv = JSON.createObjectNode().put("format", PRIVATE_FORMAT).put("publisher", publisher)
                .put("algorithm", ALGORITHM)
                .put("privateKey", Base64.getEncoder().encodeToString(privateKey.getEncoded()))
                .put("publicKey", encode(publicKey));
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(priv);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(pub, publicJson(publisher, publicKey).toPrettyString() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    public static Path publicFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".pub");
    }

    public static PublisherKey read(Path file) throws IOException, SignatureException {
        JsonNode n = readJson(file);
        if (!PRIVATE_FORMAT.equals(n.path("format").asText())) {
            throw new SignatureException(file + " is not a Symphony publisher key (format '" + PRIVATE_FORMAT + "' expected)");
        }
        try {
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(n.path("privateKey").asText())));
            return new PublisherKey(n.path("publisher").asText(), decode(n.path("publicKey").asText(), file + ": publicKey"), priv);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SignatureException(file + ": the private key cannot be read: " + e.getMessage());
        }
    }

    /** A public key file (FILE.pub): the publisher's name as the key's maker wrote it, and the key. */
    public record Public(String publisher, PublicKey key) {
        public String fingerprint() {
            return PublisherKey.fingerprint(key);
        }
    }

    public static Public readPublic(Path file) throws IOException, SignatureException {
        JsonNode n = readJson(file);
        if (!PUBLIC_FORMAT.equals(n.path("format").asText()) && !PRIVATE_FORMAT.equals(n.path("format").asText())) {
            throw new SignatureException(file + " is not a Symphony publisher public key (format '" + PUBLIC_FORMAT + "' expected)");
        }
        return new Public(n.path("publisher").asText(), decode(n.path("publicKey").asText(), file + ": publicKey"));
    }

    static ObjectNode publicJson(String publisher, PublicKey key) {
        return JSON.createObjectNode().put("format", PUBLIC_FORMAT).put("publisher", publisher).put("algorithm", ALGORITHM)
                .put("publicKey", encode(key)).put("fingerprint", fingerprint(key));
    }

    private static JsonNode readJson(Path file) throws IOException, SignatureException {
        if (Files.size(file) > 64 * 1024) {
            throw new SignatureException(file + " is too large to be a key file");
        }
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SignatureException(file + " is not JSON: " + e.getMessage());
        }
    }

    static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static PublicKey decode(String base64, String where) throws SignatureException {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!ALGORITHM.equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
                throw new SignatureException(where + " is not an " + ALGORITHM + " key");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SignatureException(where + " is not an " + ALGORITHM + " public key: " + e.getMessage());
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** SHA-256 of the key's X.509 encoding, 64 hexadecimal digits. */
    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprint as people compare it: groups of four, {@code SHA256:ab12 cd34 …}. */
    public static String display(String fingerprint) {
        StringBuilder b = new StringBuilder("SHA256:");
        for (int i = 0; i < fingerprint.length(); i += 4) {
            b.append(i == 0 ? "" : " ").append(fingerprint, i, Math.min(fingerprint.length(), i + 4));
        }
        return b.toString();
    }
}
